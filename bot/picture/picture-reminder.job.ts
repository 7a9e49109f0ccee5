import { pictureReminderCard } from '../../cards/picture-commentary.card';
import { lastHalfYear, monthOf } from '../../domain/picture/months';
import { findPictureDesk } from '../../domain/picture/analyst';
import { cardMessage } from '../core/card-message';
import type { ScheduledJob } from '../core/feature';
import type { BotServices } from '../core/services';
import { langOf } from '../escalations/escalation-view';
import { commentaryTexts } from './commentary.texts';

export const PICTURE_REMINDER_JOB = 'picture.half-yearly-reminder';
const HOUR_MS = 3_600_000;

/** The outbox key of one analyst's reminder for one period: the same key is queued once. */
export const pictureReminderKey = (periodFrom: string, userId: string): string => `picture:reminder:${periodFrom}:${userId.toLowerCase()}`;

/**
 * In January and July (Copenhagen), each analyst is told through the outbox that the half-year
 * just ended is ready for their commentary, with a button to the commentary card. The scheduler
 * runs it under a lease and the outbox key holds the period, so however many instances and runs
 * there are, an analyst gets one reminder per half-year; none once the report is published.
 * Returns how many messages it queued.
 */
export async function sendPictureReminders(services: BotServices, now: Date): Promise<number> {
  const month = monthOf(now).slice(5, 7);
  if (month !== '01' && month !== '07') return 0;
  const desk = await findPictureDesk(services);
  if (desk === undefined || desk.analystIds.length === 0) return 0;
  const period = lastHalfYear(now).current;
  const [forum, draft] = await Promise.all([services.fora.findById(desk.lokalraadId), services.pictureReports.find(desk.lokalraadId, period)]);
  if (draft?.status === 'published') return 0;
  const lang = langOf(services);
  const t = commentaryTexts[lang];
  const card = pictureReminderCard(lang, t.reminder, { half: t.half(period), lokalraad: forum?.name ?? desk.lokalraadId, period });
  let created = 0;
  for (const userId of desk.analystIds) {
    const key = pictureReminderKey(period.from, userId);
    if ((await services.outbox.findById(key)) !== undefined) continue;
    const result = await services.outbox.enqueue({
      idempotencyKey: key,
      recipient: { kind: 'user', userId },
      activity: cardMessage(t.reminder.title(t.half(period)), card),
      subject: { type: 'picture-reminder', id: period.from, forumId: desk.lokalraadId },
    });
    if (result.created) created += 1;
  }
  return created;
}

export function pictureReminderJob(services: BotServices): ScheduledJob {
  return { name: PICTURE_REMINDER_JOB, everyMs: HOUR_MS, run: async (now) => void (await sendPictureReminders(services, now)) };
}
