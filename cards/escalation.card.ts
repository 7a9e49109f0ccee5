import { z } from 'zod';
import { EscalationAction, type EscalationState, type Urgency } from '../domain/escalations/escalation';
import { EntityId } from '../domain/shared/ids';
import { TEXT_LIMITS } from '../domain/shared/text-limits';
import { textField } from './form-fields';
import { LocalDate } from '../domain/shared/time';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang, noticeBlock } from './card-kit';

export const ESCALATION_VERBS = {
  form: 'escalation.form',
  raise: 'escalation.raise',
  act: 'escalation.act',
  share: 'escalation.share',
  seen: 'escalation.seen',
  view: 'escalation.view',
  /** `eskaler`'s list of my cases again (from a case opened there). */
  list: 'escalation.list',
} as const;

/** The ids of the card's inputs; Teams puts their values beside the button's data. */
export const ESCALATION_INPUTS = { note: 'note', taskTitle: 'taskTitle', taskDue: 'taskDue' } as const;

/** `escalation.act`: a step on the case; `step` is the history length the card showed (stale-card check). */
export const EscalationActData = z.object({
  escalationId: EntityId,
  action: EscalationAction.exclude(['auto_escalate']),
  step: z.coerce.number().int().min(0),
  // Lengths are checked by the bot, which gives the case back with the text and the limit.
  note: z.string().max(100_000).optional(),
  taskTitle: z.string().max(100_000).optional(),
  taskDue: z.union([LocalDate, z.literal('')]).optional(),
  fromList: z.boolean().optional(),
});
export type EscalationActData = z.infer<typeof EscalationActData>;

/** `escalation.share`, `escalation.seen`, `escalation.view`: the case only. */
export const EscalationRefData = z.object({ escalationId: EntityId, step: z.coerce.number().int().min(0).optional(), fromList: z.boolean().optional() });
/** `escalation.list`: nothing to send; the list is always the clicker's own. */
export const EscalationListData = z.object({});

export type CaseButton = Exclude<EscalationAction, 'auto_escalate'> | 'share';

export interface EscalationCardText {
  lang: CardLang;
  states: Record<EscalationState, string>;
  urgencies: Record<Urgency, string>;
  labels: {
    state: string;
    holding: string;
    path: string;
    category: string;
    area: string;
    urgency: string;
    raisedBy: string;
    description: string;
    descriptionHidden: string;
    decision: string;
    task: string;
    history: string;
    seenBy: string;
    notSeenBy: string;
    note: string;
    taskTitle: string;
    taskDue: string;
  };
  buttons: Record<CaseButton, string> & { refresh: string; backToList: string };
}

export interface HistoryLine {
  at: string;
  text: string;
  note?: string;
}

export interface EscalationCardView {
  id: string;
  step: number;
  title: string;
  /** Absent when the viewer may not read it (sensitive forum). */
  description?: string;
  category: string;
  /** The area's name; absent when not placed or sealed for the viewer. */
  area?: string;
  urgency: Urgency;
  state: EscalationState;
  holdingForum: string;
  path: readonly string[];
  raisedBy: string;
  decision?: string;
  task?: string;
  history: readonly HistoryLine[];
  seen?: { seen: readonly string[]; missing: readonly string[] };
  /** A line at the top (another manager acted first, the answer was sent, …). */
  notice?: string;
  can: readonly CaseButton[];
  /** People who get their own view when they open the card (≤ 60). */
  refreshUserIds?: readonly string[];
  /** Opened from `eskaler`'s list: a button back to it, kept when the card is refreshed. */
  fromList?: boolean;
}

/** Keeps the card small: the newest steps only. */
const HISTORY_SHOWN = 8;
const BUTTONS_PER_ROW = 3;
const NEEDS_NOTE: readonly CaseButton[] = ['ask', 'answer', 'resolve', 'escalate', 'return'];

export function escalationCard(text: EscalationCardText, view: EscalationCardView): AdaptiveCard {
  const body: CardElement[] = [];
  if (view.notice !== undefined) body.push(noticeBlock(view.notice, 'neutral'));
  body.push(heading(asText(view.title)));
  body.push({
    type: 'FactSet',
    facts: [
      { title: text.labels.state, value: text.states[view.state] },
      { title: text.labels.holding, value: asText(view.holdingForum) },
      { title: text.labels.path, value: view.path.map(asText).join(' → ') },
      { title: text.labels.category, value: asText(view.category) },
      ...(view.area === undefined ? [] : [{ title: text.labels.area, value: asText(view.area) }]),
      { title: text.labels.urgency, value: text.urgencies[view.urgency] },
      { title: text.labels.raisedBy, value: asText(view.raisedBy) },
    ],
  });
  body.push(paragraph(`**${text.labels.description}**`, { spacing: 'Medium' }));
  body.push(paragraph(view.description === undefined ? text.labels.descriptionHidden : asText(view.description) || '—', view.description === undefined ? { isSubtle: true } : {}));
  if (view.decision !== undefined) body.push(paragraph(`**${text.labels.decision}:** ${asText(view.decision)}`));
  if (view.task !== undefined) body.push(paragraph(`**${text.labels.task}:** ${asText(view.task)}`));
  if (view.seen !== undefined) {
    body.push(paragraph(`**${text.labels.seenBy}:** ${view.seen.seen.map(asText).join(', ') || '—'}`));
    body.push(paragraph(`**${text.labels.notSeenBy}:** ${view.seen.missing.map(asText).join(', ') || '—'}`, { spacing: 'None' }));
  }
  body.push(paragraph(`**${text.labels.history}**`, { spacing: 'Medium' }));
  for (const line of view.history.slice(-HISTORY_SHOWN)) {
    body.push(paragraph(`${line.at} · ${line.text}${line.note === undefined ? '' : `: ${asText(line.note)}`}`, { spacing: 'None', size: 'Small' }));
  }

  const back = view.fromList === true ? { fromList: true } : {};
  const data = (action: CaseButton): Record<string, unknown> => ({ escalationId: view.id, action, step: view.step, ...back });
  if (view.can.some((b) => NEEDS_NOTE.includes(b))) {
    body.push(textField(text.lang, { id: ESCALATION_INPUTS.note, label: text.labels.note, max: TEXT_LIMITS.caseText, multiline: true }));
  }
  if (view.can.includes('return')) {
    body.push(textField(text.lang, { id: ESCALATION_INPUTS.taskTitle, label: text.labels.taskTitle, max: TEXT_LIMITS.actionTitle }));
    body.push({ type: 'Input.Date', id: ESCALATION_INPUTS.taskDue, label: text.labels.taskDue });
  }
  // Hosts allow few buttons per row: the steps go in rows of three, share and refresh at the bottom.
  const steps = view.can.filter((b) => b !== 'share').map((button) => executeAction(text.buttons[button], ESCALATION_VERBS.act, data(button)));
  const viewData = { escalationId: view.id, ...back };
  for (let i = 0; i < steps.length; i += BUTTONS_PER_ROW) body.push({ type: 'ActionSet', actions: steps.slice(i, i + BUTTONS_PER_ROW) });
  const actions: CardElement[] = [
    ...(view.can.includes('share') ? [executeAction(text.buttons.share, ESCALATION_VERBS.share, { escalationId: view.id, step: view.step, ...back })] : []),
    executeAction(text.buttons.refresh, ESCALATION_VERBS.view, viewData),
    ...(view.fromList === true ? [executeAction(text.buttons.backToList, ESCALATION_VERBS.list, {}, { associatedInputs: 'none' })] : []),
  ];
  const card = adaptiveCard(text.lang, body, actions);
  if (view.refreshUserIds === undefined || view.refreshUserIds.length === 0) return card;
  // Teams asks each listed person's own view when they open the card (at most 60 people).
  return { ...card, refresh: { action: { type: 'Action.Execute', verb: ESCALATION_VERBS.view, data: viewData }, userIds: view.refreshUserIds.slice(0, 60) } } as AdaptiveCard;
}
