import { z } from 'zod';
import type { Agenda, AgendaInput } from '../domain/agendas/agenda';
import { EntityId } from '../domain/shared/ids';
import { TEXT_LIMITS } from '../domain/shared/text-limits';
import { adaptiveCard, asText, executeAction, heading, markdownLink, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';
import { formatDateTime } from './dates';
import { textField } from './form-fields';

export const CIRCULATION_INPUT_VERBS = { view: 'agenda.input.view', submit: 'agenda.input.submit' } as const;

/** The id of an item's text field; Teams puts the typed text under this key in `data`. */
export const inputFieldId = (itemId: string): string => `input.${itemId}`;
export const NO_COMMENTS_ID = 'noComments';

export const InputViewData = z.object({ forumId: EntityId, agendaId: EntityId });
/** `agenda.input.submit`: the revision the card showed, the toggle, and one `input.<itemId>` per item (loose). */
export const InputSubmitData = z
  .object({
    forumId: EntityId,
    agendaId: EntityId,
    revision: z.coerce.number().int().min(0),
    [NO_COMMENTS_ID]: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  })
  .loose();
export type InputSubmitData = z.infer<typeof InputSubmitData>;

/** The typed texts by item id, from the submitted data. Not trimmed: a stale card gives them back as typed. */
export function typedTexts(data: Record<string, unknown>): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key.startsWith('input.') && typeof value === 'string') texts[key.slice('input.'.length)] = value;
  }
  return texts;
}

export interface CirculationInputCardText {
  lang: CardLang;
  title: (forum: string) => string;
  meeting: (when: string) => string;
  deadline: (when: string) => string;
  intro: string;
  inputLabel: string;
  placeholder: string;
  noInputWanted: string;
  noComments: string;
  submit: string;
  change: string;
  savedAt: (when: string) => string;
  savedNoComments: string;
  nothingSaved: string;
  closed: string;
  yourInput: string;
  presenter: (name: string) => string;
  documents: string;
}

export interface CirculationInputView {
  forumName: string;
  agenda: Agenda;
  consultantId: string;
  /** What this consultant saved (only their own rows). */
  saved: readonly AgendaInput[];
  open: boolean;
  timeZone: string;
  /** Shown first: a confirmation, a reminder, or why the typed text was not saved. */
  notice?: { text: string; tone: 'good' | 'warning' | 'attention' };
  /** Texts to put back into the fields (a stale card: what they typed). */
  typed?: Readonly<Record<string, string>>;
  noCommentsTyped?: boolean;
}

/**
 * A consultant's own card for giving input on a circulated agenda. `refresh` for this consultant
 * alone brings the current revision, their saved answer and, after the deadline, the read-only view.
 */
export function circulationInputCard(text: CirculationInputCardText, view: CirculationInputView): AdaptiveCard {
  const { agenda } = view;
  const circulation = agenda.circulation;
  const when = (instant: string): string => formatDateTime(instant, text.lang, view.timeZone);
  const ref = { forumId: agenda.forumId, agendaId: agenda.id };
  const savedText = new Map(view.saved.filter((s) => s.itemId !== undefined).map((s) => [s.itemId, s.text]));
  const savedNoComments = view.saved.some((s) => s.noComments);
  const lastSaved = view.saved.map((s) => s.savedAt).sort().at(-1);

  const body: CardElement[] = [];
  if (view.notice !== undefined) body.push(paragraph(view.notice.text, { color: view.notice.tone === 'good' ? 'Good' : view.notice.tone === 'warning' ? 'Warning' : 'Attention', weight: 'Bolder' }));
  body.push(heading(text.title(asText(view.forumName))), paragraph(text.meeting(when(agenda.meetingStart)), { spacing: 'None', isSubtle: true }));
  if (circulation !== undefined) body.push(paragraph(text.deadline(when(circulation.deadline)), { weight: 'Bolder' }));
  body.push(paragraph(view.open ? text.intro : text.closed, view.open ? {} : { color: 'Warning' }));

  agenda.items.forEach((item, index) => {
    const block: CardElement[] = [paragraph(`**${index + 1}. ${asText(item.title)}**`)];
    if (item.description !== '') block.push(paragraph(asText(item.description), { spacing: 'None' }));
    if (item.presenter !== undefined) block.push(paragraph(text.presenter(asText(item.presenter)), { spacing: 'None', isSubtle: true, size: 'Small' }));
    if (item.documentUrl !== undefined) block.push(paragraph(markdownLink(text.documents, item.documentUrl), { spacing: 'None', size: 'Small' }));
    if (!item.inputWanted) block.push(paragraph(text.noInputWanted, { spacing: 'None', isSubtle: true, size: 'Small' }));
    else if (view.open) {
      block.push(
        textField(text.lang, {
          id: inputFieldId(item.id),
          label: text.inputLabel,
          placeholder: text.placeholder,
          multiline: true,
          max: TEXT_LIMITS.agendaInput,
          value: view.typed?.[item.id] ?? savedText.get(item.id) ?? '',
        }),
      );
    } else {
      block.push(paragraph(`${text.yourInput}: ${asText(savedText.get(item.id) ?? '–')}`, { spacing: 'Small' }));
    }
    body.push({ type: 'Container', separator: true, spacing: 'Medium', items: block });
  });

  if (view.open) {
    body.push({ type: 'Input.Toggle', id: NO_COMMENTS_ID, title: text.noComments, value: String(view.noCommentsTyped ?? savedNoComments), valueOn: 'true', valueOff: 'false', separator: true });
  }
  if (lastSaved !== undefined) body.push(paragraph(savedNoComments ? `${text.savedAt(when(lastSaved))} ${text.savedNoComments}` : text.savedAt(when(lastSaved)), { color: 'Good', size: 'Small' }));
  else if (!view.open) body.push(paragraph(text.nothingSaved, { isSubtle: true }));

  const actions = view.open ? [executeAction(view.saved.length > 0 ? text.change : text.submit, CIRCULATION_INPUT_VERBS.submit, { ...ref, revision: agenda.revision }, { style: 'positive' })] : [];
  return {
    ...adaptiveCard(text.lang, body, actions),
    refresh: { action: { type: 'Action.Execute', verb: CIRCULATION_INPUT_VERBS.view, data: ref }, userIds: [view.consultantId] },
  } as AdaptiveCard;
}
