import { z } from 'zod';
import { URGENCIES, type Urgency } from '../domain/escalations/escalation';
import { EntityId } from '../domain/shared/ids';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang, noticeBlock } from './card-kit';

export const ESCALATION_DEADLINE_VERBS = { show: 'escalation.deadlines.show', save: 'escalation.deadlines.save' } as const;

/** `escalation.deadlines.show`: open a forum's deadlines (the chair's button on the forum card). */
export const EscalationDeadlinesShowData = z.object({ forumId: EntityId });
export type EscalationDeadlinesShowData = z.infer<typeof EscalationDeadlinesShowData>;

/** The ids of the card's inputs, one pair per urgency (the names in the save data below). */
export const deadlineInput = (kind: 'remind' | 'escalate', urgency: Urgency): string => `${kind}_${urgency}`;

// Teams sends input values as text: "true"/"false" from a toggle, digits from a number input.
const toggle = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
// Loose on purpose: the bot reads each number and marks a wrong one beside its field.
const whole = z.union([z.number(), z.string().max(50)]).optional();

/**
 * `escalation.deadlines.save`: the forum and the inputs below. The ranges are checked by the domain,
 * so a wrong value gets a message that names it. `autoEscalate` is absent at the top of the chain.
 */
export const EscalationDeadlinesSaveData = z.object({
  forumId: EntityId,
  autoEscalate: toggle.optional(),
  remind_low: whole,
  remind_normal: whole,
  remind_high: whole,
  escalate_low: whole,
  escalate_normal: whole,
  escalate_high: whole,
});
export type EscalationDeadlinesSaveData = z.infer<typeof EscalationDeadlinesSaveData>;

export interface EscalationDeadlinesCardText {
  lang: CardLang;
  title: (forum: string) => string;
  intro: string;
  usesDefaults: string;
  topOfChain: string;
  urgencies: Record<Urgency, string>;
  remind: string;
  escalate: string;
  /** At the top of the chain (or without automatic escalation) the second deadline is a second reminder. */
  secondReminder: string;
  autoEscalate: string;
  range: (min: number, max: number) => string;
  save: string;
  saved: string;
}

type Range = { min: number; max: number };
type PerUrgency = Record<Urgency, number>;

export interface EscalationDeadlinesCardView {
  forumId: string;
  forumName: string;
  /** The forum escalates to no forum: cases are only reminded, never sent on. */
  topOfChain: boolean;
  /** The forum has no deadlines of its own yet: the values shown are the defaults. */
  defaults: boolean;
  settings: { remindAfterHours: PerUrgency; escalateAfterHours: PerUrgency; autoEscalate: boolean };
  limits: { remindAfterHours: Range; escalateAfterHours: Range };
  /** Just saved: say so at the top. */
  saved?: boolean;
}

const hoursInput = (id: string, label: string, value: number, limits: Range, range: (min: number, max: number) => string): CardElement => ({
  type: 'Input.Number',
  id,
  label: `${label} (${range(limits.min, limits.max)})`,
  min: limits.min,
  max: limits.max,
  value,
  isRequired: true,
  errorMessage: range(limits.min, limits.max),
});

/** For the chair: by urgency, when an unacknowledged case reminds the managers and when it goes one level up. */
export function escalationDeadlinesCard(text: EscalationDeadlinesCardText, view: EscalationDeadlinesCardView): AdaptiveCard {
  const { settings: s, limits } = view;
  const body: CardElement[] = [heading(text.title(asText(view.forumName)))];
  if (view.saved === true) body.push(noticeBlock(text.saved));
  body.push(paragraph(text.intro));
  if (view.topOfChain) body.push(paragraph(text.topOfChain, { isSubtle: true }));
  if (view.defaults) body.push(paragraph(text.usesDefaults, { isSubtle: true, spacing: 'Small' }));
  if (!view.topOfChain) {
    body.push({ type: 'Input.Toggle', id: 'autoEscalate', title: text.autoEscalate, value: String(s.autoEscalate), valueOn: 'true', valueOff: 'false', spacing: 'Medium' });
  }
  const second = view.topOfChain ? text.secondReminder : text.escalate;
  for (const urgency of [...URGENCIES].reverse()) {
    body.push(
      paragraph(text.urgencies[urgency], { weight: 'Bolder', spacing: 'Medium' }),
      hoursInput(deadlineInput('remind', urgency), text.remind, s.remindAfterHours[urgency], limits.remindAfterHours, text.range),
      hoursInput(deadlineInput('escalate', urgency), second, s.escalateAfterHours[urgency], limits.escalateAfterHours, text.range),
    );
  }
  return adaptiveCard(text.lang, body, [executeAction(text.save, ESCALATION_DEADLINE_VERBS.save, { forumId: view.forumId })]);
}
