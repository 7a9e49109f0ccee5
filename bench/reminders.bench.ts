/**
 * Finding due reminders with 10, 100 and 1000 fora, each with a weekly series that has run for a
 * year (plus a moved and a cancelled occurrence), three members each, on an in-memory Azurite.
 *
 *   npx tsx bench/reminders.bench.ts [sizes=10,100,1000]
 *
 * For each size: the first full pass (creates what is pending), another instance's first full pass
 * (finds it all queued), a later full pass of the same instance (every five minutes), then the
 * minute passes in between — one where nothing falls due and one where some fora's reminders do.
 * Target: a minute pass costs in proportion to the reminders due, not to the fora stored — with
 * nothing due it reads nothing, and its time per due reminder does not grow with the fora.
 */
import { randomUUID } from 'node:crypto';
import { createBotApp } from '../bot/app';
import type { Config } from '../bot/config';
import { createLogger } from '../bot/logger';
import { createReminderJob } from '../bot/reminders/reminder.job';
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

    const job = createReminderJob(app.services, { rescanMs: 60 * 60_000 });
    started = performance.now();
    await job.run(now); // start-up: full pass, enqueues what is pending (agenda deadlines of next week's meetings, …)
    const firstPass = ms(started);
    const other = createReminderJob(app.services, { rescanMs: 60 * 60_000 });
    started = performance.now();
    await other.run(now); // a second instance's first full pass: everything already in the outbox
    const fullPass = ms(started);

    now = new Date('2026-11-23T06:20:00.000Z');
    started = performance.now();
    await job.run(now);
    const idle = ms(started);

    // The same instance's next full pass (every five minutes in production; here the clock jumps the plan's hour).
    const steadyJob = createReminderJob(app.services, { rescanMs: 1 });
    await steadyJob.run(now);
    started = performance.now();
    await steadyJob.run(new Date(now.getTime() + 1_000));
    const steady = ms(started);

    // 08:00 local: reminders of the fora meeting at 08:00 fall due (members' for Tuesday, deadlines 10 days ahead, …).
    const outboxBefore = (await storage.outbox.listDue(new Date('2100-01-01'), 100_000)).length;
    now = new Date('2026-11-23T07:00:30.000Z');
    started = performance.now();
    await job.run(now);
    const dueTime = performance.now() - started;
    const created = (await storage.outbox.listDue(new Date('2100-01-01'), 100_000)).length - outboxBefore;
    const perMessage = created === 0 ? 0 : dueTime / created;
    rows.push(
      `${String(size).padStart(5)} fora | seed ${seedTime.padStart(8)} | first full pass ${firstPass.padStart(8)} | other instance's first ${fullPass.padStart(8)} | later full pass ${steady.padStart(8)} | idle minute ${idle.padStart(6)} | due minute ${dueTime.toFixed(0).padStart(5)} ms for ${String(created).padStart(4)} messages (${perMessage.toFixed(1)} ms each)`,
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
