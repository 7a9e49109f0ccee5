import { z } from 'zod';
import { EntityId } from '../domain/shared/ids';
import { TEXT_LIMITS } from '../domain/shared/text-limits';
import { textField } from './form-fields';
import { formTexts } from './form-texts';
import { ACTION_VERBS } from './action-item.card';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';

/** Rows on the form; several items at once (the domain allows up to 10 per recording). */
export const RECORD_ROWS = 5;
export const EXTERNAL_OWNER = '__external__';

/** Input ids of row n (1-based). */
export const rowInputs = (n: number) =>
  ({ title: `title_${n}`, owner: `owner_${n}`, externalName: `extName_${n}`, externalEmail: `extEmail_${n}`, due: `due_${n}`, origin: `origin_${n}` }) as const;

/** `actions.record`: the form's inputs arrive as strings beside the forum (and meeting) it was made for. */
export const RecordData = z
  .object({ forumId: EntityId, meetingId: EntityId.optional() })
  .catchall(z.string().max(2000));
export type RecordData = z.infer<typeof RecordData>;

export interface ActionRecordCardText {
  lang: CardLang;
  title: string;
  intro: string;
  row: (n: number) => string;
  itemTitle: string;
  owner: string;
  external: string;
  externalName: string;
  externalEmail: string;
  due: string;
  origin: string;
  submit: string;
}

export interface ActionRecordView {
  forumId: string;
  forumName: string;
  members: readonly { userId: string; displayName: string }[];
  /** Items of the meeting's agenda, to say where an item came from. */
  agendaItems: readonly { id: string; title: string }[];
  meetingId?: string;
  /** Default due date (local, yyyy-mm-dd). */
  defaultDue: string;
  /** Today's local date: the client refuses an earlier due date (the server checks again). */
  today?: string;
}

/** The form on which the chair or secretary records action items, during or after a meeting. */
export function actionRecordCard(text: ActionRecordCardText, view: ActionRecordView): AdaptiveCard {
  const body: CardElement[] = [heading(`${text.title} · ${asText(view.forumName)}`), paragraph(text.intro, { isSubtle: true })];
  for (let n = 1; n <= RECORD_ROWS; n++) {
    const ids = rowInputs(n);
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: text.row(n), weight: 'Bolder', wrap: true },
        textField(text.lang, { id: ids.title, label: text.itemTitle, max: TEXT_LIMITS.actionTitle }),
        {
          type: 'Input.ChoiceSet',
          id: ids.owner,
          label: text.owner,
          choices: [...view.members.map((m) => ({ title: m.displayName, value: m.userId })), { title: text.external, value: EXTERNAL_OWNER }],
        },
        {
          type: 'ColumnSet',
          columns: [
            { type: 'Column', width: 'stretch', items: [textField(text.lang, { id: ids.externalName, label: text.externalName, max: TEXT_LIMITS.personName })] },
            { type: 'Column', width: 'stretch', items: [textField(text.lang, { id: ids.externalEmail, label: text.externalEmail, max: TEXT_LIMITS.email, style: 'Email' })] },
          ],
        },
        {
          type: 'Input.Date',
          id: ids.due,
          label: text.due,
          value: view.defaultDue,
          ...(view.today === undefined ? {} : { min: view.today, errorMessage: formTexts[text.lang].notBeforeToday }),
        },
        ...(view.agendaItems.length === 0
          ? []
          : [{ type: 'Input.ChoiceSet', id: ids.origin, label: text.origin, choices: view.agendaItems.map((i) => ({ title: i.title, value: i.id })) }]),
      ],
    });
  }
  const data = { forumId: view.forumId, ...(view.meetingId === undefined ? {} : { meetingId: view.meetingId }) };
  return adaptiveCard(text.lang, body, [executeAction(text.submit, ACTION_VERBS.record, data, { style: 'positive' })]);
}
