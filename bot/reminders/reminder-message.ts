import { reminderCard } from '../../cards/reminder.card';
import { formatDateTime } from '../../cards/dates';
import type { Forum } from '../../domain/fora/forum';
import type { NewOutboxMessage } from '../../domain/outbox/outbox-message';
import type { DueReminder } from '../../domain/reminders/due-reminders';
import { cardMessage } from '../core/card-message';
import type { BotServices } from '../core/services';
import { pickLang } from '../i18n/lang';
import { bounded, reminderMessageKey } from './reminder-keys';
import { remindersTexts } from './reminders.texts';

/**
 * One reminder's outbox messages, one per recipient, each with its stable idempotency key. The card
 * is the same for everyone, so it is built once.
 */
export function reminderMessages(services: Pick<BotServices, 'config'>, forum: Forum, reminder: DueReminder, recipients: readonly string[], agendaItems: readonly string[] | undefined): NewOutboxMessage[] {
  // Who gets it proactively has not told us a language: the bot's configured one (Danish by default).
  const lang = pickLang(undefined, services.config.locale);
  const texts = remindersTexts[lang];
  const { occurrence } = reminder;
  const timeZone = services.config.timeZone;
  const card = reminderCard(texts.reminder, {
    kind: reminder.kind,
    forumId: forum.id,
    forumName: forum.name,
    meetingTitle: occurrence.title === '' ? forum.name : occurrence.title,
    start: occurrence.start,
    end: occurrence.end,
    ...(occurrence.location === undefined ? {} : { location: occurrence.location }),
    ...(occurrence.onlineMeetingUrl === undefined ? {} : { onlineMeetingUrl: occurrence.onlineMeetingUrl }),
    dueAt: reminder.dueAt,
    late: reminder.late,
    ...(agendaItems === undefined ? {} : { agendaItems }),
    timeZone,
  });
  const activity = cardMessage(texts.summaries[reminder.kind](forum.name, formatDateTime(occurrence.start, lang, timeZone)), card);
  return recipients.map((userId) => ({
    idempotencyKey: reminderMessageKey(reminder.id, userId),
    recipient: { kind: 'user', userId },
    activity,
    subject: { type: 'reminder', id: bounded(reminder.id), forumId: forum.id },
  }));
}
