import type { Forum, Member } from '../../domain/fora/forum';
import type { Meeting, MeetingSeries } from '../../domain/meetings/meeting';
import type { BotServices } from '../core/services';

/** A published agenda as a reminder shows it: the titles of its items. */
export interface PublishedAgenda {
  /** The occurrence key of its meeting. */
  meetingId: string;
  itemTitles: string[];
}

/** What a forum's reminders are made of, as read (the agendas cut down to what a reminder shows). */
export interface ForumRows {
  forum: Forum;
  series: MeetingSeries[];
  meetings: Meeting[];
  members: Member[];
  /** The published agendas of meetings from `agendasFrom` on. */
  agendas: PublishedAgenda[];
  agendasFrom: number;
}

/**
 * Kept rows older than this are read again even if the mark has not moved: the sweep reads every
 * forum hourly, but it may run on another instance, and this bounds what a lost second mark could
 * leave stale there.
 */
export const KEEP_AT_MOST_MS = 6 * 3_600_000;

type Services = Pick<BotServices, 'fora' | 'meetingSeries' | 'meetings' | 'members' | 'agendas' | 'reminderIndex'>;

/**
 * The rows of the fora the reminder jobs handle, kept in this process while each forum's change
 * mark stays where it was when they were read (storage moves it on every write to them). A minute
 * with reminders due then reads the marks of its fora — a few queries — instead of five reads per
 * forum; a forum changed since is read again. The mark is read before the rows, so a write landing
 * in between moves it past what is kept.
 */
export class ReminderForumCache {
  private readonly kept = new Map<string, { mark: string | undefined; readAt: number; rows: ForumRows }>();

  /** `now`: this process's clock (how old a copy is), not the jobs' notion of the time. */
  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The rows of these fora (unknown ones left out): kept where the mark has not moved and the
   * agendas kept reach back to `agendasFrom`, read otherwise. `fresh`: read them all (the sweep).
   */
  async read(services: Services, forumIds: readonly string[], agendasFrom: Date, options: { fresh?: boolean } = {}): Promise<Map<string, ForumRows>> {
    const ids = [...new Set(forumIds)];
    const marks = await services.reminderIndex.marks(ids);
    const found = new Map<string, ForumRows>();
    const stale: string[] = [];
    const readAt = this.now();
    for (const id of ids) {
      const kept = this.kept.get(id);
      const usable = kept !== undefined && kept.mark === marks.get(id) && kept.rows.agendasFrom <= agendasFrom.getTime() && readAt - kept.readAt < KEEP_AT_MOST_MS;
      if (options.fresh !== true && usable) found.set(id, kept.rows);
      else stale.push(id);
    }
    const [fora, ...perForum] = await Promise.all([
      stale.length === 0 ? Promise.resolve([]) : services.fora.findMany(stale),
      ...stale.map((id) =>
        Promise.all([services.meetingSeries.listByForum(id), services.meetings.listByForum(id), services.members.listByForum(id), services.agendas.listPublishedFrom(id, agendasFrom)]),
      ),
    ]);
    const byId = new Map(fora.map((forum) => [forum.id, forum]));
    stale.forEach((id, n) => {
      const forum = byId.get(id);
      if (forum === undefined) {
        this.kept.delete(id);
        return;
      }
      const [series, meetings, members, agendas] = perForum[n]!;
      const published = agendas.flatMap((a) => (a.state === 'published' && a.meetingId !== undefined ? [{ meetingId: a.meetingId, itemTitles: a.items.map((item) => item.title) }] : []));
      const rows: ForumRows = { forum, series, meetings, members, agendas: published, agendasFrom: agendasFrom.getTime() };
      this.kept.set(id, { mark: marks.get(id), readAt, rows });
      found.set(id, rows);
    });
    return found;
  }

  /** Fora no longer listed (deleted) are forgotten. */
  keepOnly(forumIds: ReadonlySet<string>): void {
    for (const id of this.kept.keys()) if (!forumIds.has(id)) this.kept.delete(id);
  }
}

const caches = new WeakMap<object, ReminderForumCache>();

/** One cache per storage (the minute job and the sweep of one process share it). */
export function forumCacheOf(services: Pick<BotServices, 'reminderIndex'>): ReminderForumCache {
  let cache = caches.get(services.reminderIndex);
  if (cache === undefined) {
    cache = new ReminderForumCache();
    caches.set(services.reminderIndex, cache);
  }
  return cache;
}
