/**
 * A consultant's submit turn on the circulated Kredsråd agenda, with every consultant submitting at
 * the same moment, over real HTTP: Forumbot on an in-memory Azurite, `agenda.input.submit` invokes
 * to /api/messages. A turn lasts from the POST until its HTTP response (the confirmed card) is read.
 *
 *   npx tsx bench/agenda-submit.bench.ts [consultants=200] [--rounds=3] [--sequential=20]
 *
 * Each consultant first opens their card once (the card's refresh, `agenda.input.view`): Forumbot
 * records a person it has not seen since start-up on their first turn (a read and a write more), and
 * that warm-up keeps this one-off out of the measured turns. Then `rounds` waves: in each, all
 * consultants submit at once (the first wave their first answer, later waves a changed one). Storage
 * round trips (HTTP requests to Azurite; the outbox and the scheduler do not run) are counted per
 * wave, and per turn in a sequential pass of `sequential` submits afterwards.
 * Target (issue 5): at most 3 storage round trips per submit.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { z } from 'zod';
import { createBotApp } from '../bot/app';
import { createLogger } from '../bot/logger';
import { Agenda, type CirculatedConsultant } from '../domain/agendas/agenda';
import { startAzurite } from '../storage/azurite';
import { createStorage } from '../storage/index';
import { testConfig } from '../test/bot/support/bot-harness';
import { cardTexts } from '../test/bot/support/card-reading';
import { aPerson, aPersonalChat, cardAction, type Person, type Where } from '../test/bot/support/teams-activities';
import { startTeamsConnectorEmulator } from '../test/emulator/teams-connector-emulator';
import { formatTable, summarize } from './latency-stats';
import { countRequestsTo } from './storage-round-trips';
import { parseBenchArgs } from './bench-args';

const Args = z.object({
  consultants: z.coerce.number().int().min(1).max(2000).default(200),
  rounds: z.coerce.number().int().min(1).max(50).default(3),
  sequential: z.coerce.number().int().min(1).max(2000).default(20),
});

const TARGET_TRIPS = 3;
const SAVED = 'Dit input er gemt.';
/** About what a consultant writes on an item: a short paragraph. */
const answer = (who: number, item: string, round: number): string =>
  `Runde ${round}, konsulent ${who} om ${item}: vi ser flere unge samlet ved stationen om aftenen, og skolerne melder om uro. Vi foreslår en fælles tryghedsvandring før mødet.`;

interface Submitter {
  person: Person;
  chat: Where;
}

interface Turn {
  ms: number;
}

async function main(): Promise<number> {
  const args = parseBenchArgs(Args, 'consultants', 'agenda-submit.bench.ts [consultants=200] [--rounds=3] [--sequential=20]');
  const azurite = await startAzurite();
  const closers: (() => Promise<unknown>)[] = [() => azurite.stop()];
  try {
    const emulator = await startTeamsConnectorEmulator();
    closers.push(() => emulator.close());
    const storage = createStorage(azurite.connectionString, { tablePrefix: `bench${randomBytes(4).toString('hex')}` });
    closers.push(() => storage.dropAll());

    // The Kredsråd agenda, published and circulated to every consultant: two items want input, one does not.
    const forum = await storage.fora.save({ id: 'kredsraad', name: 'Kredsråd', level: 'strategic', sensitive: false });
    const submitters: Submitter[] = Array.from({ length: args.consultants }, (_, i) => ({ person: aPerson(`SSP-konsulent ${i + 1}`), chat: aPersonalChat() }));
    const consultants: CirculatedConsultant[] = submitters.map(({ person }, i) => ({
      userId: person.aadObjectId,
      name: person.name,
      forumId: i % 2 === 0 ? 'ssp-nu-u18' : 'ssp-netvaerk',
      forumName: i % 2 === 0 ? 'SSP-NU u18' : 'SSP-netværk',
    }));
    const now = Date.now();
    const agenda = await storage.agendas.save(
      Agenda.parse({
        id: `agenda-${randomBytes(4).toString('hex')}`,
        forumId: forum.id,
        meetingStart: new Date(now + 14 * 86_400_000).toISOString(),
        state: 'published',
        revision: 3,
        items: [
          { id: 'i1', title: 'Lukketider for udskænkningssteder', inputWanted: true },
          { id: 'i2', title: 'Tryghedsmåling 2026', inputWanted: true },
          { id: 'i3', title: 'Eventuelt', inputWanted: false },
        ],
        circulationEnabled: true,
        circulation: {
          deadline: new Date(now + 7 * 86_400_000).toISOString(),
          sentAt: new Date(now).toISOString(),
          consultantIds: consultants.map((c) => c.userId),
          consultants,
          forumName: forum.name,
          cardsQueuedAt: new Date(now).toISOString(),
        },
      }),
    );

    const app = createBotApp({ config: testConfig({ logLevel: 'warn' }), logger: createLogger('warn', pino.destination(2)), storage });
    const port = await app.listen(0, '127.0.0.1');
    closers.push(() => app.close());
    const url = `http://127.0.0.1:${port}/api/messages`;
    const ref = { forumId: forum.id, agendaId: agenda.id };

    /** One invoke; returns its time and the card that came back. */
    const invoke = async ({ person, chat }: Submitter, verb: string, data: Record<string, unknown>): Promise<{ ms: number; texts: string[] }> => {
      const body = JSON.stringify(cardAction(emulator.serviceUrl, chat, person, verb, data));
      const t0 = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await response.text();
      const ms = performance.now() - t0;
      if (response.status !== 200) throw new Error(`${verb}: HTTP ${response.status} ${text.slice(0, 300)}`);
      return { ms, texts: cardTexts((JSON.parse(text) as { value?: unknown }).value) };
    };
    const submit = async (submitter: Submitter, who: number, round: number): Promise<Turn> => {
      const data = { ...ref, revision: 3, 'input.i1': answer(who, 'lukketider', round), 'input.i2': who % 3 === 0 ? '' : answer(who, 'tryghed', round), noComments: 'false' };
      const { ms, texts } = await invoke(submitter, 'agenda.input.submit', data);
      if (texts[0] !== SAVED) throw new Error(`submit by consultant ${who}: not saved: ${texts.slice(0, 2).join(' | ')}`);
      return { ms };
    };

    // Warm-up: every consultant opens their card once (Forumbot now knows them), tables and connections are made.
    const warmStarted = performance.now();
    for (let i = 0; i < submitters.length; i += 20) await Promise.all(submitters.slice(i, i + 20).map((s) => invoke(s, 'agenda.input.view', ref)));
    console.log(`warm-up: ${submitters.length} consultants opened their card once in ${((performance.now() - warmStarted) / 1000).toFixed(1)} s (first-turn "known user" recording excluded from the measured turns)`);

    const trips = countRequestsTo(azurite.port);
    closers.push(async () => trips.close());
    const waves: { ms: number[]; trips: number; wallMs: number }[] = [];
    for (let round = 1; round <= args.rounds; round++) {
      const before = trips.count();
      const t0 = performance.now();
      const turns = await Promise.all(submitters.map((s, who) => submit(s, who, round)));
      waves.push({ ms: turns.map((t) => t.ms), trips: trips.count() - before, wallMs: performance.now() - t0 });
    }

    // Sequential: one submit at a time, so each turn's round trips are its own.
    const sequentialTrips: number[] = [];
    const sequentialMs: number[] = [];
    for (let k = 0; k < args.sequential; k++) {
      const who = k % submitters.length;
      const before = trips.count();
      sequentialMs.push((await submit(submitters[who]!, who, args.rounds + 1 + k)).ms);
      sequentialTrips.push(trips.count() - before);
    }

    // Nothing lost: one row per consultant and item answered, the last answer of each.
    const rows = await storage.agendaInputs.listByAgenda(agenda.id);
    const expected = submitters.reduce((sum, _s, who) => sum + (who % 3 === 0 ? 1 : 2), 0);
    if (rows.length !== expected) throw new Error(`stored ${rows.length} input rows, expected ${expected}`);

    const row = (label: string, samples: readonly number[], tripsPerTurn: number): string[] => {
      const s = summarize(samples);
      return [label, String(s.count), s.p50.toFixed(1), s.p95.toFixed(1), s.p99.toFixed(1), Math.max(...samples).toFixed(1), tripsPerTurn.toFixed(2)];
    };
    const perTurn = (w: { trips: number }): number => w.trips / submitters.length;
    const tableRows = waves.map((w, i) => row(`wave ${i + 1}: ${args.consultants} at once (${i === 0 ? 'first answers' : 'changed answers'})`, w.ms, perTurn(w)));
    tableRows.push(row(`all ${args.rounds} waves`, waves.flatMap((w) => w.ms), waves.reduce((sum, w) => sum + w.trips, 0) / (submitters.length * waves.length)));
    tableRows.push(row('sequential, one at a time', sequentialMs, sequentialTrips.reduce((a, b) => a + b, 0) / sequentialTrips.length));
    console.log(`\nConsultant's submit turn (agenda.input.submit, POST until the confirmed card is read); ${args.consultants} consultants, each warmed up first; Azurite in memory; Node ${process.version}`);
    console.log(formatTable(['pass', 'turns', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'storage trips/submit'], tableRows));
    for (const [i, w] of waves.entries()) console.log(`  wave ${i + 1}: all ${args.consultants} answered in ${w.wallMs.toFixed(0)} ms`);
    console.log(`stored: ${rows.length} input rows, as expected (no input lost)`);

    const worstWave = Math.max(...waves.map(perTurn));
    const worstSequential = Math.max(...sequentialTrips);
    const pass = worstSequential <= TARGET_TRIPS && worstWave <= TARGET_TRIPS;
    console.log(
      `Target: ≤ ${TARGET_TRIPS} storage round trips per submit (sequential max ${worstSequential}, concurrent waves max ${worstWave.toFixed(2)} per submit) → ${pass ? 'PASS' : 'FAIL'}`,
    );
    return pass ? 0 : 1;
  } finally {
    for (const close of closers.reverse()) await close().catch((error: unknown) => console.error('close failed:', error));
  }
}

process.exitCode = await main();
