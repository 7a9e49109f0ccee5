import { DomainError } from '../shared/domain-error';
import type { LocalDate } from '../shared/time';
import { MeetingSeries, type Meeting } from './meeting';
import { occurrenceKey } from './meeting-schedule';
import { isSeriesStart } from './series-rule';
import { floatingOf, localParts } from './zoned-time';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * An override's id is its occurrence's key (`<seriesId>@<original start>`): moving the same
 * occurrence twice updates one row, and readers can find the row from the key alone.
 */
export const overrideId = occurrenceKey;

export const originalEnd = (series: Pick<MeetingSeries, 'durationMinutes'>, originalStart: Date): Date =>
  new Date(originalStart.getTime() + series.durationMinutes * MINUTE_MS);

function assertOccurrence(series: MeetingSeries, originalStart: Date): void {
  if (!isSeriesStart(series, originalStart)) {
    throw new DomainError('MEETINGS.NO_SUCH_OCCURRENCE', { seriesId: series.id, originalStart: originalStart.toISOString() });
  }
}

function assertNotOver(end: Date, now: Date): void {
  if (end.getTime() <= now.getTime()) throw new DomainError('MEETINGS.OCCURRENCE_PAST', { end: end.toISOString() });
}

/** The override that moves one occurrence (and optionally its place); the series is not touched. */
export function moveOccurrence(
  series: MeetingSeries,
  originalStart: Date,
  to: { start: Date; end: Date; location?: string; onlineMeetingUrl?: string },
  now: Date,
): Meeting {
  assertOccurrence(series, originalStart);
  assertNotOver(originalEnd(series, originalStart), now);
  if (to.end.getTime() <= to.start.getTime()) throw new DomainError('MEETINGS.END_BEFORE_START');
  if (to.start.getTime() < now.getTime()) throw new DomainError('MEETINGS.MOVE_TO_PAST', { start: to.start.toISOString() });
  return {
    id: overrideId(series.id, originalStart),
    forumId: series.forumId,
    seriesId: series.id,
    originalStart: originalStart.toISOString(),
    start: to.start.toISOString(),
    end: to.end.toISOString(),
    status: 'moved',
    ...placeOr(to, series),
  };
}

/** The override that cancels one occurrence; it keeps its original time so calendars can EXDATE it. */
export function cancelOccurrence(series: MeetingSeries, originalStart: Date, now: Date): Meeting {
  assertOccurrence(series, originalStart);
  const end = originalEnd(series, originalStart);
  assertNotOver(end, now);
  return {
    id: overrideId(series.id, originalStart),
    forumId: series.forumId,
    seriesId: series.id,
    originalStart: originalStart.toISOString(),
    start: originalStart.toISOString(),
    end: end.toISOString(),
    status: 'cancelled',
  };
}

const placeOr = (p: { location?: string; onlineMeetingUrl?: string }, fallback: { location?: string; onlineMeetingUrl?: string }) => {
  const chosen = p.location !== undefined || p.onlineMeetingUrl !== undefined ? p : fallback;
  return {
    ...(chosen.location !== undefined ? { location: chosen.location } : {}),
    ...(chosen.onlineMeetingUrl !== undefined ? { onlineMeetingUrl: chosen.onlineMeetingUrl } : {}),
  };
};

export interface SeriesChange {
  /** The old series ending the day before the change (absent: it had not begun, so it is removed). */
  ended?: MeetingSeries;
  removedSeriesId?: string;
  started: MeetingSeries;
  /** Overrides re-keyed onto the new series (to save) and the old rows (to delete). */
  carried: Meeting[];
  dropped: Meeting[];
}

const dayBefore = (date: LocalDate): LocalDate => new Date(floatingOf(date).getTime() - DAY_MS).toISOString().slice(0, 10);

/**
 * Changing a series from the new series' first date on. Past meetings keep the old schedule: the
 * old series gets `until` = the day before (or is removed when it had not begun yet). Overrides of
 * old occurrences from the change on are carried to the new series when the new series has an
 * occurrence at the same original time (a cancelled 10 March stays cancelled if the new rule also
 * meets on 10 March at that time); otherwise they are dropped, because the occurrence they changed
 * no longer exists. Overrides before the change stay with the old series.
 */
export function changeSeries(old: MeetingSeries, overridesOfOld: readonly Meeting[], next: MeetingSeries): SeriesChange {
  const started = MeetingSeries.parse({ ...next, version: undefined });
  if (started.forumId !== old.forumId) throw new DomainError('MEETINGS.NO_SUCH_OCCURRENCE', { seriesId: old.id });
  const begun = old.firstDate < started.firstDate;
  const carried: Meeting[] = [];
  const dropped: Meeting[] = [];
  for (const o of overridesOfOld) {
    if (o.seriesId !== old.id || o.originalStart === undefined) continue;
    const originalStart = new Date(o.originalStart);
    // Compared on the local calendar: an override belongs to the part of the series of its local day.
    if (begun && localParts(originalStart, old.timeZone).date < started.firstDate) continue;
    if (isSeriesStart(started, originalStart)) {
      const { version: _version, ...row } = o;
      carried.push({ ...row, id: overrideId(started.id, originalStart), seriesId: started.id });
    } else {
      dropped.push(o);
    }
  }
  return begun
    ? { ended: { ...old, until: minDate(old.until, dayBefore(started.firstDate)) }, started, carried, dropped }
    : { removedSeriesId: old.id, started, carried, dropped };
}

const minDate = (a: LocalDate | undefined, b: LocalDate): LocalDate => (a !== undefined && a < b ? a : b);
