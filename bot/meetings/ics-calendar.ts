import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Meeting, MeetingSeries } from '../../domain/meetings/meeting';
import { RRule } from '../../domain/meetings/rrule-lib';
import { floatingRule, isSeriesStart, rulePart } from '../../domain/meetings/series-rule';
import { floatingOf, fromFloating, toFloating } from '../../domain/meetings/zoned-time';
import { vtimezone } from './vtimezone';

const PRODUCT = { company: 'Ishøj Kommune', product: 'Forumbot', language: 'DA' };
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The UID shared by a series and its moved instances: stable, so a re-import updates. */
export const seriesUid = (seriesId: string): string => `${seriesId}@forumbot`;
export const meetingUid = (meetingId: string): string => `${meetingId}@forumbot`;

/** "20260210T090000": a local date-time in `timeZone`, as an EXDATE with TZID wants it. */
const localStamp = (instant: Date, timeZone: string): string => toFloating(instant, timeZone).toISOString().replace(/[-:]/g, '').slice(0, 15);

/**
 * The series' RRULE with the series' `until` folded in. With a TZID'd DTSTART, RFC 5545 wants
 * UNTIL in UTC: the end of the last local day.
 */
function rruleLine(series: MeetingSeries): string {
  const options = RRule.parseString(rulePart(series.rrule));
  const untils: Date[] = [];
  if (options.until instanceof Date) untils.push(fromFloating(options.until, series.timeZone));
  if (series.until !== undefined) untils.push(fromFloating(new Date(floatingOf(series.until).getTime() + DAY_MS - 1000), series.timeZone));
  if (untils.length > 0 && options.count !== undefined && options.count !== null) {
    // RFC 5545 forbids COUNT with UNTIL: a counted series that was later ended keeps the earlier end.
    const last = floatingRule({ ...series, until: undefined }).all().at(-1);
    if (last !== undefined) untils.push(fromFloating(last, series.timeZone));
  }
  const until = untils.length === 0 ? null : new Date(Math.min(...untils.map((d) => d.getTime())));
  const { count, ...rest } = options;
  // "BYDAY=+2TU" is valid RFC 5545, but some calendar apps only read "2TU".
  return RRule.optionsToString({ ...rest, ...(until === null ? { count } : {}), until, dtstart: null, tzid: null }).replace(/([=,])\+(\d)/g, '$1$2');
}

// No calendar-wide zone: ical-generator would then write DTSTAMP in local time, where RFC 5545
// wants UTC. The generator still adds a VTIMEZONE for each zone the events use.
function newCalendar(name: string) {
  return ical({ name, prodId: PRODUCT, method: ICalCalendarMethod.PUBLISH, timezone: { name: null, generator: vtimezone } });
}

/**
 * ical-generator writes a Date with a TZID through the process's local-time getters; a string
 * without an offset is read as process-local too, so giving it the wall-clock time in the event's
 * zone as such a string makes the output right whatever zone the server runs in.
 */
const wallClock = (instant: Date, timeZone: string): string => toFloating(instant, timeZone).toISOString().slice(0, 19);

const place = (p: { location?: string; onlineMeetingUrl?: string }) => ({
  ...(p.location !== undefined ? { location: p.location } : {}),
  ...(p.onlineMeetingUrl !== undefined ? { url: p.onlineMeetingUrl } : {}),
});

/**
 * One VEVENT for the series (RRULE, EXDATE for cancelled occurrences) plus one VEVENT with the same
 * UID and a RECURRENCE-ID for each moved occurrence, all in the series' zone.
 */
export function renderSeriesIcs(series: MeetingSeries, overrides: readonly Meeting[], forumName: string, now: Date): string {
  const tz = series.timeZone;
  const calendar = newCalendar(forumName);
  const mine = overrides.filter((o) => o.seriesId === series.id && o.originalStart !== undefined && isSeriesStart(series, new Date(o.originalStart)));
  const start = fromFloating(floatingOf(series.firstDate, series.startTime), tz);
  const cancelled = mine.filter((o) => o.status === 'cancelled').map((o) => localStamp(new Date(o.originalStart!), tz));
  const repeating = [rruleLine(series), ...(cancelled.length > 0 ? [`EXDATE;TZID=${tz}:${cancelled.join(',')}`] : [])].join('\n');
  calendar.createEvent({
    id: seriesUid(series.id),
    start: wallClock(start, tz),
    end: wallClock(new Date(start.getTime() + series.durationMinutes * MINUTE_MS), tz),
    timezone: tz,
    stamp: now,
    summary: `${series.title} (${forumName})`,
    repeating,
    ...place(series),
  });
  for (const moved of mine.filter((o) => o.status !== 'cancelled')) {
    calendar.createEvent({
      id: seriesUid(series.id),
      recurrenceId: wallClock(new Date(moved.originalStart!), tz),
      start: wallClock(new Date(moved.start), tz),
      end: wallClock(new Date(moved.end), tz),
      timezone: tz,
      stamp: now,
      summary: `${series.title} (${forumName})`,
      ...place({ ...series, ...moved }),
    });
  }
  return calendar.toString();
}

/** A one-off meeting as its own VEVENT (cancelled: STATUS:CANCELLED, so importers remove it). */
export function renderMeetingIcs(meeting: Meeting, forumName: string, timeZone: string, now: Date): string {
  const calendar = newCalendar(forumName);
  calendar.createEvent({
    id: meetingUid(meeting.id),
    start: wallClock(new Date(meeting.start), timeZone),
    end: wallClock(new Date(meeting.end), timeZone),
    timezone: timeZone,
    stamp: now,
    summary: `${meeting.title ?? forumName} (${forumName})`,
    ...(meeting.status === 'cancelled' ? { status: ICalEventStatus.CANCELLED } : {}),
    ...place(meeting),
  });
  return calendar.toString();
}
