import { occurrencesBetween } from '../../domain/meetings/meeting-schedule';
import type { Occurrence } from '../../domain/meetings/occurrence';
import type { BotServices } from '../core/services';

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
  const to = new Date(from.getTime() + (options.horizonDays ?? DEFAULT_HORIZON_DAYS) * DAY_MS);
  const perForum = await Promise.all(
    [...new Set(forumIds)].map(async (forumId) => {
      const [series, meetings] = await Promise.all([services.meetingSeries.listByForum(forumId), services.meetings.listByForum(forumId)]);
      return occurrencesBetween(series, meetings, from, to);
    }),
  );
  const all = perForum
    .flat()
    .filter((o) => options.includeCancelled === true || o.status !== 'cancelled')
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.key.localeCompare(b.key));
  return options.limit === undefined ? all : all.slice(0, Math.max(0, options.limit));
}
