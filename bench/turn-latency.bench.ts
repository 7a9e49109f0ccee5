/**
 * Turn latency over real HTTP: Forumbot (with an in-memory Azurite and Ishøj's seeded fora) side by
 * side with a bare botbuilder echo bot, both in this process and measured in the same run.
 *
 *   npx tsx bench/turn-latency.bench.ts [turns=300] [--warmup=100] [--concurrency=8] [--telemetry=1]
 *
 * Variants: the echo bot's message; Forumbot's `hjælp`; `fora` (reads storage); an Action.Execute
 * (`help.show`). A message turn lasts from the POST to /api/messages until the bot's reply has
 * reached the Teams connector emulator; an invoke turn until its HTTP response (the card) is read.
 * The variants take turns round-robin (the starting variant rotates each round), so machine noise
 * falls on all of them alike. First a sequential pass (the target is judged on it, and storage
 * round trips per turn are counted there), then, unless `--concurrency` is 0 or 1, a pass with that many
 * turns in flight.
 *
 * Every variant rotates over its own pool of people, each in their own 1:1 chat, and the warm-up
 * reaches every one of them: measured turns are the steady state, where Forumbot already knows the
 * person (its first turn with someone costs a read and a write more). The emulator keeps Teams'
 * per-conversation limits but not the tenant's 50 requests/s, which this many short turns would
 * exceed: a 429 would measure Teams' throttling instead of the bot; the run reports any 429.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { z } from 'zod';
import { createBotApp } from '../bot/app';
import { createLogger } from '../bot/logger';
import { startTelemetry } from '../bot/telemetry/telemetry';
import { InMemoryLogRecordExporter } from '@opentelemetry/sdk-logs';
import { AggregationTemporality, InMemoryMetricExporter } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { seedForaIfEmpty } from '../bot/seed';
import { startAzurite } from '../storage/azurite';
import { createStorage } from '../storage/index';
import { testConfig } from '../test/bot/support/bot-harness';
import { aMessage, aPerson, aPersonalChat, cardAction, type Person, type Where } from '../test/bot/support/teams-activities';
import { startTeamsConnectorEmulator } from '../test/emulator/teams-connector-emulator';
import { startEchoBot } from './echo-bot';
import { formatTable, summarize } from './latency-stats';
import { watchReplies, type ReplyWatcher } from './reply-watcher';
import { countRequestsTo, type RoundTripCounter } from './storage-round-trips';
import { parseBenchArgs } from './bench-args';
import { runRoundRobin } from './round-robin';
import { check, post } from './bench-http';

const Args = z.object({
  turns: z.coerce.number().int().min(10).max(100_000).default(300),
  warmup: z.coerce.number().int().min(0).max(100_000).default(100),
  concurrency: z.coerce.number().int().min(0).max(64).default(8),
  /** Telemetry on, exporting to memory (no network): compare with a run without the flag. */
  telemetry: z.coerce.boolean().default(false),
});
type Args = z.infer<typeof Args>;

const TARGET_RATIO = 2;
const POOL = 50;
const TURN_TIMEOUT_MS = 10_000;

interface TurnResult {
  ms: number;
  storageTrips: number;
}

interface Variant {
  label: string;
  /** Runs one turn with the pool member `i`; throws when the answer is not the expected one. */
  turn(i: number): Promise<TurnResult>;
}

interface Rig {
  echoUrl: string;
  forumbotUrl: string;
  serviceUrl: string;
  watcher: ReplyWatcher;
  trips: RoundTripCounter;
}

/** A typed message: the turn ends when the reply to it reaches the emulator (and the POST has returned). */
function messageVariant(rig: Rig, label: string, url: string, text: string, expect: (reply: Record<string, unknown>) => boolean): Variant {
  const pool = Array.from({ length: POOL }, () => ({ person: aPerson(), chat: aPersonalChat() }));
  return {
    label,
    async turn(i) {
      const { person, chat } = pool[i % POOL]!;
      const activity = aMessage(rig.serviceUrl, chat, person, text);
      const trips = rig.trips.count();
      const replied = rig.watcher.expect(String(activity['id']), TURN_TIMEOUT_MS);
      const t0 = performance.now();
      const [{ status }, { at, reply }] = await Promise.all([post(url, activity), replied]);
      check(status === 200, `${label}: HTTP ${status}`);
      check(expect(reply.activity), `${label}: ${JSON.stringify(reply.activity).slice(0, 200)}`);
      return { ms: at - t0, storageTrips: rig.trips.count() - trips };
    },
  };
}

/** An Action.Execute click: the turn ends when the invoke response (the replacement card) is read. */
function executeVariant(rig: Rig): Variant {
  const pool: { person: Person; chat: Where }[] = Array.from({ length: POOL }, () => ({ person: aPerson(), chat: aPersonalChat() }));
  const label = 'Forumbot Action.Execute help.show';
  return {
    label,
    async turn(i) {
      const { person, chat } = pool[i % POOL]!;
      const activity = cardAction(rig.serviceUrl, chat, person, 'help.show', {});
      const trips = rig.trips.count();
      const t0 = performance.now();
      const { status, text } = await post(rig.forumbotUrl, activity);
      const ms = performance.now() - t0;
      check(status === 200, `${label}: HTTP ${status}`);
      const body = JSON.parse(text) as { statusCode?: number; value?: { lang?: string; body?: { text?: string }[] } };
      check(body.statusCode === 200 && body.value?.lang === 'da' && body.value.body?.[0]?.text === 'Det kan jeg', `${label}: ${text.slice(0, 200)}`);
      return { ms, storageTrips: rig.trips.count() - trips };
    },
  };
}

const fmt = (ms: number): string => ms.toFixed(2);

function report(title: string, variants: readonly Variant[], results: TurnResult[][], withTrips: boolean): number {
  const summaries = results.map((r) => summarize(r.map((t) => t.ms)));
  const rows = variants.map((v, i) => {
    const s = summaries[i]!;
    const trips = results[i]!.reduce((sum, t) => sum + t.storageTrips, 0) / Math.max(1, results[i]!.length);
    return [v.label, String(s.count), fmt(s.p50), fmt(s.p95), fmt(s.p99), fmt(s.mean), ...(withTrips ? [trips.toFixed(2)] : [])];
  });
  console.log(`\n${title}`);
  console.log(formatTable(['variant', 'turns', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms', ...(withTrips ? ['storage trips/turn'] : [])], rows));
  const echo = summaries[0]!.p50;
  for (let i = 1; i < variants.length; i++) console.log(`  p50 ${variants[i]!.label} / echo bot: ${(summaries[i]!.p50 / echo).toFixed(2)}x`);
  return summaries[1]!.p50 / echo;
}

async function main(): Promise<number> {
  const args = parseBenchArgs(Args, 'turns', 'turn-latency.bench.ts [turns=300] [--warmup=100] [--concurrency=8] [--telemetry=1]');
  const azurite = await startAzurite();
  const closers: (() => Promise<void>)[] = [() => azurite.stop()];
  const closeAll = async (): Promise<void> => {
    for (const close of closers.reverse()) await close().catch((error: unknown) => console.error('close failed:', error));
  };
  try {
    const emulator = await startTeamsConnectorEmulator({ limits: { tenant: [{ windowMs: 1_000, max: 1_000_000 }] } });
    closers.push(() => emulator.close());
    const telemetry = args.telemetry
      ? startTelemetry({ exporters: { spans: new InMemorySpanExporter(), metrics: new InMemoryMetricExporter(AggregationTemporality.DELTA), logs: new InMemoryLogRecordExporter() } })
      : undefined;
    if (telemetry !== undefined) closers.push(() => telemetry.shutdown());
    const logger = createLogger('warn', pino.destination(2), telemetry?.logs);
    const storage = createStorage(azurite.connectionString, { tablePrefix: `bench${randomBytes(4).toString('hex')}` });
    closers.push(() => storage.dropAll());
    await seedForaIfEmpty(storage, logger);
    const fora = await storage.fora.list();

    const app = createBotApp({ config: testConfig({ logLevel: 'warn' }), logger, storage });
    const forumbotPort = await app.listen(0, '127.0.0.1');
    closers.push(() => app.close());
    const echo = await startEchoBot();
    closers.push(() => echo.close());
    const watcher = watchReplies(emulator);
    closers.push(() => watcher.close());
    const trips = countRequestsTo(azurite.port);
    closers.push(async () => trips.close());

    const rig: Rig = {
      echoUrl: `http://127.0.0.1:${echo.port}/api/messages`,
      forumbotUrl: `http://127.0.0.1:${forumbotPort}/api/messages`,
      serviceUrl: emulator.serviceUrl,
      watcher,
      trips,
    };
    const variants: Variant[] = [
      messageVariant(rig, 'echo bot (bare botbuilder) message', rig.echoUrl, 'hej', (r) => r['text'] === 'Echo: hej'),
      messageVariant(rig, 'Forumbot "hjælp"', rig.forumbotUrl, 'hjælp', (r) => r['summary'] === 'Forumbots kommandoer'),
      messageVariant(
        rig,
        'Forumbot "fora" (reads storage)',
        rig.forumbotUrl,
        'fora',
        (r) => r['summary'] === 'Oversigt over fora' && fora.every((f) => JSON.stringify(r['attachments']).includes(f.name)),
      ),
      executeVariant(rig),
    ];

    const started = performance.now();
    await runRoundRobin(variants, Math.max(args.warmup, POOL), 0, 1);
    const sequential = await runRoundRobin(variants, args.turns, 0, 1);
    console.log(
      `Turn latency over HTTP, ${args.turns} measured turns per variant after ${Math.max(args.warmup, POOL)} warm-up turns each; ` +
        `Azurite in memory with ${fora.length} seeded fora; Node ${process.version}`,
    );
    const ratio = report('Sequential (one turn at a time, variants interleaved round-robin)', variants, sequential, true);
    let concurrent: TurnResult[][] | undefined;
    if (args.concurrency > 1) {
      concurrent = await runRoundRobin(variants, args.turns, 0, args.concurrency);
      report(`Concurrent (${args.concurrency} turns in flight, same interleaving)`, variants, concurrent, false);
    }
    const stats = emulator.stats();
    console.log(`\nemulator: ${stats.sends} replies recorded, ${stats.throttled} answered 429 (must be 0), run took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const pass = ratio <= TARGET_RATIO && stats.throttled === 0;
    console.log(`Target: Forumbot "hjælp" p50 within ${TARGET_RATIO}x the echo bot's p50 (sequential): ${ratio.toFixed(2)}x → ${pass ? 'PASS' : 'FAIL'}`);
    return pass ? 0 : 1;
  } finally {
    await closeAll();
  }
}

process.exitCode = await main();
