import { toFloating } from '../meetings/zoned-time';
import type { Occurrence } from '../meetings/occurrence';
import { REMINDER_LIMITS, type ReminderSettings } from './reminder-settings';

export const REMINDER_KINDS = ['agenda-deadline', 'members', 'follow-up'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const REMINDER_TIMING = {
  /** The job runs every minute; a reminder sent within this of its time is on time, later is "late". */
  lateAfterMs: 5 * MINUTE,
  /** The note to record action items is dropped when it could only go out more than this late. */
  followUpExpiresAfterMs: 2 * DAY,
} as const;

/**
 * One reminder that should go out now. The id is stable for the life of the occurrence (its key
 * survives a move), so the outbox sends it once however often it is computed, on however many
 * instances. `dueAt` follows the occurrence's current start: a moved meeting moves its reminders
 * (and one already sent before the move is not sent again — the same id; the move itself is news
 * for the meetings feature to tell).
 */
export interface DueReminder {
  id: string;
  kind: ReminderKind;
  occurrence: Occurrence;
  /** When it was meant to go out (ISO instant); shown on the card when it is late. */
  dueAt: string;
  /** Its time passed more than a few minutes ago (the bot was down, or the meeting moved closer). */
  late: boolean;
}

export const reminderId = (kind: ReminderKind, occurrenceKey: string): string => `reminder:${kind}:${occurrenceKey}`;

const QUARTER = 15 * MINUTE;
const offsets = new Map<string, number>();

/**
 * The zone's UTC offset at `t`, memoised per quarter hour: zones change offset only on quarter
 * hours, and asking Intl is the costly part of computing thousands of reminder times a minute.
 */
function offsetAt(t: number, timeZone: string): number {
  const quarter = Math.floor(t / QUARTER) * QUARTER;
  const key = `${timeZone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 100_000) offsets.clear();
    offset = toFloating(new Date(quarter), timeZone).getTime() - quarter;
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * Wall-clock arithmetic: "24 hours before 09:00" is 09:00 the day before, whatever the offset did
 * meanwhile. Read back like `fromFloating`: a skipped local time moves later, a doubled one is the first.
 */
function shiftWallClock(instant: string, ms: number, timeZone: string): Date {
  const t = Date.parse(instant);
  const wall = t + offsetAt(t, timeZone) + ms;
  const before = offsetAt(wall - 36 * HOUR, timeZone);
  const after = offsetAt(wall + 36 * HOUR, timeZone);
  for (const candidate of [wall - Math.max(before, after), wall - Math.min(before, after)]) {
    if (candidate + offsetAt(candidate, timeZone) === wall) return new Date(candidate);
  }
  return new Date(wall - before);
}

/** When each enabled reminder of an occurrence is meant to go out, from its current start and end. */
export function reminderTimes(occurrence: Occurrence, settings: ReminderSettings, timeZone: string): { kind: ReminderKind; dueAt: Date }[] {
  const times: { kind: ReminderKind; dueAt: Date }[] = [];
  if (settings.agendaDeadlineEnabled) times.push({ kind: 'agenda-deadline', dueAt: shiftWallClock(occurrence.start, -settings.agendaDeadlineDaysBefore * DAY, timeZone) });
  if (settings.memberReminderEnabled) times.push({ kind: 'members', dueAt: shiftWallClock(occurrence.start, -settings.memberReminderHoursBefore * HOUR, timeZone) });
  if (settings.followUpEnabled) times.push({ kind: 'follow-up', dueAt: shiftWallClock(occurrence.end, settings.followUpHoursAfter * HOUR, timeZone) });
  return times;
}

/** A reminder still worth sending at `now`, however late: before the meeting starts, or (the note afterwards) within two days. */
function stillUseful(kind: ReminderKind, occurrence: Occurrence, dueAt: Date, now: Date): boolean {
  if (kind === 'follow-up') return now.getTime() - dueAt.getTime() <= REMINDER_TIMING.followUpExpiresAfterMs;
  // A reminder to prepare or attend a meeting that has begun helps no one.
  return now.getTime() < Date.parse(occurrence.start);
}

export interface DueOptions {
  timeZone: string;
  /** Occurrences whose agenda is already published get no agenda deadline reminder. */
  hasPublishedAgenda?: (occurrenceKey: string) => boolean;
}

/**
 * The reminders due at `now` for one forum's occurrences: those whose time has come and that are
 * still useful. One missed while the bot was down is included (marked late, with its original time)
 * rather than lost. Cancelled occurrences get none. Oldest first.
 */
export function dueReminders(occurrences: readonly Occurrence[], settings: ReminderSettings, now: Date, options: DueOptions): DueReminder[] {
  const due: DueReminder[] = [];
  for (const occurrence of occurrences) {
    if (occurrence.status === 'cancelled') continue;
    for (const { kind, dueAt } of reminderTimes(occurrence, settings, options.timeZone)) {
      if (dueAt.getTime() > now.getTime() || !stillUseful(kind, occurrence, dueAt, now)) continue;
      if (kind === 'agenda-deadline' && options.hasPublishedAgenda?.(occurrence.key) === true) continue;
      due.push({
        id: reminderId(kind, occurrence.key),
        kind,
        occurrence,
        dueAt: dueAt.toISOString(),
        late: now.getTime() - dueAt.getTime() > REMINDER_TIMING.lateAfterMs,
      });
    }
  }
  return due.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/**
 * The occurrences (by start) that can have a reminder due at `now`, whatever a forum's settings:
 * from meetings that ended up to the longest follow-up delay plus its expiry ago (meetings last at
 * most a day) to the longest lead time ahead. Loading only these keeps the work per run small.
 */
export function reminderWindow(now: Date): { from: Date; to: Date } {
  const back = DAY + REMINDER_LIMITS.followUpHoursAfter.max * HOUR + REMINDER_TIMING.followUpExpiresAfterMs + HOUR;
  const ahead = Math.max(REMINDER_LIMITS.agendaDeadlineDaysBefore.max * DAY, REMINDER_LIMITS.memberReminderHoursBefore.max * HOUR) + DAY;
  return { from: new Date(now.getTime() - back), to: new Date(now.getTime() + ahead) };
}
