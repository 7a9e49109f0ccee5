import { occurrencesBetween } from '../../domain/meetings/meeting-schedule';
import type { Meeting, MeetingSeries } from '../../domain/meetings/meeting';
import type { Occurrence } from '../../domain/meetings/occurrence';
import type { BotServices } from '../core/services';
import { occurrencesOfRows, type ForumRows } from '../core/forum-rows';

export interface UpcomingOptions {
  /** At most this many (the earliest); all within the horizon when absent. */
  limit?: number;
  /** How far ahead to look, in days from `from`; default 120. */
  horizonDays?: number;
  /** Cancelled occurrences are left out unless asked for. */
  includeCancelled?: boolean;
}

const DAY_MS = 86_400_000;
export const DEFAULT_HORIZON_DAYS = 120;

/**
 * The meetings of the given fora that have not ended at `from` (a meeting in progress counts),
 * within the horizon, sorted by start. Two partition queries per forum, run in parallel.
 */
export async function upcomingMeetings(
  services: Pick<BotServices, 'meetingSeries' | 'meetings'>,
  forumIds: readonly string[],
  from: Date,
  options: UpcomingOptions = {},
): Promise<Occurrence[]> {
  const perForum = await Promise.all(
    [...new Set(forumIds)].map(async (forumId) => {
      const [series, meetings] = await Promise.all([services.meetingSeries.listByForum(forumId), services.meetings.listByForum(forumId)]);
      return upcomingOf(series, meetings, from, options);
    }),
  );
  const all = perForum.flat().sort(byStart);
  return options.limit === undefined ? all : all.slice(0, Math.max(0, options.limit));
}

const byStart = (a: Occurrence, b: Occurrence): number => Date.parse(a.start) - Date.parse(b.start) || a.key.localeCompare(b.key);

/** `upcomingMeetings` of one forum whose series and meetings are already read. */
export function upcomingOf(series: readonly MeetingSeries[], meetings: readonly Meeting[], from: Date, options: UpcomingOptions = {}): Occurrence[] {
  return upcomingFrom((f, t) => occurrencesBetween(series, meetings, f, t), from, options);
}

/** `upcomingOf` of a forum's kept rows: their series expanded once an hour, not on every read (bot/core/forum-rows.ts). */
export function upcomingOfRows(rows: ForumRows, from: Date, options: UpcomingOptions = {}): Occurrence[] {
  return upcomingFrom((f, t) => occurrencesOfRows(rows, f, t), from, options);
}

function upcomingFrom(expand: (from: Date, to: Date) => Occurrence[], from: Date, options: UpcomingOptions): Occurrence[] {
  const to = new Date(from.getTime() + (options.horizonDays ?? DEFAULT_HORIZON_DAYS) * DAY_MS);
  const all = expand(from, to)
    .filter((o) => options.includeCancelled === true || o.status !== 'cancelled')
    .sort(byStart);
  return options.limit === undefined ? all : all.slice(0, Math.max(0, options.limit));
}
