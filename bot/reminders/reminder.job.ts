import type { Forum, Member } from '../../domain/fora/forum';
import type { Occurrence } from '../../domain/meetings/occurrence';
import type { NewOutboxMessage } from '../../domain/outbox/outbox-message';
import { dueReminders, reminderTimes, reminderWindow, type DueReminder } from '../../domain/reminders/due-reminders';
import { INDEX_LOOKBACK_MS, INDEX_RECHECK_MS, type ReminderIndexEntry } from '../../domain/reminders/reminder-index';
import { settingsOf } from '../../domain/reminders/reminder-settings';
import type { ScheduledJob } from '../core/feature';
import type { BotServices } from '../core/services';
import { upcomingOfRows } from '../meetings/upcoming-meetings';
import { forumRowsOf, type ForumRows, type PublishedAgenda } from '../core/forum-rows';
import { reminderMessages } from './reminder-message';
import { reminderRecipients } from './reminder-recipients';

const DAY_MS = 86_400_000;
export const REMINDER_JOB_EVERY_MS = 60_000;
/** Fora read at once: enough for storage round trips to overlap, few enough not to flood the account. */
const FORA_PER_GROUP = 100;
/** Messages per outbox call: a few transactions of the queue's 100 rows, a bounded burst of inserts. */
const MESSAGES_PER_CALL = 250;

/**
 * Reminder ids this process has seen in the outbox, so it does not ask again every minute. Only a
 * shortcut: the outbox's idempotency keys decide what is sent. Forgotten a while after the meeting.
 */
export class KnownReminders {
  private readonly forgetAt = new Map<string, number>();
  has = (id: string): boolean => this.forgetAt.has(id);
  add(id: string, occurrence: Occurrence): void {
    this.forgetAt.set(id, Date.parse(occurrence.end) + 5 * DAY_MS);
  }
  prune(now: Date): void {
    for (const [id, at] of this.forgetAt) if (at < now.getTime()) this.forgetAt.delete(id);
  }
  get size(): number {
    return this.forgetAt.size;
  }
}

export interface ReminderRun {
  /** Reminders due and not yet known to be in the outbox. */
  due: number;
  /** Outbox messages this run created (another instance may have created the rest). */
  created: number;
  failed: number;
  /** Fora looked at, and for each the next time one of its reminders falls due (ms), if any in the window. */
  fora: number;
  nextDueAt: Map<string, number>;
  /** Fora that exist and whose every due reminder is in the outbox now. */
  handled: Set<string>;
}

export interface ReminderPassOptions {
  /** Just these fora (the minute job: those its index entries name). */
  only?: readonly string[];
  /**
   * Per forum, the time through which every due reminder was in the outbox already (the index
   * entries say so): those are not asked about again. A forum not here has each reminder checked.
   */
  handledThrough?: ReadonlyMap<string, number>;
}

/** What deciding a forum's reminders and writing them needs. */
interface ForumState {
  forum: Forum;
  occurrences: Occurrence[];
  members: readonly Member[];
  agendas: readonly PublishedAgenda[];
}

/** One reminder's messages, on their way to the outbox. */
interface Planned {
  forumId: string;
  reminder: DueReminder;
  messages: NewOutboxMessage[];
}

/**
 * How far before the reminder window an agenda's meeting may start and still be read: an agenda
 * keeps the start its meeting had when it was made, so a meeting moved later since is still found.
 */
const AGENDA_MARGIN_MS = 90 * DAY_MS;

const horizonOf = ({ from, to }: { from: Date; to: Date }): number => Math.ceil((to.getTime() - from.getTime()) / DAY_MS);

/**
 * One pass: the fora's meetings in the reminder window, the reminders due at `now`, each enqueued
 * once per recipient with a stable idempotency key. Safe on every instance at once: the outbox's
 * insert-if-absent lets exactly one of them create each message. A forum's rows come from the
 * process's cache while its change mark has not moved (bot/core/forum-rows.ts).
 */
export async function sendDueReminders(services: BotServices, now: Date, known = new KnownReminders(), options: ReminderPassOptions = {}): Promise<ReminderRun> {
  known.prune(now);
  const run: ReminderRun = { due: 0, created: 0, failed: 0, fora: 0, nextDueAt: new Map(), handled: new Set() };
  const window = reminderWindow(now);
  const cache = forumRowsOf(services);
  const agendasFrom = new Date(window.from.getTime() - AGENDA_MARGIN_MS);
  const stateOf = (rows: ForumRows): ForumState => ({
    forum: rows.forum,
    occurrences: upcomingOfRows(rows, window.from, { horizonDays: horizonOf(window) }),
    members: rows.members,
    agendas: rows.agendas,
  });
  // The minute job: the fora the index named. The sweep: every forum, read afresh (what is kept
  // is at most an hour old, whatever happened to a change mark).
  const ids = options.only !== undefined ? [...new Set(options.only)] : (await services.fora.list()).map((f) => f.id);
  if (options.only === undefined) cache.keepOnly(new Set(ids));
  for (let i = 0; i < ids.length; i += FORA_PER_GROUP) {
    const group = ids.slice(i, i + FORA_PER_GROUP);
    const rows = await cache.read(services, group, { agendasFrom, fresh: options.only === undefined });
    const states = group.flatMap((id) => {
      const found = rows.get(id);
      return found === undefined ? [] : [stateOf(found)];
    });
    await remindFora(services, states, now, known, options.handledThrough ?? new Map(), run);
  }
  return run;
}

/**
 * Enqueues the due reminders of a group of fora: every message of the group in a few outbox calls
 * (each recipient's address looked up once, rows of one partition written together). A reminder
 * counts as sent when all its messages are in the outbox; a forum with one that is not is due again
 * at once, so the next run retries it, and the idempotency keys keep what did get in from doubling.
 */
async function remindFora(services: BotServices, states: readonly ForumState[], now: Date, known: KnownReminders, handledThrough: ReadonlyMap<string, number>, run: ReminderRun): Promise<void> {
  const timeZone = services.config.timeZone;
  const planned: Planned[] = [];
  const inDoubt = new Set<Planned>();
  for (const { forum, occurrences, members, agendas } of states) {
    run.fora += 1;
    const published = publishedAgendas(agendas);
    const handledAt = handledThrough.get(forum.id);
    const due = dueReminders(occurrences, settingsOf(forum), now, { timeZone, hasPublishedAgenda: (key) => published.has(key) }).filter(
      (r) => !known.has(r.id) && !(handledAt !== undefined && Date.parse(r.dueAt) <= handledAt),
    );
    for (const reminder of due) {
      run.due += 1;
      const plan = { forumId: forum.id, reminder, messages: reminderMessages(services, forum, reminder, reminderRecipients(reminder.kind, members), published.get(reminder.occurrence.key)?.itemTitles) };
      planned.push(plan);
      // Due before what the index vouches for (or nothing vouched): perhaps queued by an earlier run.
      if (handledAt === undefined) inDoubt.add(plan);
    }
  }
  const outcomes = await enqueuePlanned(services, planned, inDoubt);
  const failedFora = new Set<string>();
  planned.forEach((plan, n) => {
    const outcome = outcomes[n]!;
    if (outcome.ok) {
      run.created += outcome.created;
      known.add(plan.reminder.id, plan.reminder.occurrence);
      return;
    }
    // Not marked known: the next run tries again.
    run.failed += 1;
    failedFora.add(plan.forumId);
    services.logger.error({ err: outcome.error, reminderId: plan.reminder.id, forumId: plan.forumId }, 'could not enqueue a reminder; retrying next run');
  });
  for (const { forum, occurrences } of states) {
    const failed = failedFora.has(forum.id);
    if (!failed) run.handled.add(forum.id);
    const next = failed ? now.getTime() : nextDueAfter(occurrences, settingsOf(forum), now, timeZone);
    if (next !== undefined) run.nextDueAt.set(forum.id, next);
  }
}

type PlanOutcome = { ok: true; created: number } | { ok: false; error: unknown };

/**
 * The planned messages into the outbox. Those in doubt are looked up first (one point read each,
 * side by side): far cheaper than an insert that finds its key taken. The rest go straight in.
 */
async function enqueuePlanned(services: BotServices, planned: readonly Planned[], inDoubt: ReadonlySet<Planned>): Promise<PlanOutcome[]> {
  const outcomes: PlanOutcome[] = planned.map(() => ({ ok: true, created: 0 }));
  const fail = (n: number, error: unknown): void => {
    if (outcomes[n]!.ok) outcomes[n] = { ok: false, error };
  };
  const toSend: { n: number; message: NewOutboxMessage }[] = [];
  await Promise.all(
    planned.map(async (plan, n) => {
      for (const message of plan.messages) {
        if (!inDoubt.has(plan)) toSend.push({ n, message });
      }
      if (!inDoubt.has(plan)) return;
      const checked = await Promise.allSettled(plan.messages.map((m) => services.outbox.findById(m.idempotencyKey)));
      checked.forEach((c, i) => {
        if (c.status === 'rejected') fail(n, c.reason);
        else if (c.value === undefined) toSend.push({ n, message: plan.messages[i]! });
      });
    }),
  );
  for (let i = 0; i < toSend.length; i += MESSAGES_PER_CALL) {
    const chunk = toSend.slice(i, i + MESSAGES_PER_CALL);
    const results = await services.outbox.enqueueMany(chunk.map((s) => s.message));
    results.forEach((result, k) => {
      const { n } = chunk[k]!;
      const outcome = outcomes[n]!;
      if (result.status === 'rejected') fail(n, result.reason);
      else if (outcome.ok && result.value.created) outcome.created += 1;
    });
  }
  return outcomes;
}

function nextDueAfter(occurrences: readonly Occurrence[], settings: ReturnType<typeof settingsOf>, now: Date, timeZone: string): number | undefined {
  let next: number | undefined;
  for (const o of occurrences) {
    if (o.status === 'cancelled') continue;
    for (const { dueAt } of reminderTimes(o, settings, timeZone)) {
      const t = dueAt.getTime();
      if (t > now.getTime() && (next === undefined || t < next)) next = t;
    }
  }
  return next;
}

/** Published agendas by the occurrence they belong to (`meetingId` holds the occurrence key). */
function publishedAgendas(agendas: readonly PublishedAgenda[]): Map<string, PublishedAgenda> {
  return new Map(agendas.map((agenda) => [agenda.meetingId, agenda]));
}

/** How often the sweep looks at every forum and repairs the index. */
export const REMINDER_SWEEP_MS = 60 * 60_000;

/**
 * After a pass over some fora: each that exists gets its next entry (its next reminder, or a
 * re-check), saying through when its reminders are all in the outbox if the pass handled them all;
 * the entries that brought the pass here go.
 */
async function reindex(services: BotServices, run: ReminderRun, now: Date, handled: readonly ReminderIndexEntry[] = []): Promise<void> {
  const entries = [...run.nextDueAt.keys(), ...run.handled]
    .filter((forumId, i, all) => all.indexOf(forumId) === i)
    .map((forumId): ReminderIndexEntry => ({
      forumId,
      dueAt: new Date(run.nextDueAt.get(forumId) ?? now.getTime() + INDEX_RECHECK_MS).toISOString(),
      ...(run.handled.has(forumId) ? { handledThrough: now.toISOString() } : {}),
    }));
  await services.reminderIndex.putMany(entries);
  await services.reminderIndex.remove(handled);
}

/** Per forum, the earliest time its due entries vouch for; a forum with an entry that vouches for nothing is left out. */
function handledThroughOf(entries: readonly ReminderIndexEntry[]): Map<string, number> {
  const through = new Map<string, number>();
  const unknown = new Set<string>();
  for (const e of entries) {
    if (e.handledThrough === undefined) unknown.add(e.forumId);
    else through.set(e.forumId, Math.min(through.get(e.forumId) ?? Infinity, Date.parse(e.handledThrough)));
  }
  for (const forumId of unknown) through.delete(forumId);
  return through;
}

/**
 * The minute job (one instance at a time, under its lease): reads the index entries due since the
 * last run — one partition query most minutes — and handles only those fora, so its cost follows
 * the reminders due, not the fora and meetings stored. A change to a schedule or to the lead times
 * puts its forum in the index at once, so it takes effect the next minute.
 */
export function createReminderJob(services: BotServices): ScheduledJob {
  const known = new KnownReminders();
  return {
    name: 'reminders',
    everyMs: REMINDER_JOB_EVERY_MS,
    async run(now) {
      const since = (await services.reminderIndex.cursor()) ?? new Date(now.getTime() - INDEX_LOOKBACK_MS);
      const from = new Date(Math.max(since.getTime(), now.getTime() - INDEX_LOOKBACK_MS));
      const entries = await services.reminderIndex.listDue(from, now);
      if (entries.length > 0) {
        const run = await sendDueReminders(services, now, known, { only: entries.map((e) => e.forumId), handledThrough: handledThroughOf(entries) });
        await reindex(services, run, now, entries);
        if (run.due > 0) services.logger.info({ due: run.due, created: run.created, failed: run.failed, fora: run.fora, known: known.size }, 'reminders enqueued');
      }
      // Never backwards: an instance whose clock is behind must not make the next run read it all again.
      if (since.getTime() < now.getTime()) await services.reminderIndex.setCursor(now);
    },
  };
}

/**
 * The slow sweep (hourly, and at start): a full pass over every forum that sends what is due and
 * writes each forum's next entry, repairing an index that lost a write (or is new).
 */
export function createReminderSweepJob(services: BotServices): ScheduledJob {
  const known = new KnownReminders();
  return {
    name: 'reminders-sweep',
    everyMs: REMINDER_SWEEP_MS,
    async run(now) {
      const run = await sendDueReminders(services, now, known);
      await reindex(services, run, now);
      if (run.due > 0) services.logger.info({ due: run.due, created: run.created, fora: run.fora }, 'reminder sweep enqueued what was due');
    },
  };
}

/** After a change to a forum's meetings or lead times: the minute job looks at the forum next minute. */
export const remindersChanged = (services: Pick<BotServices, 'reminderIndex' | 'clock'>, forumId: string): Promise<void> =>
  services.reminderIndex.put(forumId, services.clock.now());
