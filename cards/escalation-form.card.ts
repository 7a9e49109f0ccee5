import { z } from 'zod';
import { GuardedText } from '../domain/shared/guarded-text';
import { URGENCIES, Urgency } from '../domain/escalations/escalation';
import { CATEGORIES, Category } from '../domain/escalations/escalation-raise';
import { EntityId } from '../domain/shared/ids';
import { TEXT_LIMITS } from '../domain/shared/text-limits';
import { textField } from './form-fields';
import { adaptiveCard, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';
import { ESCALATION_VERBS } from './escalation.card';

/** `escalation.raise`: the form's inputs (checked again on the server: the client's checks are advice). */
export const EscalationRaiseData = z.object({
  // Emptiness and lengths are checked by the bot, which gives the form back with the text kept.
  title: z.string().max(100_000).default(''),
  description: z.string().max(100_000).default(''),
  category: Category,
  urgency: Urgency,
  area: z.string().max(100).optional(),
  originForumId: EntityId,
});

/** `escalation.form`: open the form, possibly from a forum and with a title. */
export const EscalationFormData = z.object({ forumId: EntityId.optional(), title: GuardedText.max(200).optional() });

export interface EscalationFormCardText {
  lang: CardLang;
  title: string;
  intro: string;
  privacy: string;
  labels: { title: string; description: string; category: string; urgency: string; forum: string; area: string };
  areaNone: string;
  required: string;
  categories: Record<(typeof CATEGORIES)[number], string>;
  urgencies: Record<Urgency, string>;
  submit: string;
  noForum: string;
}

export interface EscalationFormView {
  fora: readonly { id: string; name: string; escalatesToName: string }[];
  /** The municipality's areas; the field is left out when there are none. */
  areas?: readonly { id: string; name: string }[];
  forumId?: string;
  title?: string;
}

export function escalationFormCard(text: EscalationFormCardText, view: EscalationFormView): AdaptiveCard {
  if (view.fora.length === 0) return adaptiveCard(text.lang, [heading(text.title), paragraph(text.noForum)]);
  const body: CardElement[] = [
    heading(text.title),
    paragraph(text.intro),
    paragraph(text.privacy, { isSubtle: true, size: 'Small' }),
    textField(text.lang, { id: 'title', label: text.labels.title, max: TEXT_LIMITS.caseTitle, required: true, requiredMessage: text.required, ...(view.title ? { value: view.title } : {}) }),
    textField(text.lang, { id: 'description', label: text.labels.description, max: TEXT_LIMITS.caseText, multiline: true }),
    {
      type: 'Input.ChoiceSet',
      id: 'category',
      label: text.labels.category,
      value: 'trend',
      choices: CATEGORIES.map((c) => ({ title: text.categories[c], value: c })),
    },
    { type: 'Input.ChoiceSet', id: 'urgency', label: text.labels.urgency, value: 'normal', choices: URGENCIES.map((u) => ({ title: text.urgencies[u], value: u })) },
    ...(view.areas === undefined || view.areas.length === 0
      ? []
      : [{ type: 'Input.ChoiceSet', id: 'area', label: text.labels.area, placeholder: text.areaNone, value: '', choices: view.areas.map((a) => ({ title: a.name, value: a.id })) }]),
    {
      type: 'Input.ChoiceSet',
      id: 'originForumId',
      label: text.labels.forum,
      isRequired: true,
      errorMessage: text.required,
      value: view.forumId ?? view.fora[0]?.id,
      choices: view.fora.map((f) => ({ title: `${f.name} → ${f.escalatesToName}`, value: f.id })),
    },
  ];
  return adaptiveCard(text.lang, body, [executeAction(text.submit, ESCALATION_VERBS.raise)]);
}

export interface EscalationListCardText {
  lang: CardLang;
  title: string;
  raisedByMe: string;
  waitingForMe: string;
  none: string;
  newCase: string;
  open: string;
  /** Under a section that shows fewer than there are: "Viser de 20 nyeste af 34." */
  shownOf: (shown: number, total: number) => string;
}

export interface EscalationListView {
  raised: readonly { id: string; line: string }[];
  waiting: readonly { id: string; line: string }[];
  /** How many there are in all, where a section shows fewer (absent: all are shown). */
  raisedTotal?: number;
  waitingTotal?: number;
}

/** `eskaler` in a personal chat: the cases I raised and those waiting for me, each one click away. */
export function escalationListCard(text: EscalationListCardText, view: EscalationListView): AdaptiveCard {
  const section = (title: string, rows: EscalationListView['raised'], total = rows.length): CardElement[] => [
    paragraph(`**${title}**`, { spacing: 'Medium' }),
    ...(total > rows.length ? [paragraph(text.shownOf(rows.length, total), { isSubtle: true, size: 'Small', spacing: 'None' })] : []),
    ...(rows.length === 0
      ? [paragraph(text.none, { isSubtle: true, spacing: 'None' })]
      : rows.map((row) => ({
          type: 'ColumnSet',
          columns: [
            { type: 'Column', width: 'stretch', items: [paragraph(row.line)] },
            { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [executeAction(text.open, ESCALATION_VERBS.view, { escalationId: row.id, fromList: true })] }] },
          ],
        }))),
  ];
  return adaptiveCard(
    text.lang,
    [heading(text.title), ...section(text.waitingForMe, view.waiting, view.waitingTotal), ...section(text.raisedByMe, view.raised, view.raisedTotal)],
    [executeAction(text.newCase, ESCALATION_VERBS.form, {})],
  );
}
