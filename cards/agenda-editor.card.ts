import { z } from 'zod';
import { GuardedText } from '../domain/shared/guarded-text';
import type { Agenda } from '../domain/agendas/agenda';
import { EntityId } from '../domain/shared/ids';
import { agendaItemBlocks, type AgendaCardText } from './agenda.card';
import { FOLLOW_UP_AGENDA_ITEM_ID } from '../domain/actions/follow-up';
import { ACTION_VERBS } from './action-item.card';
import { adaptiveCard, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';
import { formatDateTime } from './dates';
import { textField } from './form-fields';
import { formTexts } from './form-texts';
import { localDateOf } from '../domain/actions/local-date';
import { TEXT_LIMITS } from '../domain/shared/text-limits';

export const AGENDA_EDITOR_VERBS = {
  open: 'agenda.edit.open',
  create: 'agenda.create',
  addItem: 'agenda.item.add',
  saveItem: 'agenda.item.save',
  moveItem: 'agenda.item.move',
  removeItem: 'agenda.item.remove',
  publish: 'agenda.publish',
  toggleCirculation: 'agenda.circulation.toggle',
  circulate: 'agenda.circulate',
} as const;

const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const optionalText = z.string().optional();
/** What a person types (titles, descriptions, links): guarded; ids, dates and times are not. */
const typedText = GuardedText.optional();
const ref = { forumId: EntityId, agendaId: EntityId };
const revised = { ...ref, revision: z.coerce.number().int().min(0) };

export const AgendaOpenData = z.object(ref);
export const AgendaCreateData = z.object({
  forumId: EntityId,
  meetingKey: optionalText,
  meetingDate: optionalText,
  meetingTime: optionalText,
});
/** New item fields, typed on the editor card; checked again by the domain schema. */
export const AgendaAddItemData = z.object({
  ...revised,
  newTitle: typedText,
  newDescription: typedText,
  newPresenter: typedText,
  newUrl: typedText,
  newInputWanted: flag.optional(),
});
/** Edit of one item: the fields are `title.<id>`, `description.<id>`, … (ids are unique per card). */
export const AgendaSaveItemData = z.object({ ...revised, itemId: EntityId }).loose();
export const AgendaMoveItemData = z.object({ ...revised, itemId: EntityId, step: z.union([z.literal(-1), z.literal(1)]) });
export const AgendaRemoveItemData = z.object({ ...revised, itemId: EntityId });
export const AgendaPublishData = z.object(revised);
export const AgendaToggleData = z.object({ ...ref, enabled: z.boolean() });
export const AgendaCirculateData = z.object({
  ...revised,
  deadlineDate: optionalText,
  deadlineTime: optionalText,
  /** Comma-separated forum ids (a multi-select ChoiceSet). */
  consultantForumIds: optionalText,
  reminderHours: z.union([z.number(), z.string()]).optional(),
});

export const itemFieldId = (field: 'title' | 'description' | 'presenter' | 'url' | 'wanted', itemId: string): string => `${field}.${itemId}`;

export interface AgendaEditorCardText extends Pick<AgendaCardText, 'presenter' | 'documents' | 'inputWanted'> {
  lang: CardLang;
  newTitle: (forum: string) => string;
  title: (forum: string) => string;
  meeting: (when: string) => string;
  pickMeeting: string;
  otherDate: string;
  meetingDate: string;
  otherTime: string;
  noMeetings: string;
  create: string;
  stateDraft: string;
  statePublished: (revision: number) => string;
  noItems: string;
  up: string;
  down: string;
  edit: string;
  remove: string;
  /** On the follow-up item: open the card where the chair closes or carries over the open action items. */
  followUpActions: string;
  save: string;
  itemTitle: string;
  /** Shown by the client when the required title is empty (the server checks again). */
  itemTitleRequired: string;
  itemDescription: string;
  itemPresenter: string;
  itemUrl: string;
  itemInputWanted: string;
  addHeading: string;
  add: string;
  publish: string;
  circulationHeading: string;
  circulationOff: string;
  turnOn: string;
  turnOff: string;
  deadlineDate: string;
  deadlineTime: string;
  consultantFora: string;
  reminderHours: string;
  circulate: string;
  circulated: (count: number, deadline: string) => string;
  publishFirst: string;
}

export interface AgendaEditorView {
  forumId: string;
  forumName: string;
  /** Absent: the card creates a new agenda (pick a meeting or give a date). */
  agenda?: Agenda;
  meetings: readonly { key: string; start: string; title: string }[];
  timeZone: string;
  /** The chair decides about circulation. */
  isChair: boolean;
  consultantFora: readonly { id: string; name: string }[];
  defaultConsultantForumIds: readonly string[];
  notice?: { text: string; tone: 'good' | 'warning' | 'attention' };
}

/** Input ids of the "new item" fields. */
export const NEW_ITEM_INPUTS = { title: 'newTitle', description: 'newDescription', presenter: 'newPresenter', url: 'newUrl' } as const;
type ItemField = keyof typeof NEW_ITEM_INPUTS;

/** An item's four text fields with their limits (the domain's) shown and checked in the client. */
function itemFields(text: AgendaEditorCardText, id: (field: ItemField) => string, values: Partial<Record<ItemField, string>>, titleRequired: boolean): CardElement[] {
  const value = (field: ItemField) => (values[field] === undefined ? {} : { value: values[field] });
  return [
    textField(text.lang, { id: id('title'), label: text.itemTitle, max: TEXT_LIMITS.agendaItemTitle, required: titleRequired, requiredMessage: text.itemTitleRequired, ...value('title') }),
    textField(text.lang, { id: id('description'), label: text.itemDescription, max: TEXT_LIMITS.agendaItemDescription, multiline: true, ...value('description') }),
    textField(text.lang, { id: id('presenter'), label: text.itemPresenter, max: TEXT_LIMITS.presenter, ...value('presenter') }),
    textField(text.lang, { id: id('url'), label: text.itemUrl, max: TEXT_LIMITS.documentUrl, style: 'Url', ...value('url') }),
  ];
}

const tones = { good: 'Good', warning: 'Warning', attention: 'Attention' } as const;
const actionSet = (actions: CardElement[]): CardElement => ({ type: 'ActionSet', actions });

/** The chair's and secretary's card for building an agenda: items, order, publishing, circulation. */
export function agendaEditorCard(text: AgendaEditorCardText, view: AgendaEditorView): AdaptiveCard {
  const when = (instant: string): string => formatDateTime(instant, text.lang, view.timeZone);
  const body: CardElement[] = [];
  if (view.notice !== undefined) body.push(paragraph(view.notice.text, { color: tones[view.notice.tone], weight: 'Bolder' }));
  const agenda = view.agenda;
  if (agenda === undefined) {
    body.push(heading(text.newTitle(view.forumName)));
    if (view.meetings.length > 0) {
      body.push({
        type: 'Input.ChoiceSet',
        id: 'meetingKey',
        label: text.pickMeeting,
        value: view.meetings[0]?.key,
        choices: view.meetings.map((m) => ({ title: `${m.title} – ${when(m.start)}`, value: m.key })),
      });
    } else body.push(paragraph(text.noMeetings));
    body.push({ type: 'Input.Date', id: 'meetingDate', label: view.meetings.length > 0 ? text.otherDate : text.meetingDate }, { type: 'Input.Time', id: 'meetingTime', label: text.otherTime, value: '09:00' });
    return adaptiveCard(text.lang, body, [executeAction(text.create, AGENDA_EDITOR_VERBS.create, { forumId: view.forumId }, { style: 'positive' })]);
  }

  const ref = { forumId: agenda.forumId, agendaId: agenda.id, revision: agenda.revision };
  body.push(
    heading(text.title(view.forumName)),
    paragraph(text.meeting(when(agenda.meetingStart)), { spacing: 'None' }),
    paragraph(agenda.state === 'draft' ? text.stateDraft : text.statePublished(agenda.revision), { isSubtle: true, size: 'Small', spacing: 'None' }),
  );
  if (agenda.items.length === 0) body.push(paragraph(text.noItems));
  const blocks = agendaItemBlocks(text, agenda);
  agenda.items.forEach((item, index) => {
    const editCard = adaptiveCard(text.lang, [
      ...itemFields(text, (field) => itemFieldId(field, item.id), { title: item.title, description: item.description, presenter: item.presenter ?? '', url: item.documentUrl ?? '' }, true),
      { type: 'Input.Toggle', id: itemFieldId('wanted', item.id), title: text.itemInputWanted, value: String(item.inputWanted), valueOn: 'true', valueOff: 'false' },
    ], [executeAction(text.save, AGENDA_EDITOR_VERBS.saveItem, { ...ref, itemId: item.id })]);
    const { $schema: _schema, version: _version, lang: _lang, ...showCard } = editCard;
    const buttons: CardElement[] = [
      ...(index > 0 ? [executeAction(text.up, AGENDA_EDITOR_VERBS.moveItem, { ...ref, itemId: item.id, step: -1 })] : []),
      ...(index < agenda.items.length - 1 ? [executeAction(text.down, AGENDA_EDITOR_VERBS.moveItem, { ...ref, itemId: item.id, step: 1 })] : []),
      { type: 'Action.ShowCard', title: text.edit, card: showCard },
      executeAction(text.remove, AGENDA_EDITOR_VERBS.removeItem, { ...ref, itemId: item.id }),
      ...(item.id === FOLLOW_UP_AGENDA_ITEM_ID ? [executeAction(text.followUpActions, ACTION_VERBS.followUp, { forumId: agenda.forumId })] : []),
    ];
    body.push(blocks[index] ?? paragraph(item.title), actionSet(buttons));
  });

  body.push(
    { type: 'TextBlock', text: text.addHeading, weight: 'Bolder', separator: true, spacing: 'Large', wrap: true },
    // Not required in the client: "Tilføj" shares the card with buttons that need no title; the server asks for it.
    ...itemFields(text, (field) => NEW_ITEM_INPUTS[field], {}, false),
    { type: 'Input.Toggle', id: 'newInputWanted', title: text.itemInputWanted, value: 'false', valueOn: 'true', valueOff: 'false' },
    actionSet([executeAction(text.add, AGENDA_EDITOR_VERBS.addItem, ref)]),
  );

  if (view.isChair || agenda.circulation !== undefined) {
    body.push({ type: 'TextBlock', text: text.circulationHeading, weight: 'Bolder', separator: true, spacing: 'Large', wrap: true });
    if (agenda.circulation !== undefined) {
      body.push(paragraph(text.circulated(agenda.circulation.consultantIds.length, when(agenda.circulation.deadline))));
    } else if (agenda.circulationEnabled !== true) {
      body.push(paragraph(text.circulationOff), actionSet([executeAction(text.turnOn, AGENDA_EDITOR_VERBS.toggleCirculation, { forumId: agenda.forumId, agendaId: agenda.id, enabled: true })]));
    } else if (agenda.state !== 'published') {
      body.push(paragraph(text.publishFirst), actionSet([executeAction(text.turnOff, AGENDA_EDITOR_VERBS.toggleCirculation, { forumId: agenda.forumId, agendaId: agenda.id, enabled: false })]));
    } else {
      body.push(
        {
          type: 'Input.Date',
          id: 'deadlineDate',
          label: text.deadlineDate,
          // The client refuses a day after the meeting; the server checks the exact time again.
          max: localDateOf(new Date(agenda.meetingStart), view.timeZone),
          errorMessage: formTexts[text.lang].beforeMeeting(when(agenda.meetingStart)),
        },
        paragraph(formTexts[text.lang].beforeMeeting(when(agenda.meetingStart)), { isSubtle: true, size: 'Small', spacing: 'None' }),
        { type: 'Input.Time', id: 'deadlineTime', label: text.deadlineTime, value: '12:00' },
        {
          type: 'Input.ChoiceSet',
          id: 'consultantForumIds',
          label: text.consultantFora,
          isMultiSelect: true,
          value: view.defaultConsultantForumIds.join(','),
          choices: view.consultantFora.map((f) => ({ title: f.name, value: f.id })),
        },
        { type: 'Input.Number', id: 'reminderHours', label: text.reminderHours, value: 24, min: 0, max: 336 },
        actionSet([
          executeAction(text.circulate, AGENDA_EDITOR_VERBS.circulate, ref, { style: 'positive' }),
          executeAction(text.turnOff, AGENDA_EDITOR_VERBS.toggleCirculation, { forumId: agenda.forumId, agendaId: agenda.id, enabled: false }),
        ]),
      );
    }
  }
  const actions = agenda.state === 'draft' ? [executeAction(text.publish, AGENDA_EDITOR_VERBS.publish, ref, { style: 'positive' })] : [];
  return adaptiveCard(text.lang, body, actions);
}
