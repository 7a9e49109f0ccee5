/**
 * Commands of a person in several fora: does a turn wait longer the more fora someone is in?
 * Forumbot (in-memory Azurite, 200 other fora stored beside) and a bare echo bot, same process.
 *
 *   npx tsx bench/fan-out.bench.ts [sizes=1,4,12] [--turns=60] [--concurrency=20]
 *
 * For a member of 1, 4 and 12 fora (secretary of the first; a weekly series, an agenda and five
 * open items of hers in each): `fora`, `møder`, `handlinger`, `dagsorden` and a card click
 * (`actions.item.show`), round-robin with the echo bot's message. Sequential pass: p50/p99, storage
 * requests per turn and sequential round trips (depth, see storage-depth.ts); then 20 people at once.
 * Target: depth at most 2 for every variant and size (it must not grow with the number of fora).
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { z } from 'zod';
import { createBotApp } from '../bot/app';
import { createLogger } from '../bot/logger';
import type { Storage } from '../storage';
import { startAzurite } from '../storage/azurite';
import { createStorage } from '../storage/index';
import { anActionItem, anAgenda, aForum, aMeetingSeries } from '../test/storage/storage.mothers';
import { testConfig } from '../test/bot/support/bot-harness';
import { aMessage, aPerson, aPersonalChat, cardAction, type Person, type Where } from '../test/bot/support/teams-activities';
import { startTeamsConnectorEmulator } from '../test/emulator/teams-connector-emulator';
import { parseBenchArgs } from './bench-args';
import { startEchoBot } from './echo-bot';
import { formatTable, summarize } from './latency-stats';
import { watchReplies, type ReplyWatcher } from './reply-watcher';
import { meterDepthTo, type DepthMeter } from '../test/support/storage-depth';

const Args = z.object({
  sizes: z.string().regex(/^\d+(,\d+)*$/).default('1,4,12'),
  turns: z.coerce.number().int().min(5).max(10_000).default(60),
  concurrency: z.coerce.number().int().min(0).max(64).default(20),
});
const PEOPLE = 20;
const OTHER_FORA = 200;
const MAX_DEPTH = 2;
const TIMEOUT_MS = 15_000;

interface Sample {
  ms: number;
  requests: number;
  depth: number;
}
interface Variant {
  label: string;
  turn(person: number): Promise<Sample>;
}

async function inGroups<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

async function post(url: string, activity: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  return { status: response.status, text: await response.text() };
}

interface Cast {
  people: { person: Person; chat: Where; itemForum: string; itemId: string }[];
}

/** `size` fora with the same 20 members; the first person-owned item of each is the one clicked. */
async function seed(storage: Storage, size: number): Promise<Cast> {
  const people = Array.from({ length: PEOPLE }, () => ({ person: aPerson(), chat: aPersonalChat() }));
  await inGroups([...Array(OTHER_FORA).keys()], 25, (i) => storage.fora.save(aForum({ id: `other-${i}`, name: `Andet forum ${i}` })));
  const fora = Array.from({ length: size }, (_, i) => aForum({ name: `Forum ${String(i).padStart(2, '0')}` }));
  const firstItems = new Map<string, { forumId: string; id: string }>();
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await inGroups(fora, 4, async (forum, ) => {
    await storage.fora.save(forum);
    await storage.meetingSeries.save(aMeetingSeries(forum.id, { firstDate: tomorrow, rrule: 'FREQ=WEEKLY' }));
    await storage.agendas.save(anAgenda(forum.id, { meetingStart: new Date(Date.now() + 7 * 86_400_000).toISOString() }));
    await inGroups(people, 10, async ({ person }, ) => {
      const roles = forum === fora[0] ? ['secretary' as const] : ['member' as const];
      await storage.members.save(forum.id, { userId: person.aadObjectId, displayName: person.name, roles });
      for (let k = 0; k < 5; k++) {
        const item = await storage.actionItems.save(anActionItem(forum.id, { owner: { kind: 'member', userId: person.aadObjectId, displayName: person.name }, dueDate: tomorrow }));
        if (!firstItems.has(person.aadObjectId)) firstItems.set(person.aadObjectId, { forumId: forum.id, id: item.id });
      }
    });
  });
  return { people: people.map((p) => ({ ...p, itemForum: firstItems.get(p.person.aadObjectId)!.forumId, itemId: firstItems.get(p.person.aadObjectId)!.id })) };
}

function message(url: string, serviceUrl: string, watcher: ReplyWatcher, meter: DepthMeter, cast: Cast, label: string, text: string, ok: (reply: Record<string, unknown>) => boolean): Variant {
  return {
    label,
    async turn(i) {
      const { person, chat } = cast.people[i % PEOPLE]!;
      const activity = aMessage(serviceUrl, chat, person, text);
      const replied = watcher.expect(String(activity['id']), TIMEOUT_MS);
      meter.reset();
      const t0 = performance.now();
      const [{ status }, { at, reply }] = await Promise.all([post(url, activity), replied]);
      const { requests, depth } = meter.read();
      if (status !== 200 || !ok(reply.activity)) throw new Error(`${label}: HTTP ${status} ${JSON.stringify(reply.activity).slice(0, 300)}`);
      return { ms: at - t0, requests, depth };
    },
  };
}

function click(url: string, serviceUrl: string, meter: DepthMeter, cast: Cast): Variant {
  const label = 'card click actions.item.show';
  return {
    label,
    async turn(i) {
      const { person, chat, itemForum, itemId } = cast.people[i % PEOPLE]!;
      const activity = cardAction(serviceUrl, chat, person, 'actions.item.show', { forumId: itemForum, itemId });
      meter.reset();
      const t0 = performance.now();
      const { status, text } = await post(url, activity);
      const ms = performance.now() - t0;
      const { requests, depth } = meter.read();
      const body = JSON.parse(text) as { statusCode?: number; value?: { body?: unknown } };
      if (status !== 200 || body.statusCode !== 200 || !JSON.stringify(body.value).includes('natteravnene')) throw new Error(`${label}: ${text.slice(0, 300)}`);
      return { ms, requests, depth };
    },
  };
}

async function pass(variants: readonly Variant[], rounds: number, concurrency: number): Promise<Sample[][]> {
  const results: Sample[][] = variants.map(() => []);
  const jobs = Array.from({ length: rounds * variants.length }, (_, n) => ({ variant: (Math.floor(n / variants.length) + n) % variants.length, round: Math.floor(n / variants.length) }));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      results[job.variant]!.push(await variants[job.variant]!.turn(job.round));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return results;
}

const hasCard = (r: Record<string, unknown>): boolean => Array.isArray(r['attachments']) && (r['attachments'] as unknown[]).length > 0;

async function main(): Promise<number> {
  const args = parseBenchArgs(Args, 'sizes', 'fan-out.bench.ts [sizes=1,4,12] [--turns=60] [--concurrency=20]');
  const sizes = args.sizes.split(',').map(Number);
  const azurite = await startAzurite();
  const emulator = await startTeamsConnectorEmulator({ limits: { tenant: [{ windowMs: 1_000, max: 1_000_000 }] } });
  const echo = await startEchoBot();
  const watcher = watchReplies(emulator);
  const meter = meterDepthTo(azurite.port);
  const lines: string[] = [];
  let worstDepth = 0;
  try {
    for (const size of sizes) {
      const storage = createStorage(azurite.connectionString, { tablePrefix: `fan${randomBytes(4).toString('hex')}` });
      const cast = await seed(storage, size);
      const app = createBotApp({ config: testConfig({ logLevel: 'warn' }), logger: createLogger('warn', pino.destination(2)), storage });
      const url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}/api/messages`;
      const echoUrl = `http://127.0.0.1:${echo.port}/api/messages`;
      const s = emulator.serviceUrl;
      const variants = [
        message(echoUrl, s, watcher, meter, cast, 'echo bot', 'hej', (r) => r['text'] === 'Echo: hej'),
        message(url, s, watcher, meter, cast, 'fora', 'fora', hasCard),
        message(url, s, watcher, meter, cast, 'møder', 'møder', hasCard),
        message(url, s, watcher, meter, cast, 'handlinger', 'handlinger', hasCard),
        message(url, s, watcher, meter, cast, 'dagsorden', 'dagsorden', hasCard),
        click(url, s, meter, cast),
      ];
      await pass(variants, PEOPLE, 1); // warm-up: every person once (the first turn with someone costs more)
      const sequential = await pass(variants, args.turns, 1);
      const concurrent = args.concurrency > 1 ? await pass(variants, args.turns, args.concurrency) : undefined;
      const rows = variants.map((v, i) => {
        const seq = summarize(sequential[i]!.map((x) => x.ms));
        const con = concurrent === undefined ? undefined : summarize(concurrent[i]!.map((x) => x.ms));
        const requests = sequential[i]!.reduce((sum, x) => sum + x.requests, 0) / sequential[i]!.length;
        const depth = Math.max(...sequential[i]!.map((x) => x.depth));
        if (i > 0) worstDepth = Math.max(worstDepth, depth);
        return [v.label, seq.p50.toFixed(1), seq.p99.toFixed(1), con?.p50.toFixed(1) ?? '-', con?.p99.toFixed(1) ?? '-', requests.toFixed(1), String(depth)];
      });
      const table = formatTable(['variant', 'seq p50 ms', 'seq p99 ms', `${args.concurrency} at once p50`, `${args.concurrency} at once p99`, 'requests/turn', 'round trips (depth)'], rows);
      lines.push(`\nmember of ${size} fora (+${OTHER_FORA} other fora stored), ${args.turns} turns per variant\n${table}`);
      console.log(lines.at(-1));
      await app.close();
      await storage.dropAll();
    }
  } finally {
    meter.close();
    await watcher.close();
    await echo.close();
    await emulator.close();
    await azurite.stop();
  }
  const pass_ = worstDepth <= MAX_DEPTH;
  console.log(`\nTarget: at most ${MAX_DEPTH} sequential storage round trips per turn at every size: deepest ${worstDepth} → ${pass_ ? 'PASS' : 'FAIL'}`);
  return pass_ ? 0 : 1;
}

process.exitCode = await main();
