import type { Agenda, AgendaInput } from '../agendas/agenda';
import type { Meeting, MeetingSeries } from '../meetings/meeting';
import { occurrencesBetween } from '../meetings/meeting-schedule';
import { circulationContribution, meetingContribution } from './contributions';
import { COUNTER_NAMES, differenceOf, type CellDelta } from './picture-cell';

/**
 * What circulations and meetings add to the picture, from the records as stored: an agenda's
 * circulation (consultants asked, those who answered), a series' occurrences with their overrides,
 * a one-off meeting.
 */

/** An agenda's circulation: everyone on its list is asked; an answer (input or "no comments") from one of them counts once. */
export function agendaCirculationContribution(agenda: Agenda | undefined, inputs: readonly Pick<AgendaInput, 'authorId'>[]): CellDelta[] {
  const circulation = agenda?.circulation;
  if (agenda === undefined || circulation === undefined || circulation.consultantIds.length === 0) return [];
  const asked = new Set(circulation.consultantIds);
  const answered = new Set(inputs.map((i) => i.authorId).filter((id) => asked.has(id)));
  return circulationContribution(agenda.forumId, agenda.meetingStart, asked.size, answered.size);
}

/** How far ahead an open-ended series is counted; tracking it again (any change, a rebuild) moves the horizon on. */
export const SERIES_HORIZON_YEARS = 3;
const DAY_MS = 86_400_000;

/**
 * A series' meetings: every occurrence from its first date to its end (or the horizon), moved ones in
 * the month they were moved to, cancelled ones where the series put them. Merged per month, so a
 * weekly series of years stays a few dozen cells.
 */
export function seriesContribution(series: MeetingSeries, overrides: readonly Meeting[], now: Date): CellDelta[] {
  const from = new Date(Date.parse(`${series.firstDate}T00:00:00Z`) - 2 * DAY_MS);
  const start = Math.max(now.getTime(), from.getTime());
  const horizon = new Date(start + SERIES_HORIZON_YEARS * 365 * DAY_MS);
  const to = series.until === undefined ? horizon : new Date(Math.min(horizon.getTime(), Date.parse(`${series.until}T00:00:00Z`) + 2 * DAY_MS));
  const own = overrides.filter((m) => m.seriesId === series.id);
  const deltas = occurrencesBetween([series], own, from, to).flatMap((o) => meetingContribution(series.forumId, o.start, o.status));
  return merged(deltas);
}

/** A one-off meeting (no series). */
export const oneOffContribution = (meeting: Meeting | undefined): CellDelta[] => (meeting === undefined || meeting.seriesId !== undefined ? [] : meetingContribution(meeting.forumId, meeting.start, meeting.status));

/** One delta per month with only its non-zero counters (the contribution is stored as it is). */
const merged = (deltas: readonly CellDelta[]): CellDelta[] =>
  differenceOf([], deltas).map(({ counters, ...key }) => ({ key, add: Object.fromEntries(COUNTER_NAMES.filter((n) => counters[n] !== 0).map((n) => [n, counters[n]])) }));
