/**
 * Finding due reminders with 10, 100 and 1000 fora, each with a weekly series that has run for a
 * year (plus a moved and a cancelled occurrence), three members each, on an in-memory Azurite.
 *
 *   npx tsx bench/reminders.bench.ts [sizes=10,100,1000]
 *
 * For each size: the sweep (at start and hourly: creates what is pending, indexes every forum),
 * another instance's sweep (finds it all queued), then minute runs of the indexed job — one where
 * nothing falls due and one where some fora's reminders do — with the storage requests each made.
 * Target: a minute run costs in proportion to the reminders due, not to the fora stored: nothing
 * due is one or two requests (cursor, one index partition) whatever the number of fora.
 */
import { randomUUID } from 'node:crypto';
import { createBotApp } from '../bot/app';
import type { Config } from '../bot/config';
import { createLogger } from '../bot/logger';
import { createReminderJob, createReminderSweepJob } from '../bot/reminders/reminder.job';
import { countRequestsTo } from './storage-round-trips';
import type { BotServices } from '../bot/core/services';
import { createStorage } from '../storage';
import { startAzurite } from '../storage/azurite';

const SIZES = (process.argv[2] ?? '10,100,1000').split(',').map(Number);
const config: Config = { port: 0, locale: 'da-DK', timeZone: 'Europe/Copenhagen', logLevel: 'silent', dataDir: '.data', publicUrl: 'http://localhost:3978' };

async function inGroups<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/** Forum i meets weekly on weekday i % 5 at 08:00 + (i % 8) hours local, since 24 November 2025. */
async function seed(services: BotServices, count: number): Promise<void> {
  await inGroups([...Array(count).keys()], 25, async (i) => {
    const forumId = `bench-${i}`;
    await services.fora.save({ id: forumId, name: `Forum ${i}`, level: 'executing', sensitive: false, reminders: { agendaDeadlineEnabled: true, agendaDeadlineDaysBefore: 10, memberReminderEnabled: true, memberReminderHoursBefore: 24, followUpEnabled: true, followUpHoursAfter: 1 } });
    for (const [n, roles] of [['chair'], ['secretary'], ['member']].entries()) {
      await services.members.save(forumId, { userId: `user-${i}-${n}`, displayName: `Person ${n}`, roles: roles as ['chair'] });
    }
    const day = String(24 + (i % 5)).padStart(2, '0');
    const seriesId = `series-${i}`;
    await services.meetingSeries.save({ id: seriesId, forumId, title: 'Ugemøde', firstDate: `2025-11-${day}`, startTime: `${String(8 + (i % 8)).padStart(2, '0')}:00`, durationMinutes: 60, rrule: 'FREQ=WEEKLY', timeZone: 'Europe/Copenhagen' });
    // One moved and one cancelled occurrence in the past year: override rows the pass must read too.
    const past = new Date(Date.parse(`2026-03-${day}T00:00:00Z`));
    await services.meetings.save({ id: randomUUID(), forumId, seriesId, originalStart: past.toISOString(), start: past.toISOString(), end: new Date(past.getTime() + 3_600_000).toISOString(), status: 'cancelled' });
  });
}

const ms = (started: number): string => `${(performance.now() - started).toFixed(0)} ms`;

const azurite = await startAzurite();
const rows: string[] = [];
let ok = true;
try {
  for (const size of SIZES) {
    const storage = createStorage(azurite.connectionString, { tablePrefix: `b${randomUUID().replaceAll('-', '').slice(0, 10)}` });
    let now = new Date('2026-11-23T06:10:00.000Z'); // Monday 07:10 local
    const app = createBotApp({ config, logger: createLogger('silent'), storage, clock: { now: () => now } });
    let started = performance.now();
    await seed(app.services, size);
    const seedTime = ms(started);

    const trips = countRequestsTo(azurite.port);
    const sweep = createReminderSweepJob(app.services);
    started = performance.now();
    await sweep.run(now); // start-up (and hourly): the sweep enqueues what is pending and writes every forum's next entry
    const firstSweep = ms(started);
    started = performance.now();
    await createReminderSweepJob(app.services).run(now); // another instance's sweep: everything already in the outbox
    const laterSweep = ms(started);

    const job = createReminderJob(app.services);
    await job.run(now);
    now = new Date('2026-11-23T06:20:00.000Z');
    let before = trips.count();
    started = performance.now();
    await job.run(now);
    const idle = ms(started);
    const idleTrips = trips.count() - before;

    // 08:00 local: reminders of the fora meeting at 08:00 fall due (members' for Tuesday, deadlines 10 days ahead, …).
    now = new Date('2026-11-23T06:59:00.000Z');
    await job.run(now);
    const outboxBefore = (await storage.outbox.listDue(new Date('2100-01-01'), 100_000)).length;
    now = new Date('2026-11-23T07:00:30.000Z');
    before = trips.count();
    started = performance.now();
    await job.run(now);
    const dueTime = performance.now() - started;
    const dueTrips = trips.count() - before;
    const created = (await storage.outbox.listDue(new Date('2100-01-01'), 100_000)).length - outboxBefore;
    trips.close();
    const perMessage = created === 0 ? 0 : dueTime / created;
    rows.push(
      `${String(size).padStart(5)} fora | seed ${seedTime.padStart(8)} | first sweep ${firstSweep.padStart(8)} | another instance's sweep ${laterSweep.padStart(8)} | idle minute ${idle.padStart(6)} (${idleTrips} storage requests) | due minute ${dueTime.toFixed(0).padStart(5)} ms for ${String(created).padStart(4)} messages (${perMessage.toFixed(1)} ms each, ${dueTrips} storage requests)`,
    );
    console.log(rows.at(-1));
    await storage.dropAll();
  }
} catch (error) {
  ok = false;
  console.error(error);
} finally {
  await azurite.stop();
}
console.log('\nreminders: due reminders found and enqueued\n' + rows.join('\n'));
process.exitCode = ok ? 0 : 1;
