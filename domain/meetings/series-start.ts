import { allowed, refused, type Verdict } from '../shared/domain-error';
import type { LocalDate } from '../shared/time';
import { zonedInstant } from './zoned-time';

/**
 * A new series (or a change of one) starts with a meeting that has not begun yet: a series whose
 * first meeting lies in the past would have reminders for meetings that were over before it
 * existed. The refusal carries the start, so the message can name it.
 */
export function checkSeriesStart(firstDate: LocalDate, startTime: string, timeZone: string, now: Date): Verdict {
  const start = zonedInstant(firstDate, startTime, timeZone);
  return start.getTime() <= now.getTime() ? refused('MEETINGS.FIRST_DATE_PAST', { start: start.toISOString() }) : allowed;
}
