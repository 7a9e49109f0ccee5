/**
 * The reminder jobs with 10, 100 and 1000 fora, each with a weekly series that has run for a year
 * (plus a cancelled occurrence), three members each, on an in-memory Azurite.
 *
 *   npx tsx bench/reminders.bench.ts [sizes=10,100,1000] [--kinds]
 *
 * For each size: the sweep (at start and hourly: creates what is pending, indexes every forum),
 * another instance's sweep (finds it all queued), then minute runs of the indexed job: three where
 * nothing falls due, and two where 125 reminder messages do (with 1000 fora: 08:00 and 09:00
 * local), each with the storage requests it made (`--kinds`: by kind, to see where they go).
 * Targets at 1000 fora (issue 16): a minute with nothing due under 50 ms whatever the number of
 * fora, one with 125 messages due under 1 s. The figures from before the batched enqueue are
 * printed beside them. A third due minute runs on an instance that has kept nothing of the fora
 * (just started, or took the lease over): every forum due is read, as before the change marks.
 *
 * Measured on this shared 2-core machine, 3 December 2026, 1000 fora, back to back (load 4–6):
 * - main's job (seeded as here): due minutes 1024 and 868 ms, 569 requests each (4.6 per message:
 *   5 reads per forum, an address read and an insert per message, 65 transactions, the index);
 * - with change marks and the kept rows: 561 and 516 ms, 323 requests each (2.6 per message: the
 *   marks in 4 queries, no read per forum); nothing due 4–5 ms, 3 requests; an instance that kept
 *   nothing 1439 ms for 175 messages, 764 requests. Other runs: 630 and 604 ms (load 6–8), and
 *   with kept rows read again after 6 hours, 831 and 961 ms (load 7–8), the same 323 requests.
 * Seeding 1000 fora takes 30–40 s (was some ten minutes), the whole run about 1.5–2 minutes.
 */
import { randomUUID } from 'node:crypto';
import { createBotApp } from '../bot/app';
import { inGroups } from '../bot/core/in-groups';
import type { Config } from '../bot/config';
import { createLogger } from '../bot/logger';
import { createReminderJob, createReminderSweepJob } from '../bot/reminders/reminder.job';
import { countRequestsTo } from './storage-round-trips';
import { createStorage, type Storage } from '../storage';
import { startAzurite } from '../storage/azurite';

const SIZES = (process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '10,100,1000').split(',').map(Number);
const SHOW_KINDS = process.argv.includes('--kinds');

/**
 * Before (main at 3ed30c7: a point read per recipient to ask "already queued?", an address lookup
 * and three writes per message, forum after forum in three rounds), 1000 fora, measured with this
 * benchmark's loop on this machine on 3 December 2026 (shared with other work: the due minute
 * measured 4.3–6.4 s in runs back to back with the new code, 8.2 s in an earlier session).
 */
const BEFORE_1000 = { idleMs: 13, idleRequests: 3, dueMs: 4303, dueRequests: 1129, dueMessages: 125 };
/** Quoted from issue 16, before the index of reminder times: every 5 minutes a full pass over every forum, and a due minute. */
const BEFORE_ISSUE_16 = { fullPassMs: 9_700, dueMs: 7_500 };
const TARGET = { idleMs: 50, dueMs: 1000 };
const config: Config = { port: 0, locale: 'da-DK', timeZone: 'Europe/Copenhagen', logLevel: 'silent', dataDir: '.data', publicUrl: 'http://localhost:3978' };

/**
 * Forum i meets weekly on weekday i % 5 at 08:00 + (i % 8) hours local, since 24 November 2025.
 * Written through the storage repositories, so the rows are exactly theirs; not through the bot's
 * services, whose meeting writes also rewrite the cooperation picture (some 1,100 requests for a
 * weekly series a year old, which made seeding 1,000 fora take ten minutes) — rows this job never
 * reads. A forum's writes go side by side, 100 fora at a time.
 */
async function seed(storage: Storage, count: number): Promise<void> {
  await inGroups([...Array(count).keys()], 100, async (i) => {
    const forumId = `bench-${i}`;
    const day = String(24 + (i % 5)).padStart(2, '0');
    const seriesId = `series-${i}`;
    // A cancelled occurrence in the past year: an override row the pass must read too.
    const past = new Date(Date.parse(`2026-03-${day}T00:00:00Z`));
    await Promise.all([
      storage.fora.save({ id: forumId, name: `Forum ${i}`, level: 'executing', sensitive: false, reminders: { agendaDeadlineEnabled: true, agendaDeadlineDaysBefore: 10, memberReminderEnabled: true, memberReminderHoursBefore: 24, followUpEnabled: true, followUpHoursAfter: 1 } }),
      ...[['chair'], ['secretary'], ['member']].map((roles, n) => storage.members.save(forumId, { userId: `user-${i}-${n}`, displayName: `Person ${n}`, roles: roles as ['chair'] })),
      storage.meetingSeries.save({ id: seriesId, forumId, title: 'Ugemøde', firstDate: `2025-11-${day}`, startTime: `${String(8 + (i % 8)).padStart(2, '0')}:00`, durationMinutes: 60, rrule: 'FREQ=WEEKLY', timeZone: 'Europe/Copenhagen' }),
      storage.meetings.save({ id: randomUUID(), forumId, seriesId, originalStart: past.toISOString(), start: past.toISOString(), end: new Date(past.getTime() + 3_600_000).toISOString(), status: 'cancelled' }),
    ]);
  });
}

const ms = (started: number): string => `${(performance.now() - started).toFixed(0)} ms`;

const azurite = await startAzurite();
const rows: string[] = [];
let ok = true;
const missed: string[] = [];
try {
  for (const size of SIZES) {
    const tablePrefix = `b${randomUUID().replaceAll('-', '').slice(0, 10)}`;
    const storage = createStorage(azurite.connectionString, { tablePrefix });
    let now = new Date('2026-11-23T06:10:00.000Z'); // Monday 07:10 local
    const app = createBotApp({ config, logger: createLogger('silent'), storage, clock: { now: () => now } });
    let started = performance.now();
    await seed(storage, size);
    const seedTime = ms(started);

    const sweep = createReminderSweepJob(app.services);
    started = performance.now();
    await sweep.run(now); // start-up (and hourly): the sweep enqueues what is pending and writes every forum's next entry
    const firstSweep = ms(started);
    started = performance.now();
    await createReminderSweepJob(app.services).run(now); // another instance's sweep: everything already in the outbox
    const laterSweep = ms(started);

    const job = createReminderJob(app.services);
    await job.run(now);
    /** One minute run at `at`, timed, with its storage requests and the messages it created. */
    const minute = async (at: string, runner = job): Promise<{ ms: number; requests: number; created: number; kinds: [string, number][] }> => {
      now = new Date(at);
      const counter = countRequestsTo(azurite.port);
      const startedAt = performance.now();
      await runner.run(now);
      const ms = performance.now() - startedAt;
      const requests = counter.count();
      counter.close();
      const created = (await storage.outbox.listDue(new Date('2100-01-01'), 100_000)).length;
      return { ms, requests, created, kinds: counter.byKind() };
    };
    const idle = [];
    for (const at of ['2026-11-23T06:20:00.000Z', '2026-11-23T06:21:00.000Z', '2026-11-23T06:22:00.000Z']) idle.push(await minute(at));
    const idleMedian = [...idle].sort((a, b) => a.ms - b.ms)[1]!;

    // 08:00 and 09:00 local: the reminders of the fora meeting at that hour fall due (members' for
    // Tuesday, agenda deadlines for 10 days ahead); the minutes before catch up on what came between.
    const due = [];
    for (const [catchUp, at] of [
      ['2026-11-23T06:59:00.000Z', '2026-11-23T07:00:30.000Z'],
      ['2026-11-23T07:59:00.000Z', '2026-11-23T08:00:30.000Z'],
    ] as const) {
      const queuedBefore = (await minute(catchUp)).created;
      const run = await minute(at);
      due.push({ ...run, created: run.created - queuedBefore, at, note: '' });
    }
    // 10:00 local on an instance that has kept nothing (just started, or took the job's lease over):
    // it reads every forum due (the follow-ups of the 08:00 meetings fall due too).
    const cold = createReminderJob(createBotApp({ config, logger: createLogger('silent'), storage: createStorage(azurite.connectionString, { tablePrefix }), clock: { now: () => now } }).services);
    const queuedBefore = (await minute('2026-11-23T08:59:00.000Z', cold)).created;
    const coldRun = await minute('2026-11-23T09:00:30.000Z', cold);
    due.push({ ...coldRun, created: coldRun.created - queuedBefore, at: '2026-11-23T09:00:30.000Z', note: ', an instance that kept nothing' });
    rows.push(
      `${String(size).padStart(5)} fora | seed ${seedTime.padStart(8)} | first sweep ${firstSweep.padStart(8)} | another instance's sweep ${laterSweep.padStart(8)}`,
      `           nothing due: ${idle.map((r) => `${r.ms.toFixed(0)} ms (${r.requests} requests)`).join(', ')}; median ${idleMedian.ms.toFixed(0)} ms` +
        (size === 1000 ? `   [before: issue 16 a full pass of ${BEFORE_ISSUE_16.fullPassMs} ms every 5 minutes; before the batched enqueue ${BEFORE_1000.idleMs} ms, ${BEFORE_1000.idleRequests} requests; target < ${TARGET.idleMs} ms]` : ''),
      ...due.map(
        (r) =>
          `           due minute ${r.at.slice(11, 16)}Z${r.note}: ${r.ms.toFixed(0).padStart(5)} ms for ${String(r.created).padStart(4)} messages, ${r.requests} storage requests (${(r.requests / Math.max(1, r.created)).toFixed(1)} per message)` +
          (size === 1000 && r.note === ''
            ? `   [before: issue 16 ${BEFORE_ISSUE_16.dueMs} ms; before the batched enqueue ${BEFORE_1000.dueMs} ms for ${BEFORE_1000.dueMessages}, ${BEFORE_1000.dueRequests} requests (${(BEFORE_1000.dueRequests / BEFORE_1000.dueMessages).toFixed(1)} per message); target < ${TARGET.dueMs} ms]`
            : ''),
      ),
    );
    if (SHOW_KINDS) for (const r of due) rows.push(`           requests of the ${r.at.slice(11, 16)}Z minute by kind: ${r.kinds.map(([k, n]) => `${k} ${n}`).join(', ')}`);
    console.log(rows.slice(-(3 + due.length * (SHOW_KINDS ? 2 : 1))).join('\n'));
    if (size === 1000 && (idleMedian.ms >= TARGET.idleMs || due.some((r) => r.note === '' && r.ms >= TARGET.dueMs))) missed.push(`${size} fora`);
    await storage.dropAll();
  }
} catch (error) {
  ok = false;
  console.error(error);
} finally {
  await azurite.stop();
}
console.log('\nreminders: due reminders found and enqueued\n' + rows.join('\n'));
if (missed.length > 0) console.log(`TARGET MISSED at ${missed.join(', ')}`);
process.exitCode = ok && missed.length === 0 ? 0 : 1;
