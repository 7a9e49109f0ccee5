/**
 * The retention job over fora with three years of history, on an in-memory Azurite.
 *
 *   npx tsx bench/retention.bench.ts [sizes=100,1000]
 *
 * Each forum met monthly from January 2026 to December 2028: 36 agendas with two consultants'
 * inputs each, 12 action items (one closed a quarter), 6 cases (closed), 36 audit events, and 3
 * delivered outbox messages. Judged on 2 January 2029 with the default periods. Prints the first
 * (dry) run, the deleting pass (as many bounded runs as it takes) and a pass the next day with
 * nothing expired, with the storage requests each made and the requests per deleted row.
 * Target: the deleting pass for 1,000 fora finishes within one hour (the job's interval, so a day's
 * pass never lags), at no more than 3 storage requests per deleted row.
 */
import { randomUUID } from 'node:crypto';
import { createBotApp } from '../bot/app';
import type { Config } from '../bot/config';
import type { BotServices } from '../bot/core/services';
import { createLogger } from '../bot/logger';
import { runRetention } from '../bot/privacy/retention.service';
import { createStorage } from '../storage';
import { startAzurite } from '../storage/azurite';
import { countRequestsTo } from './storage-round-trips';

const SIZES = (process.argv[2] ?? '100,1000').split(',').map(Number);
const config: Config = { port: 0, locale: 'da-DK', timeZone: 'Europe/Copenhagen', logLevel: 'silent', dataDir: '.data', publicUrl: 'http://localhost:3978' };
const HOUR_MS = 3_600_000;
const MAX_REQUESTS_PER_ROW = 3;

async function inGroups<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

const month = (n: number, day = 10): string => new Date(Date.UTC(2026, n, day, 8)).toISOString();

async function seedForum(services: BotServices, storage: ReturnType<typeof createStorage>, i: number): Promise<void> {
  const forumId = `bench-${String(i).padStart(4, '0')}`;
  await services.fora.save({ id: forumId, name: `Forum ${i}`, level: 'executing', sensitive: false });
  await inGroups([...Array(36).keys()], 12, async (m) => {
    const agendaId = `${forumId}-agenda-${m}`;
    await services.agendas.save({ id: agendaId, forumId, meetingStart: month(m), state: 'published', revision: 1, items: [{ id: 'item-1', title: 'Tendenser', description: '', inputWanted: true }] });
    for (const author of ['consultant-a', 'consultant-b']) {
      await services.agendaInputs.replaceAnswer(agendaId, author, [
        { agendaId, itemId: 'item-1', authorId: author, authorName: 'Konsulent', authorForumId: forumId, text: 'Flere episoder ved stationen.', noComments: false, agendaRevision: 1, savedAt: month(m, 5) },
      ]);
    }
    await services.audit.append({ id: randomUUID(), forumId, at: month(m, 11), actorId: 'user-1', action: 'agenda.publish', subject: `agenda:${agendaId}` });
  });
  await inGroups([...Array(12).keys()], 12, async (q) => {
    const closed = month(3 * q, 20);
    await services.actionItems.save({ id: `${forumId}-item-${q}`, forumId, title: 'Opfølgning', owner: { kind: 'member', userId: 'user-1', displayName: 'Mette' }, dueDate: closed.slice(0, 10), status: q % 3 === 2 ? 'open' : 'done', ...(q % 3 === 2 ? {} : { closedAt: closed }), createdBy: 'user-1', createdAt: month(3 * q, 1), updatedAt: closed });
  });
  await inGroups([...Array(6).keys()], 6, async (c) => {
    const at = month(6 * c, 15);
    const person = { userId: 'user-2', displayName: 'Konsulent' };
    await services.escalations.create(
      { id: `${forumId}-case-${c}`, title: 'Uro', description: 'Unge samles om aftenen.', category: 'tryghed', urgency: 'normal', originForumId: forumId, currentForumId: forumId, path: [forumId], state: 'resolved', raisedBy: person, raisedAt: at, updatedAt: at, stepCount: 1 },
      { seq: 0, at, actor: person, action: 'raise', toState: 'raised', toForumId: forumId },
    );
  });
  await inGroups([...Array(3).keys()], 3, async (k) => {
    const at = month(33 + k);
    await storage.outbox.add({ id: `${forumId}-msg-${k}`, recipient: { kind: 'user', userId: 'user-1' }, recipientKey: 'user:user-1', activity: { type: 'message', text: 'Påmindelse' }, operation: { kind: 'send' }, subject: { type: 'reminder', id: `${forumId}-${k}` }, causedBy: 'user-1', status: 'sent', dueAt: at, attempts: 1, enqueuedAt: at, deliveredAt: at });
  });
}

const seconds = (started: number): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;

const azurite = await startAzurite();
const lines: string[] = [];
let ok = true;
try {
  for (const size of SIZES) {
    const storage = createStorage(azurite.connectionString, { tablePrefix: `b${randomUUID().replaceAll('-', '').slice(0, 10)}` });
    let now = new Date('2029-01-02T02:00:00.000Z');
    const app = createBotApp({ config, logger: createLogger('silent'), storage, clock: { now: () => now } });
    let started = performance.now();
    await inGroups([...Array(size).keys()], 8, (i) => seedForum(app.services, storage, i));
    const seedTime = seconds(started);
    const trips = countRequestsTo(azurite.port);

    started = performance.now();
    const dry = await runRetention(app.services, now);
    const dryTime = seconds(started);
    const dryRows = dry.entries.reduce((sum, e) => sum + e.keys.length, 0);
    const dryTrips = trips.count();

    now = new Date(now.getTime() + 24 * HOUR_MS);
    let before = trips.count();
    started = performance.now();
    let runs = 0;
    let deleted = 0;
    for (;;) {
      const run = await runRetention(app.services, now);
      runs++;
      deleted += run.entries.reduce((sum, e) => sum + e.keys.length, 0);
      if (run.outcome !== 'partial') break;
    }
    const passMs = performance.now() - started;
    const passTrips = trips.count() - before;

    now = new Date(now.getTime() + 24 * HOUR_MS);
    before = trips.count();
    started = performance.now();
    await runRetention(app.services, now);
    const idleTime = seconds(started);
    const idleTrips = trips.count() - before;
    trips.close();

    const perRow = deleted === 0 ? 0 : passTrips / deleted;
    if (deleted !== dryRows) ok = false;
    if (size >= 1000 && (passMs > HOUR_MS || perRow > MAX_REQUESTS_PER_ROW)) ok = false;
    lines.push(
      `${String(size).padStart(5)} fora | seed ${seedTime} | dry run ${dryTime}, ${dryRows} rows, ${dryTrips} requests | deleting pass ${(passMs / 1000).toFixed(1)} s in ${runs} runs, ${deleted} rows (${(deleted / (passMs / 1000)).toFixed(0)} rows/s), ${passTrips} requests = ${perRow.toFixed(2)} per deleted row | next day, nothing expired: ${idleTime}, ${idleTrips} requests`,
    );
    console.log(lines.at(-1));
    await storage.dropAll();
  }
} catch (error) {
  ok = false;
  console.error(error);
} finally {
  await azurite.stop();
}
console.log('\nretention: a day\'s pass over fora with three years of history\n' + lines.join('\n'));
process.exitCode = ok ? 0 : 1;
