import { reminderCard } from '../../cards/reminder.card';
import { formatDateTime } from '../../cards/dates';
import type { Agenda } from '../../domain/agendas/agenda';
import type { Forum } from '../../domain/fora/forum';
import type { Occurrence } from '../../domain/meetings/occurrence';
import { dueReminders, reminderTimes, reminderWindow, type DueReminder } from '../../domain/reminders/due-reminders';
import { settingsOf } from '../../domain/reminders/reminder-settings';
import type { ScheduledJob } from '../core/feature';
import type { BotServices } from '../core/services';
import { pickLang } from '../i18n/lang';
import { upcomingMeetings } from '../meetings/upcoming-meetings';
import { bounded, reminderMessageKey } from './reminder-keys';
import { reminderRecipients } from './reminder-recipients';
import { remindersTexts } from './reminders.texts';
import { cardMessage } from '../core/card-message';
import { INDEX_LOOKBACK_MS, INDEX_RECHECK_MS, type ReminderIndexEntry } from '../../domain/reminders/reminder-index';

const DAY_MS = 86_400_000;
export const REMINDER_JOB_EVERY_MS = 60_000;
/** Fora handled at once: enough for storage round trips to overlap, few enough not to flood the account. */
const FORA_IN_PARALLEL = 32;

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
}

/**
 * One pass: the fora's meetings in the reminder window, the reminders due at `now`, each enqueued
 * once per recipient with a stable idempotency key. Safe on every instance at once: the outbox's
 * conditional insert lets exactly one of them create each message. `only`: just these fora.
 */
export async function sendDueReminders(services: BotServices, now: Date, known = new KnownReminders(), only?: readonly string[]): Promise<ReminderRun> {
  known.prune(now);
  const fora =
    only === undefined ? await services.fora.list() : (await Promise.all(only.map((id) => services.fora.findById(id)))).filter((f): f is Forum => f !== undefined);
  const { from, to } = reminderWindow(now);
  const occurrences = await upcomingMeetings(
    services,
    fora.map((f) => f.id),
    from,
    { horizonDays: Math.ceil((to.getTime() - from.getTime()) / DAY_MS) },
  );
  const byForum = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const list = byForum.get(o.forumId);
    if (list === undefined) byForum.set(o.forumId, [o]);
    else list.push(o);
  }
  const run: ReminderRun = { due: 0, created: 0, failed: 0, fora: fora.length, nextDueAt: new Map() };
  const withMeetings = fora.filter((f) => byForum.has(f.id));
  // A few fora at a time: storage round trips overlap, without flooding the account.
  for (let i = 0; i < withMeetings.length; i += FORA_IN_PARALLEL) {
    await Promise.all(
      withMeetings.slice(i, i + FORA_IN_PARALLEL).map(async (forum) => {
        const forumOccurrences = byForum.get(forum.id) ?? [];
        const failed = !(await remindForum(services, forum, forumOccurrences, now, known, run));
        // A reminder that could not be enqueued is due again at once: the next run retries it.
        const next = failed ? now.getTime() : nextDueAfter(forumOccurrences, settingsOf(forum), now, services.config.timeZone);
        if (next !== undefined) run.nextDueAt.set(forum.id, next);
      }),
    );
  }
  return run;
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

/** Enqueues the forum's due reminders; false when one of them could not be enqueued. */
async function remindForum(services: BotServices, forum: Forum, occurrences: Occurrence[], now: Date, known: KnownReminders, run: ReminderRun): Promise<boolean> {
  const settings = settingsOf(forum);
  const timeZone = services.config.timeZone;
  // The cheap pass first: most minutes nothing is due, and then no more reads are needed.
  if (!dueReminders(occurrences, settings, now, { timeZone }).some((r) => !known.has(r.id))) return true;
  const [agendas, members] = await Promise.all([services.agendas.listByForum(forum.id), services.members.listByForum(forum.id)]);
  const published = publishedAgendas(agendas);
  const due = dueReminders(occurrences, settings, now, { timeZone, hasPublishedAgenda: (key) => published.has(key) }).filter((r) => !known.has(r.id));
  // The forum's reminders side by side: each message's writes wait on each other, not on other messages'.
  const outcomes = await Promise.all(
    due.map(async (reminder) => {
      run.due += 1;
      try {
        const results = await Promise.all(
          reminderRecipients(reminder.kind, members).map(async (userId) => {
            // One point read settles what another instance (or this one before a restart) already
            // queued: far cheaper than an enqueue that finds its key taken (resolve, three writes).
            if ((await services.outbox.findById(reminderMessageKey(reminder.id, userId))) !== undefined) return false;
            return enqueue(services, forum, reminder, userId, published.get(reminder.occurrence.key));
          }),
        );
        run.created += results.filter(Boolean).length;
        known.add(reminder.id, reminder.occurrence);
        return true;
      } catch (error) {
        // Not marked known: the next run tries again, and the keys keep what did get in from doubling.
        run.failed += 1;
        services.logger.error({ err: error, reminderId: reminder.id, forumId: forum.id }, 'could not enqueue a reminder; retrying next run');
        return false;
      }
    }),
  );
  return outcomes.every(Boolean);
}

/** Published agendas by the occurrence they belong to (`meetingId` holds the occurrence key). */
function publishedAgendas(agendas: readonly Agenda[]): Map<string, Agenda> {
  const byKey = new Map<string, Agenda>();
  for (const agenda of agendas) if (agenda.state === 'published' && agenda.meetingId !== undefined) byKey.set(agenda.meetingId, agenda);
  return byKey;
}

async function enqueue(services: BotServices, forum: Forum, reminder: DueReminder, userId: string, agenda: Agenda | undefined): Promise<boolean> {
  // Who gets it proactively has not told us a language: the bot's configured one (Danish by default).
  const lang = pickLang(undefined, services.config.locale);
  const texts = remindersTexts[lang];
  const { occurrence } = reminder;
  const timeZone = services.config.timeZone;
  const card = reminderCard(texts.reminder, {
    kind: reminder.kind,
    forumId: forum.id,
    forumName: forum.name,
    meetingTitle: occurrence.title === '' ? forum.name : occurrence.title,
    start: occurrence.start,
    end: occurrence.end,
    ...(occurrence.location === undefined ? {} : { location: occurrence.location }),
    ...(occurrence.onlineMeetingUrl === undefined ? {} : { onlineMeetingUrl: occurrence.onlineMeetingUrl }),
    dueAt: reminder.dueAt,
    late: reminder.late,
    ...(agenda === undefined ? {} : { agendaItems: agenda.items.map((item) => item.title) }),
    timeZone,
  });
  const { created } = await services.outbox.enqueue({
    idempotencyKey: reminderMessageKey(reminder.id, userId),
    recipient: { kind: 'user', userId },
    activity: cardMessage(texts.summaries[reminder.kind](forum.name, formatDateTime(occurrence.start, lang, timeZone)), card),
    subject: { type: 'reminder', id: bounded(reminder.id), forumId: forum.id },
  });
  return created;
}

/** How often the sweep looks at every forum and repairs the index. */
export const REMINDER_SWEEP_MS = 60 * 60_000;

/** After a pass over some fora: each gets its next entry (its next reminder, or a re-check), the handled ones go. */
async function reindex(services: BotServices, run: ReminderRun, forumIds: readonly string[], now: Date, handled: readonly ReminderIndexEntry[] = []): Promise<void> {
  await Promise.all(forumIds.map((forumId) => services.reminderIndex.put(forumId, new Date(run.nextDueAt.get(forumId) ?? now.getTime() + INDEX_RECHECK_MS))));
  await services.reminderIndex.remove(handled);
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
        const forumIds = [...new Set(entries.map((e) => e.forumId))];
        const run = await sendDueReminders(services, now, known, forumIds);
        await reindex(services, run, forumIds, now, entries);
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
      await reindex(services, run, (await services.fora.list()).map((f) => f.id), now);
      if (run.due > 0) services.logger.info({ due: run.due, created: run.created, fora: run.fora }, 'reminder sweep enqueued what was due');
    },
  };
}

/** After a change to a forum's meetings or lead times: the minute job looks at the forum next minute. */
export const remindersChanged = (services: Pick<BotServices, 'reminderIndex' | 'clock'>, forumId: string): Promise<void> =>
  services.reminderIndex.put(forumId, services.clock.now());
