import type { Meeting, MeetingSeries } from './meeting';
import type { Occurrence } from './occurrence';
import { isSeriesStart, seriesStartsBetween } from './series-rule';

const MINUTE_MS = 60_000;
/** Enough to cover any zone offset between a local and a UTC bound. */
const ZONE_MARGIN_MS = 2 * 86_400_000;

/** The stable key of a series occurrence (see `Occurrence`). */
export const occurrenceKey = (seriesId: string, originalStart: Date | string): string =>
  `${seriesId}@${new Date(originalStart).toISOString()}`;

/** An occurrence that has not ended at `from` and starts before `to`: what occurrencesBetween keeps. */
export const overlaps = (o: Pick<Occurrence, 'start' | 'end'>, from: Date, to: Date): boolean =>
  Date.parse(o.start) < to.getTime() && Date.parse(o.end) > from.getTime();

const placeOf = (p: { location?: string; onlineMeetingUrl?: string }) => ({
  ...(p.location !== undefined ? { location: p.location } : {}),
  ...(p.onlineMeetingUrl !== undefined ? { onlineMeetingUrl: p.onlineMeetingUrl } : {}),
});

function fromSeries(series: MeetingSeries, originalStart: Date, override: Meeting | undefined): Occurrence {
  const original = originalStart.toISOString();
  const base: Occurrence = {
    key: occurrenceKey(series.id, originalStart),
    forumId: series.forumId,
    title: series.title,
    seriesId: series.id,
    originalStart: original,
    start: original,
    end: new Date(originalStart.getTime() + series.durationMinutes * MINUTE_MS).toISOString(),
    status: 'scheduled',
    ...placeOf(series),
  };
  if (override === undefined) return base;
  // A cancelled occurrence stays where the series put it; a moved one takes the override's times.
  const moved = override.status !== 'cancelled';
  return {
    ...base,
    meetingId: override.id,
    ...(moved ? { start: new Date(override.start).toISOString(), end: new Date(override.end).toISOString() } : {}),
    status: override.status,
    ...placeOf(override),
  };
}

function fromOneOff(meeting: Meeting): Occurrence {
  return {
    key: meeting.id,
    forumId: meeting.forumId,
    title: meeting.title ?? '',
    meetingId: meeting.id,
    start: new Date(meeting.start).toISOString(),
    end: new Date(meeting.end).toISOString(),
    status: meeting.status,
    ...placeOf(meeting),
  };
}

/**
 * Every meeting that overlaps [from, to): the series' occurrences (RFC 5545, expanded in each
 * series' zone) with their overrides applied — cancelled ones kept, with status `cancelled` — and
 * the one-off meetings, sorted by start. An override whose original start is not (or no longer)
 * an occurrence of its series is ignored. A moved occurrence appears where it was moved to.
 */
export function occurrencesBetween(
  series: readonly MeetingSeries[],
  meetings: readonly Meeting[],
  from: Date,
  to: Date,
): Occurrence[] {
  const overrides = new Map<string, Meeting>();
  const result: Occurrence[] = [];
  for (const m of meetings) {
    if (m.seriesId === undefined) {
      const one = fromOneOff(m);
      if (overlaps(one, from, to)) result.push(one);
    } else if (m.originalStart !== undefined) {
      overrides.set(occurrenceKey(m.seriesId, m.originalStart), m);
    }
  }
  for (const s of series) {
    const lo = new Date(from.getTime() - s.durationMinutes * MINUTE_MS - ZONE_MARGIN_MS);
    const hi = new Date(to.getTime() + ZONE_MARGIN_MS);
    for (const start of seriesStartsBetween(s, lo, hi)) {
      const key = occurrenceKey(s.id, start);
      if (overrides.has(key)) continue; // placed below, wherever it was moved to
      const occurrence = fromSeries(s, start, undefined);
      if (overlaps(occurrence, from, to)) result.push(occurrence);
    }
    for (const m of overrides.values()) {
      if (m.seriesId !== s.id || m.forumId !== s.forumId || m.originalStart === undefined) continue;
      const originalStart = new Date(m.originalStart);
      if (!isSeriesStart(s, originalStart)) continue;
      const occurrence = fromSeries(s, originalStart, m);
      if (overlaps(occurrence, from, to)) result.push(occurrence);
    }
  }
  return result.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.key.localeCompare(b.key));
}
