import type { Forum, Member } from '../../domain/fora/forum';
import type { Membership } from '../../domain/fora/forum.repository';
import type { Meeting, MeetingSeries } from '../../domain/meetings/meeting';
import { occurrencesBetween, overlaps } from '../../domain/meetings/meeting-schedule';
import type { Occurrence } from '../../domain/meetings/occurrence';
import type { BotServices } from './services';

/** A published agenda as a reminder shows it: the titles of its items. */
export interface PublishedAgenda {
  /** The occurrence key of its meeting. */
  meetingId: string;
  itemTitles: string[];
}

/** What a forum's reminders, its list entry and its meetings are made of, as read. */
export interface ForumRows {
  forum: Forum;
  // Shared by every reader in the process: never changed in place.
  readonly series: readonly MeetingSeries[];
  readonly meetings: readonly Meeting[];
  readonly members: readonly Member[];
  /** The published agendas of meetings from `agendasFrom` on (cut down to what a reminder shows). */
  readonly agendas: readonly PublishedAgenda[];
  /** Infinity when no agendas were read (a command's read): such rows serve no agenda read. */
  agendasFrom: number;
}

export interface ForumRowsRead {
  /** The published agendas from this time on are wanted too (the reminder jobs); commands leave it out. */
  agendasFrom?: Date;
  /** Read them all, whatever is kept (the sweep). */
  fresh?: boolean;
}

/**
 * Kept rows older than this are read again even if the mark has not moved: the sweep reads every
 * forum hourly, but it may run on another instance, and this bounds what a lost second mark could
 * leave stale there.
 */
export const KEEP_AT_MOST_MS = 6 * 3_600_000;

type Services = Pick<BotServices, 'fora' | 'meetingSeries' | 'meetings' | 'members' | 'agendas' | 'reminderIndex'>;

/** The mark of rows read beside (not after) their mark: never trusted later, read again once the mark is known. */
const UNVERIFIED = Symbol('unverified');
const NO_AGENDAS = undefined;

/** People whose fora are remembered (their last memberships), at most; the oldest are forgotten first. */
const PEOPLE_REMEMBERED = 20_000;

/** A person's memberships and the rows of those fora. */
export interface PersonFora {
  memberships: Membership[];
  rows: Map<string, ForumRows>;
}

/** A person's memberships, and the rows of those of their fora asked for (others and unknown ids left out). */
export interface PersonMemberships {
  memberships: Membership[];
  rowsOf(forumIds: readonly string[]): Promise<Map<string, ForumRows>>;
}

/**
 * The rows of fora, kept in this process while each forum's change mark stays where it was when
 * they were read (storage moves it before and after every write to fora, members, series, meetings
 * and agendas, from any instance). A read then costs the marks — one query per 14 fora — instead of
 * four or five reads per forum; a forum changed since is read again, so a person sees their own
 * change at once. The mark is read before the rows, so a write landing in between moves it past
 * what is kept. Used by the reminder jobs and by the commands that list a person's fora and meetings.
 */
export class ForumRowsCache {
  private readonly kept = new Map<string, { mark: string | undefined | typeof UNVERIFIED; readAt: number; rows: ForumRows }>();
  /** Each person's fora as of their last read here: their marks are read beside their memberships. */
  private readonly foraOf = new Map<string, string[]>();

  /** `now`: this process's clock (how old a copy is), not the jobs' notion of the time. */
  constructor(private readonly now: () => number = Date.now) {}

  /** The rows of these fora (unknown and deleted ones left out): kept where still current, read otherwise. */
  async read(services: Services, forumIds: readonly string[], options: ForumRowsRead = {}): Promise<Map<string, ForumRows>> {
    const ids = [...new Set(forumIds)];
    if (ids.length === 0) return new Map();
    const agendasFrom = options.agendasFrom?.getTime() ?? Number.POSITIVE_INFINITY;
    const marks = await services.reminderIndex.marks(ids);
    const found = new Map<string, ForumRows>();
    const stale: string[] = [];
    const readAt = this.now();
    for (const id of ids) {
      const kept = this.kept.get(id);
      const usable = kept !== undefined && kept.mark === marks.get(id) && kept.rows.agendasFrom <= agendasFrom && readAt - kept.readAt < KEEP_AT_MOST_MS;
      if (options.fresh !== true && usable) found.set(id, kept.rows);
      else stale.push(id);
    }
    const read = await this.readRows(services, stale, options.agendasFrom);
    for (const id of stale) this.keep(id, marks.get(id), readAt, read.get(id), found);
    return found;
  }

  /**
   * A person's memberships and the rows of their fora in at most two rounds of waiting, one when
   * nothing changed: the marks of the fora they were in at their last read here are read beside
   * their memberships; rows are read only for fora changed since, and for fora new to them (those
   * beside their marks, so kept unverified: read again, after the mark, the next time).
   */
  async readOfPerson(services: Services, userId: string): Promise<PersonFora> {
    const { memberships, rowsOf } = await this.readOfPersonStepwise(services, userId);
    return { memberships, rows: await rowsOf(memberships.map((m) => m.forumId)) };
  }

  /**
   * `readOfPerson` in its two steps: the memberships after the first round, then the rows of the fora
   * asked for (read, where needed, in the second), so a read that needs only the memberships can
   * share the second round.
   */
  async readOfPersonStepwise(services: Services, userId: string): Promise<PersonMemberships> {
    const guessed = this.foraOf.get(userId) ?? [];
    const [memberships, guessedMarks] = await Promise.all([services.members.listMembershipsOfUser(userId), guessed.length === 0 ? new Map<string, string>() : services.reminderIndex.marks(guessed)]);
    const ids = new Set(memberships.map((m) => m.forumId));
    this.foraOf.delete(userId);
    if (ids.size > 0) this.foraOf.set(userId, [...ids]);
    if (this.foraOf.size > PEOPLE_REMEMBERED) this.foraOf.delete(this.foraOf.keys().next().value!);
    const known = new Set(guessed);
    const readAt = this.now();
    const rowsOf = async (forumIds: readonly string[]): Promise<Map<string, ForumRows>> => {
      const wanted = [...new Set(forumIds)].filter((id) => ids.has(id));
      const found = new Map<string, ForumRows>();
      const stale: string[] = [];
      for (const id of wanted.filter((i) => known.has(i))) {
        const kept = this.kept.get(id);
        if (kept !== undefined && kept.mark === guessedMarks.get(id) && readAt - kept.readAt < KEEP_AT_MOST_MS) found.set(id, kept.rows);
        else stale.push(id);
      }
      const fresh = wanted.filter((i) => !known.has(i));
      const [read, freshMarks, readBeside] = await Promise.all([
        this.readRows(services, stale, NO_AGENDAS),
        fresh.length === 0 ? new Map<string, string>() : services.reminderIndex.marks(fresh),
        this.readRows(services, fresh, NO_AGENDAS),
      ]);
      for (const id of stale) this.keep(id, guessedMarks.get(id), readAt, read.get(id), found);
      for (const id of fresh) {
        const kept = this.kept.get(id);
        // Kept from an earlier read whose mark is still current: good (the rows read beside are not needed).
        if (kept !== undefined && kept.mark === freshMarks.get(id) && readAt - kept.readAt < KEEP_AT_MOST_MS) found.set(id, kept.rows);
        else this.keep(id, UNVERIFIED, readAt, readBeside.get(id), found);
      }
      return found;
    };
    return { memberships, rowsOf };
  }

  private keep(id: string, mark: string | undefined | typeof UNVERIFIED, readAt: number, rows: ForumRows | undefined, found: Map<string, ForumRows>): void {
    if (rows === undefined) {
      this.kept.delete(id);
      return;
    }
    this.kept.set(id, { mark, readAt, rows });
    found.set(id, rows);
  }

  /** The rows of these fora as stored now (deleted fora left out). */
  private async readRows(services: Services, ids: readonly string[], agendasFrom: Date | undefined): Promise<Map<string, ForumRows>> {
    if (ids.length === 0) return new Map();
    const agendasOf = async (id: string): Promise<PublishedAgenda[]> => {
      if (agendasFrom === undefined) return [];
      const agendas = await services.agendas.listPublishedFrom(id, agendasFrom);
      return agendas.flatMap((a) => (a.state === 'published' && a.meetingId !== undefined ? [{ meetingId: a.meetingId, itemTitles: a.items.map((item) => item.title) }] : []));
    };
    const [fora, ...perForum] = await Promise.all([
      services.fora.findMany(ids),
      ...ids.map((id) => Promise.all([services.meetingSeries.listByForum(id), services.meetings.listByForum(id), services.members.listByForum(id), agendasOf(id)])),
    ]);
    const byId = new Map(fora.map((forum) => [forum.id, forum]));
    const read = new Map<string, ForumRows>();
    ids.forEach((id, n) => {
      const forum = byId.get(id);
      if (forum === undefined) return;
      const [series, meetings, members, agendas] = perForum[n]!;
      read.set(
        id,
        Object.freeze({
          forum,
          series: Object.freeze(series),
          meetings: Object.freeze(meetings),
          members: Object.freeze(members),
          agendas: Object.freeze(agendas),
          agendasFrom: agendasFrom?.getTime() ?? Number.POSITIVE_INFINITY,
        }),
      );
    });
    return read;
  }

  /** Fora no longer listed (deleted) are forgotten. */
  keepOnly(forumIds: ReadonlySet<string>): void {
    for (const id of this.kept.keys()) if (!forumIds.has(id)) this.kept.delete(id);
  }
}

const caches = new WeakMap<object, ForumRowsCache>();

/** One cache per storage: the reminder jobs and the commands of one process share it. */
export function forumRowsOf(services: Pick<BotServices, 'reminderIndex'>): ForumRowsCache {
  let cache = caches.get(services.reminderIndex);
  if (cache === undefined) {
    cache = new ForumRowsCache();
    caches.set(services.reminderIndex, cache);
  }
  return cache;
}

/** A person's memberships and the rows of their fora, from the process's cache (see ForumRowsCache.readOfPerson). */
export function readPersonFora(services: Services, userId: string): Promise<PersonFora> {
  return forumRowsOf(services).readOfPerson(services, userId);
}

/** The same in two steps (see ForumRowsCache.readOfPersonStepwise). */
export function readPersonForaStepwise(services: Services, userId: string): Promise<PersonMemberships> {
  return forumRowsOf(services).readOfPersonStepwise(services, userId);
}

const HOUR_MS = 3_600_000;
const expanded = new WeakMap<ForumRows, { from: number; to: number; occurrences: readonly Occurrence[] }>();

/**
 * `occurrencesBetween` of kept rows, expanded once per hour: expanding a series is the costly part
 * of listing meetings (the recurrence rule and the zone), and kept rows are read turn after turn.
 * The occurrences of a window reaching an hour further are kept with the rows (new rows, new
 * window) and filtered by the same rule, so the answer is the same as expanding afresh.
 */
export function occurrencesOfRows(rows: ForumRows, from: Date, to: Date): Occurrence[] {
  let window = expanded.get(rows);
  if (window === undefined || from.getTime() < window.from || to.getTime() > window.to) {
    const start = from.getTime();
    const end = to.getTime() + HOUR_MS;
    window = { from: start, to: end, occurrences: Object.freeze(occurrencesBetween(rows.series, rows.meetings, new Date(start), new Date(end)).map((o) => Object.freeze(o))) };
    expanded.set(rows, window);
  }
  return window.occurrences.filter((o) => overlaps(o, from, to));
}

