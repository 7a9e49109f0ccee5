import { z } from 'zod';
import { EntityId } from '../domain/shared/ids';
import { formTexts } from './form-texts';
import { REMINDER_SETTINGS_VERBS } from './reminder-settings.card';
import { adaptiveCard, asText, executeAction, heading, markdownLink, paragraph, type AdaptiveCard, type CardElement, type CardLang, noticeBlock } from './card-kit';

export const MEETINGS_VERBS = {
  list: 'meetings.list',
  scheduleForm: 'meetings.schedule.form',
  schedule: 'meetings.schedule',
  move: 'meetings.move',
  cancel: 'meetings.cancel',
} as const;

/** Input ids of the move form inside the meeting at `slot` (ids must be unique on a card). */
const moveInputs = (slot: number) => ({ date: `moveDate${slot}`, time: `moveTime${slot}` });

/** `meetings.list`: show a forum's next meetings again (after a change). */
export const MeetingsListData = z.object({ forumId: EntityId });
/** `meetings.schedule.form`: open the form; with `replacesSeriesId` it changes that series. */
export const ScheduleFormData = z.object({ forumId: EntityId, replacesSeriesId: EntityId.optional() });
/**
 * The occurrence's key travels as `occurrence`: clients treat a data field named `key` as their own
 * (the Agents Playground throws "Cannot assign to read only property 'key'" and the button does
 * nothing). Parsed, it is the `key` again.
 */
const occurrenceRef = { forumId: EntityId, occurrence: z.string().min(1).max(300) };

/** `meetings.cancel`: one meeting, by its occurrence key. */
export const CancelMeetingData = z.object(occurrenceRef).transform(({ forumId, occurrence }) => ({ forumId, key: occurrence }));
/** `meetings.move`: one meeting to a new local date and time (inputs are checked again by the bot). */
export const MoveMeetingData = z
  .looseObject({ ...occurrenceRef, slot: z.number().int().min(0).max(100) })
  .transform(({ forumId, occurrence: key, slot, ...inputs }) => {
    const ids = moveInputs(slot);
    const read = (id: string) => (typeof inputs[id] === 'string' ? (inputs[id] as string).slice(0, 20) : undefined);
    return { forumId, key, moveDate: read(ids.date), moveTime: read(ids.time) };
  });

export interface MeetingsCardText {
  lang: CardLang;
  title: (scope: string) => string;
  empty: string;
  cancelled: string;
  moved: string;
  addToCalendar: string;
  move: string;
  moveDate: string;
  moveTime: string;
  moveSubmit: string;
  cancel: string;
  schedule: string;
  changeSeries: string;
  /** Opens the forum's reminder settings (lead times). */
  reminderSettings: string;
  online: string;
}

export interface MeetingItemView {
  key: string;
  forumId: string;
  forumName: string;
  title: string;
  /** Already formatted in the reader's language and zone. */
  when: string;
  status: 'scheduled' | 'moved' | 'cancelled';
  location?: string;
  onlineMeetingUrl?: string;
  calendarUrl?: string;
  /** The reader may move and cancel it (chair or secretary of its forum). */
  canChange: boolean;
  /** Current local date and time, to prefill the move form. */
  localDate: string;
  localTime: string;
}

export interface MeetingsCardView {
  scope: string;
  /** A line above the list (e.g. "Mødeserien er planlagt."). */
  notice?: string;
  items: readonly MeetingItemView[];
  /** Fora where the reader may schedule: the buttons for a new series or changing the current one. */
  schedulable: readonly { forumId: string; forumName: string; currentSeriesId?: string }[];
  /** Several fora in the list: name the forum on each meeting. */
  showForum: boolean;
}

function itemElements(text: MeetingsCardText, item: MeetingItemView, slot: number, showForum: boolean): CardElement[] {
  const status = item.status === 'cancelled' ? ` — **${text.cancelled}**` : item.status === 'moved' ? ` — ${text.moved}` : '';
  const title = showForum ? `${asText(item.forumName)}: ${asText(item.title)}` : asText(item.title);
  const facts = [
    ...(item.location !== undefined ? [asText(item.location)] : []),
    ...(item.onlineMeetingUrl !== undefined ? [markdownLink(text.online, item.onlineMeetingUrl)] : []),
  ];
  const ref = { forumId: item.forumId, occurrence: item.key };
  const ids = moveInputs(slot);
  const actions: CardElement[] = [];
  if (item.calendarUrl !== undefined) actions.push({ type: 'Action.OpenUrl', title: text.addToCalendar, url: item.calendarUrl });
  if (item.canChange && item.status !== 'cancelled') {
    actions.push({
      type: 'Action.ShowCard',
      title: text.move,
      card: {
        type: 'AdaptiveCard',
        body: [
          { type: 'Input.Date', id: ids.date, label: text.moveDate, value: item.localDate, isRequired: true, errorMessage: formTexts[text.lang].required(text.moveDate) },
          { type: 'Input.Time', id: ids.time, label: text.moveTime, value: item.localTime, isRequired: true, errorMessage: formTexts[text.lang].required(text.moveTime) },
        ],
        actions: [executeAction(text.moveSubmit, MEETINGS_VERBS.move, { ...ref, slot })],
      },
    });
    actions.push(executeAction(text.cancel, MEETINGS_VERBS.cancel, ref));
  }
  return [
    { type: 'TextBlock', text: `**${title}**${status}`, wrap: true, separator: true, spacing: 'Medium' },
    paragraph(item.when, item.status === 'cancelled' ? { isSubtle: true } : {}),
    ...(facts.length > 0 ? [paragraph(facts.join(' · '), { isSubtle: true, spacing: 'None' })] : []),
    ...(actions.length > 0 ? [{ type: 'ActionSet', actions }] : []),
  ];
}

/** A list of next meetings; chairs and secretaries get buttons to schedule, move and cancel. */
export function meetingsCard(text: MeetingsCardText, view: MeetingsCardView): AdaptiveCard {
  const body: CardElement[] = [heading(text.title(view.scope))];
  if (view.notice !== undefined) body.push(noticeBlock(view.notice));
  if (view.items.length === 0) body.push(paragraph(text.empty));
  view.items.forEach((item, slot) => body.push(...itemElements(text, item, slot, view.showForum)));
  const actions = view.schedulable.flatMap((f) => {
    const suffix = view.schedulable.length > 1 ? ` (${f.forumName})` : '';
    return [
      executeAction(`${text.schedule}${suffix}`, MEETINGS_VERBS.scheduleForm, { forumId: f.forumId }),
      ...(f.currentSeriesId === undefined ? [] : [executeAction(`${text.changeSeries}${suffix}`, MEETINGS_VERBS.scheduleForm, { forumId: f.forumId, replacesSeriesId: f.currentSeriesId })]),
      executeAction(`${text.reminderSettings}${suffix}`, REMINDER_SETTINGS_VERBS.show, { forumId: f.forumId }),
    ];
  });
  return adaptiveCard(text.lang, body, actions.slice(0, 6));
}
