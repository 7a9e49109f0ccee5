import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';
import { formatDateTime, formatTimeRange } from './dates';
import { REMINDER_SETTINGS_VERBS } from './reminder-settings.card';

export type ReminderCardKind = 'agenda-deadline' | 'members' | 'follow-up';

export interface ReminderCardText {
  lang: CardLang;
  titles: Record<ReminderCardKind, (forum: string) => string>;
  /** The first line; `when` is the meeting's date and time ("tirsdag 13. januar 2026 kl. 09.00"). */
  intros: Record<ReminderCardKind, (meeting: string, when: string) => string>;
  meetingLabel: string;
  timeLabel: string;
  placeLabel: string;
  onlineLabel: string;
  agendaHeading: string;
  noAgenda: string;
  moreItems: (count: number) => string;
  /** A reminder that goes out later than meant (the bot was down): says when it should have come. */
  late: (dueAt: string) => string;
  settingsButton: string;
}

export interface ReminderCardView {
  kind: ReminderCardKind;
  forumId: string;
  forumName: string;
  meetingTitle: string;
  /** ISO instants. */
  start: string;
  end: string;
  location?: string;
  onlineMeetingUrl?: string;
  /** When the reminder was meant to go out (ISO instant). */
  dueAt: string;
  late: boolean;
  /** Titles of the published agenda's items, in order (members' reminder); absent when there is none. */
  agendaItems?: readonly string[];
  timeZone: string;
}

/** A card stays small (and a reminder readable): the first items, then "and N more". */
export const AGENDA_ITEMS_SHOWN = 12;

/** A proactive reminder about one meeting: to prepare its agenda, to attend it, or to record its action items. */
export function reminderCard(text: ReminderCardText, view: ReminderCardView): AdaptiveCard {
  const when = formatDateTime(view.start, text.lang, view.timeZone);
  const body: CardElement[] = [heading(text.titles[view.kind](asText(view.forumName)))];
  if (view.late) body.push(paragraph(text.late(formatDateTime(view.dueAt, text.lang, view.timeZone)), { color: 'Warning', isSubtle: true }));
  body.push(paragraph(text.intros[view.kind](asText(view.meetingTitle), when)));
  const facts = [
    { title: text.meetingLabel, value: asText(view.meetingTitle) },
    { title: text.timeLabel, value: `${when} (${formatTimeRange(view.start, view.end, text.lang, view.timeZone)})` },
    ...(view.location === undefined ? [] : [{ title: text.placeLabel, value: asText(view.location) }]),
  ];
  body.push({ type: 'FactSet', facts });
  if (view.kind === 'members') body.push(...agendaPart(text, view.agendaItems));

  const actions: CardElement[] = [];
  if (view.onlineMeetingUrl !== undefined) actions.push({ type: 'Action.OpenUrl', title: text.onlineLabel, url: view.onlineMeetingUrl });
  // Only the chair and secretary get these two kinds; members' reminders carry no settings button.
  if (view.kind !== 'members') actions.push(executeAction(text.settingsButton, REMINDER_SETTINGS_VERBS.show, { forumId: view.forumId }));
  return adaptiveCard(text.lang, body, actions);
}

function agendaPart(text: ReminderCardText, items: readonly string[] | undefined): CardElement[] {
  if (items === undefined || items.length === 0) return [paragraph(text.noAgenda, { isSubtle: true })];
  const shown = items.slice(0, AGENDA_ITEMS_SHOWN).map((title, i) => `${i + 1}. ${asText(title)}`);
  if (items.length > AGENDA_ITEMS_SHOWN) shown.push(text.moreItems(items.length - AGENDA_ITEMS_SHOWN));
  return [paragraph(text.agendaHeading, { weight: 'Bolder', spacing: 'Medium' }), ...shown.map((line) => paragraph(line, { spacing: 'None' }))];
}
