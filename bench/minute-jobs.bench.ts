/**
 * The other per-minute jobs with 1,000 fora and their history: `agendas.circulation` (channel posts,
 * consultants' cards, the reminder and briefing of circulations) and `escalations.deadlines` (cases
 * not acknowledged in time), on an in-memory Azurite.
 *
 *   npx tsx bench/minute-jobs.bench.ts [fora=1000] [--agendas=12] [--cases=4]
 *
 * Each forum is linked to a channel and holds `agendas` agendas of past meetings, published,
 * posted and circulated long ago (briefing sent), and `cases` escalation cases raised from it and
 * resolved; one forum in 50 also has an open case raised an hour ago (nothing due yet). That is the
 * history; nothing is due in the minutes measured. The first run after the seed is timed apart (it
 * is the one that finds the seeded agendas settled); then three minutes, each with its storage
 * requests. Target (issue 16: cost grows with the work due, not with history): a minute with nothing
 * due under 50 ms for each job, whatever the number of fora and the length of their history.
 * The figures of the jobs before (every agenda of every forum read each minute; every case header
 * found by a scan of the whole cases table) are printed beside them.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { agendaJobs } from '../bot/agendas/agendas.jobs';
import { createBotApp } from '../bot/app';
import type { Config } from '../bot/config';
import { inGroups } from '../bot/core/in-groups';
import { escalationDeadlineJob } from '../bot/escalations/escalation-deadlines.job';
import { createLogger } from '../bot/logger';
import { startAzurite } from '../storage/azurite';
import { createStorage, type Storage } from '../storage';
import { anAgenda, anEscalation } from '../test/storage/storage.mothers';
import { parseBenchArgs } from './bench-args';
import { formatTable } from './latency-stats';
import { countRequestsTo } from './storage-round-trips';

const Args = z.object({
  fora: z.coerce.number().int().min(1).max(5_000).default(1000),
  agendas: z.coerce.number().int().min(0).max(200).default(12),
  cases: z.coerce.number().int().min(0).max(200).default(4),
});
const args = parseBenchArgs(Args, 'fora', 'minute-jobs.bench.ts [fora=1000] [--agendas=12] [--cases=4]');

const TARGET_MS = 50;
/**
 * The jobs before this change (main at e87c430), this benchmark with its defaults on this machine,
 * 4 December 2026, load 2–3: the median of three minutes with nothing due. The deadline job's scan
 * of the whole cases table is cheap on Azurite, which holds it in memory; on Azure a filter that
 * names no partition reads every partition of the table.
 */
const BEFORE = { circulation: { ms: 6_932, requests: 1_001 }, deadlines: { ms: 10, requests: 2 } };
const NOW = '2026-11-23T10:00:00.000Z';
const config: Config = { port: 0, locale: 'da-DK', timeZone: 'Europe/Copenhagen', logLevel: 'silent', dataDir: '.data', publicUrl: 'http://localhost:3978' };

/** History through the storage repositories, so the rows are exactly theirs; 50 fora side by side. */
async function seed(storage: Storage): Promise<void> {
  await inGroups([...Array(args.fora).keys()], 50, async (i) => {
    const forumId = `bench-${i}`;
    await storage.fora.save({
      id: forumId,
      name: `Forum ${i}`,
      level: 'executing',
      sensitive: false,
      teams: { conversationId: `19:channel-${i}@thread.tacv2`, serviceUrl: 'https://smba.trafficmanager.net/emea/', tenantId: 'tenant-1' },
    });
    for (let n = 0; n < args.agendas; n++) {
      // A meeting n + 1 weeks ago, its circulation closed two days before it, the briefing sent after the deadline.
      const start = Date.parse(NOW) - (n + 1) * 7 * 86_400_000;
      const deadline = new Date(start - 2 * 86_400_000).toISOString();
      await storage.agendas.save(
        anAgenda(forumId, {
          id: `agenda-${i}-${n}`,
          meetingStart: new Date(start).toISOString(),
          state: 'published',
          revision: 1,
          postedRevision: 1,
          circulation: { deadline, consultantIds: [], sentAt: new Date(start - 9 * 86_400_000).toISOString(), cardsQueuedAt: new Date(start - 9 * 86_400_000).toISOString(), briefingCompiledAt: new Date(Date.parse(deadline) + 60_000).toISOString() },
        }),
      );
    }
    for (let n = 0; n < args.cases; n++) {
      const { escalation, firstStep } = anEscalation(forumId, { id: `case-${i}-${n}`, state: 'resolved' });
      await storage.escalations.create(escalation, firstStep);
    }
    if (i % 50 === 0) {
      const raisedAt = new Date(Date.parse(NOW) - 3_600_000).toISOString();
      const { escalation, firstStep } = anEscalation(forumId, { id: `open-case-${i}`, raisedAt, updatedAt: raisedAt });
      await storage.escalations.create(escalation, { ...firstStep, at: raisedAt });
    }
  });
}

const azurite = await startAzurite();
let exitCode = 0;
try {
  const storage = createStorage(azurite.connectionString, { tablePrefix: `b${randomUUID().replaceAll('-', '').slice(0, 10)}` });
  const seedStarted = performance.now();
  await seed(storage);
  console.log(`seeded ${args.fora} fora, ${args.fora * args.agendas} agendas and ${args.fora * args.cases + Math.ceil(args.fora / 50)} cases in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  const now = new Date(NOW);
  const app = createBotApp({ config, logger: createLogger('silent'), storage, clock: { now: () => now } });
  const jobs = { circulation: agendaJobs(app.services).find((j) => j.name === 'agendas.circulation')!, deadlines: escalationDeadlineJob(app.services) };

  const timed = async (run: () => Promise<void>): Promise<{ ms: number; requests: number }> => {
    const counter = countRequestsTo(azurite.port);
    const started = performance.now();
    await run();
    const ms = performance.now() - started;
    const requests = counter.count();
    counter.close();
    return { ms, requests };
  };
  const rows: string[][] = [];
  const missed: string[] = [];
  for (const [name, job] of Object.entries(jobs) as [keyof typeof jobs, (typeof jobs)[keyof typeof jobs]][]) {
    const first = await timed(() => job.run(now));
    const minutes = [];
    for (let m = 1; m <= 3; m++) minutes.push(await timed(() => job.run(new Date(now.getTime() + m * 60_000))));
    const median = [...minutes].sort((a, b) => a.ms - b.ms)[1]!;
    if (median.ms >= TARGET_MS) missed.push(name);
    rows.push([
      job.name,
      `${first.ms.toFixed(0)} ms, ${first.requests} req`,
      minutes.map((m) => `${m.ms.toFixed(0)} ms, ${m.requests} req`).join(' / '),
      `${median.ms.toFixed(1)} ms`,
      `${BEFORE[name].ms} ms, ${BEFORE[name].requests} req`,
      median.ms < TARGET_MS ? 'met' : 'MISSED',
    ]);
  }
  console.log(`\nper-minute jobs, ${args.fora} fora with ${args.agendas} agendas and ${args.cases} cases of history each; nothing due; target a minute under ${TARGET_MS} ms`);
  console.log(formatTable(['job', 'first run after the seed', 'three minutes', 'median', 'before (median)', 'target'], rows));
  if (missed.length > 0) {
    console.log(`TARGET MISSED: ${missed.join(', ')}`);
    exitCode = 1;
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await azurite.stop();
}
process.exit(exitCode);
