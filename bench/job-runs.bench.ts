/**
 * One runner per job across instances, watched in real time: 3 Forumbot instances (each from
 * createBotApp with its own storage client and its own scheduler, as 3 processes would have) on one
 * Azurite with Ishøj's seeded fora, all started at the same moment so that every tick is a race
 * for the job's lease.
 *
 *   npx tsx bench/job-runs.bench.ts [minutes=3]
 *
 * The scheduler ticks with real timers (a moved clock would not move them, and shortening the
 * intervals would shorten the leases out of proportion), so the run takes `minutes` real minutes.
 * Runs are counted from the jobs' own telemetry (the `job <name>` span each run makes, kept in
 * memory), not from the lease: a run is a span, whichever instance made it. Each job's observed time
 * is cut into windows of its interval from the start (one window for jobs whose interval is longer
 * than the run); every window must hold exactly one run: more means two instances ran it, none that
 * it was missed. Exits 1 otherwise.
 */
import { randomBytes } from 'node:crypto';
import { InMemoryLogRecordExporter } from '@opentelemetry/sdk-logs';
import { AggregationTemporality, InMemoryMetricExporter } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { pino } from 'pino';
import { z } from 'zod';
import { createBotApp, type BotApp } from '../bot/app';
import { features } from '../bot/features';
import { createLogger } from '../bot/logger';
import { seedForaIfEmpty } from '../bot/seed';
import { startTelemetry } from '../bot/telemetry/telemetry';
import { startAzurite } from '../storage/azurite';
import { createStorage } from '../storage/index';
import { testConfig } from '../test/bot/support/bot-harness';
import { parseBenchArgs } from './bench-args';
import { formatTable } from './latency-stats';
import { countRequestsTo } from './storage-round-trips';

const Args = z.object({ minutes: z.coerce.number().int().min(1).max(60).default(3) });

const INSTANCES = 3;
const MINUTE_MS = 60_000;

const startMs = (span: ReadableSpan): number => span.startTime[0] * 1000 + span.startTime[1] / 1e6;

const every = (ms: number): string => (ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : ms % MINUTE_MS === 0 ? `${ms / MINUTE_MS} min` : `${ms / 1000} s`);

async function main(): Promise<number> {
  const { minutes } = parseBenchArgs(Args, 'minutes', 'job-runs.bench.ts [minutes=3]');
  const azurite = await startAzurite();
  const closers: (() => Promise<unknown>)[] = [() => azurite.stop()];
  try {
    const spans = new InMemorySpanExporter();
    const telemetry = startTelemetry({ exporters: { spans, metrics: new InMemoryMetricExporter(AggregationTemporality.DELTA), logs: new InMemoryLogRecordExporter() } });
    closers.push(() => telemetry.shutdown());
    const logger = createLogger('warn', pino.destination(2));
    const prefix = `bench${randomBytes(4).toString('hex')}`;
    const first = createStorage(azurite.connectionString, { tablePrefix: prefix });
    closers.push(() => first.dropAll());
    await seedForaIfEmpty(first, logger);

    const apps: BotApp[] = Array.from({ length: INSTANCES }, (_, i) =>
      createBotApp({ config: testConfig({ logLevel: 'warn' }), logger: logger.child({ instance: i }), storage: i === 0 ? first : createStorage(azurite.connectionString, { tablePrefix: prefix }) }),
    );
    // The jobs' names and intervals, as the scheduler gets them (not run here).
    const jobs = features.flatMap((feature) => feature.jobs?.(apps[0]!.services) ?? []).map((job) => ({ name: job.name, everyMs: job.everyMs }));
    const requests = countRequestsTo(azurite.port);
    closers.push(async () => requests.close());

    const t0 = Date.now();
    for (const app of apps) app.scheduler.start();
    console.log(`${INSTANCES} instances with ${jobs.length} jobs each, started together at ${new Date(t0).toISOString()}; watching for ${minutes} min (real time)…`);
    const observedMs = minutes * MINUTE_MS;
    await new Promise((resolve) => setTimeout(resolve, observedMs + 2_000));
    await Promise.all(apps.map((app) => app.scheduler.stop()));
    const storageRequests = requests.count();

    const runs = spans.getFinishedSpans().filter((span) => span.name.startsWith('job '));
    let pass = true;
    const rows = jobs.map((job) => {
      const mine = runs.filter((span) => span.attributes['forumbot.job'] === job.name && startMs(span) < t0 + observedMs);
      const windows = Math.max(1, Math.floor(observedMs / job.everyMs));
      const windowMs = Math.min(job.everyMs, observedMs);
      const perWindow = Array.from({ length: windows }, (_, k) => mine.filter((span) => Math.floor((startMs(span) - t0) / windowMs) === k).length);
      const failed = mine.filter((span) => span.attributes['forumbot.outcome'] !== 'ok').length;
      const ok = perWindow.every((n) => n === 1);
      if (!ok) pass = false;
      return [job.name, every(job.everyMs), windowMs === job.everyMs ? String(windows) : `1 (${minutes} min)`, String(Math.min(...perWindow)), String(Math.max(...perWindow)), String(mine.length), String(failed), ok ? 'ok' : 'FAIL'];
    });
    console.log(`\nEach job's runs across the ${INSTANCES} instances, per window of its interval from the start (the first run is at the start; must be exactly 1 per window)`);
    console.log(formatTable(['job', 'every', 'windows observed', 'runs/window min', 'max', 'runs in all', 'failed runs', 'verdict'], rows));
    console.log(`\nstorage requests from all ${INSTANCES} instances: ${storageRequests} in ${minutes} min (${Math.round(storageRequests / minutes)} per minute, leases included); by kind: ${requests.byKind().slice(0, 6).map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
    console.log(`Target: every job runs exactly once per interval across ${INSTANCES} instances → ${pass ? 'PASS' : 'FAIL'}`);
    return pass ? 0 : 1;
  } finally {
    for (const close of closers.reverse()) await close().catch((error: unknown) => console.error('close failed:', error));
  }
}

process.exitCode = await main();
