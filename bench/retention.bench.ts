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
 *
 * Seeding: bench-0000 is written through the repositories and copied for the other fora
 * (forum-clone.ts; bench-0001 is written through the repositories too and must equal its copy).
 * The dry run must find the same expired counts per kind in every forum.
 *
 * Measured 3 December 2026, 1,000 fora, 2-core machine shared with other sessions (1-minute load):
 *   npx tsx bench/retention.bench.ts 1000
 *   seeding 356.7 s (load 11.7): 268,018 rows (268 per forum; 53,336 transactions for the copies);
 *   dry run 2,045.8 s (load 5.4): 65,000 expired rows (per forum 60 inputs, 3 items, 2 outbox
 *   messages, the same in every forum), 43,396 requests; deleting pass 1,442.2 s (load 5.7–10.7)
 *   in 14 bounded runs (13 × 5,000 rows, then one that found nothing left), 114,790 requests =
 *   1.77 per deleted row; next day, nothing expired: 238.2 s (load 9.4), 40,256 requests.
 *   Azurite's CPU per request: about 20 ms in the dry run, 6.4 ms in the deleting pass, 3.9 ms
 *   the next day (sampled from /proc); this process used 4 %, 27 % and 14 % as much CPU as Azurite.
 *   The runs here follow each other at once; the job runs hourly, so on a real deployment a
 *   first pass over three years of 1,000 fora spans 14 runs, some 13 hours.
 * Azurite answers every query by scanning the whole table (LokiJS `where` over all rows, then a
 * sort), so here a query costs more the more rows its table holds, whatever its partition: the dry
 * run (all 268,018 rows present) is slower per request than the deleting pass (tables shrinking)
 * and than the next day's pass (nearly the same requests, 65,000 fewer rows). The request counts carry over
 * to a real account, where partition queries do not scan; the times do not.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { createBotApp } from '../bot/app';
import { inGroups } from '../bot/core/in-groups';
import type { Config } from '../bot/config';
import type { BotServices } from '../bot/core/services';
import { createLogger } from '../bot/logger';
import type { RetentionEntry } from '../bot/privacy/retention-plan';
import { runRetention } from '../bot/privacy/retention.service';
import { createStorage } from '../storage';
import { startAzurite } from '../storage/azurite';
import { createTableSet, type TableName, type TableSet } from '../storage/table-client';
import { cloneRows, fingerprint, readEveryRow, readTable, scaleTotals, splitByOwner, writeRows, type StoredRow } from './forum-clone';
import { countRequestsTo } from './storage-round-trips';

const SIZES = (process.argv[2] ?? '100,1000').split(',').map(Number);
const config: Config = { port: 0, locale: 'da-DK', timeZone: 'Europe/Copenhagen', logLevel: 'silent', dataDir: '.data', publicUrl: 'http://localhost:3978' };
const HOUR_MS = 3_600_000;
const MAX_REQUESTS_PER_ROW = 3;

const month = (n: number, day = 10): string => new Date(Date.UTC(2026, n, day, 8)).toISOString();

/** Fixed width, so a copy's rows differ from the template's only in these characters. */
const forumIdOf = (i: number): string => `bench-${String(i).padStart(4, '0')}`;

/** One forum's three years through the repositories; every id in it derives from the forum id. */
async function seedForum(services: BotServices, storage: ReturnType<typeof createStorage>, forumId: string): Promise<void> {
  await services.fora.save({ id: forumId, name: `Forum ${forumId}`, level: 'executing', sensitive: false });
  await inGroups([...Array(36).keys()], 12, async (m) => {
    const agendaId = `${forumId}-agenda-${m}`;
    await services.agendas.save({ id: agendaId, forumId, meetingStart: month(m), state: 'published', revision: 1, items: [{ id: 'item-1', title: 'Tendenser', description: '', inputWanted: true }] });
    for (const author of ['consultant-a', 'consultant-b']) {
      await services.agendaInputs.replaceAnswer(agendaId, author, [
        { agendaId, itemId: 'item-1', authorId: author, authorName: 'Konsulent', authorForumId: forumId, text: 'Flere episoder ved stationen.', noComments: false, agendaRevision: 1, savedAt: month(m, 5) },
      ]);
    }
    await services.audit.append({ id: `${forumId}-audit-${m}`, forumId, at: month(m, 11), actorId: 'user-1', action: 'agenda.publish', subject: `agenda:${agendaId}` });
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

/**
 * What two seedings of a forum may differ in: the random tails of an input's answer key
 * (table-agenda-input) and of an agenda revision's items key (table-agenda), and etags (an open
 * item's index row holds its item's etag as `version`: see `withItemVersions`), and the random nonce
 * of a forum's change mark (reminderindex `changed`).
 */
const maskRandomKeys = (text: string): string =>
  text
    .replace(/nonce="[0-9a-f-]{36}"/g, 'nonce="{nonce}"')
    .replace(/a[0-9a-z]{9}[0-9a-f]{6}/g, 'a{answerKey}').replace(/(r\d{8})\.[0-9a-f]{8}/g, '$1.{itemsKey}').replace(/datetime'[^']*'/g, "datetime'{etag}'");

/** Fails unless `actual` holds the same rows as `expected`, answer keys aside. */
function assertSameRows(what: string, expected: readonly StoredRow[], actual: readonly StoredRow[]): void {
  const [want, got] = [fingerprint(expected, maskRandomKeys), fingerprint(actual, maskRandomKeys)];
  const at = want.findIndex((row, i) => row !== got[i]);
  if (want.length !== got.length || at !== -1) throw new Error(`${what}: ${want.length} rows expected, ${got.length} written; first difference:\n${want[at]}\n${got[at]}`);
}

/**
 * `size` fora: bench-0000 (the template) and bench-0001 through the repositories, the rest as copies
 * of the template's rows. Fails unless the template copied as bench-0001 equals what the repositories
 * wrote for bench-0001, row for row in every table, and the shared totals doubled.
 */
async function seedFora(services: BotServices, storage: ReturnType<typeof createStorage>, tables: TableSet, size: number): Promise<{ rows: number; transactions: number }> {
  const template = forumIdOf(0);
  await seedForum(services, storage, template);
  const { own, shared } = splitByOwner(await readEveryRow(tables), template);
  if (size === 1) return { rows: own.length + shared.length, transactions: 0 };
  const second = forumIdOf(1);
  await seedForum(services, storage, second);
  const both = await readEveryRow(tables);
  assertSameRows(`${second} copied from ${template}`, cloneRows(own, template, second), splitByOwner(both, second).own);
  assertSameRows('totals over two fora', scaleTotals(shared, 2), splitByOwner(splitByOwner(both, second).shared, template).shared);
  const copies = [...Array(size - 2).keys()].flatMap((i) => cloneRows(own, template, forumIdOf(i + 2)));
  const isIndex = (row: StoredRow): boolean => INDEXES.includes(row.table);
  let transactions = await writeRows(tables, copies.filter((row) => !isIndex(row)), 8);
  transactions += await writeRows(tables, await withItemVersions(tables, copies.filter(isIndex)), 8);
  transactions += await writeRows(tables, scaleTotals(shared, size), 8, 'replace');
  const stale = await staleIndexRows(tables);
  if (stale > 0) throw new Error(`${stale} open-item index rows do not hold their item's etag`);
  return { rows: own.length * size + shared.length, transactions };
}

/** The open-item lists (table-open-action-items, table-owned-open-items): copies of items holding their etag. */
const INDEXES: readonly TableName[] = ['openactionitems', 'ownedopenitems'];
const itemKey = (row: Record<string, unknown>): string => `${String(row['forumId'])}|${String(row['id'])}`;

/** The open-item lists hold each item's etag as `version` (table-open-action-items): a copy points at its own item's. */
async function withItemVersions(tables: TableSet, rows: readonly StoredRow[]): Promise<StoredRow[]> {
  const etags = new Map((await readTable(tables, 'actionitems')).map((row) => [itemKey(row), String(row['etag'])]));
  return rows.map((row) => ({ table: row.table, entity: { ...row.entity, version: etags.get(itemKey(row.entity)) } }));
}

async function staleIndexRows(tables: TableSet): Promise<number> {
  const etags = new Map((await readTable(tables, 'actionitems')).map((row) => [itemKey(row), String(row['etag'])]));
  const index = (await Promise.all(INDEXES.map((table) => readTable(tables, table)))).flat().filter((row) => row['id'] !== undefined);
  return index.filter((row) => row['version'] !== etags.get(itemKey(row))).length;
}

/** Expired rows per forum and kind (outbox messages by the forum their id starts with). */
function expiredByForum(entries: readonly RetentionEntry[]): Map<string, string> {
  const counts = new Map<string, Record<string, number>>();
  for (const entry of entries) {
    for (const key of entry.keys) {
      const forumId = entry.kind === 'outbox' ? key.slice(0, forumIdOf(0).length) : entry.forumId;
      const forum = counts.get(forumId) ?? {};
      forum[entry.kind] = (forum[entry.kind] ?? 0) + 1;
      counts.set(forumId, forum);
    }
  }
  return new Map([...counts].map(([forumId, kinds]) => [forumId, JSON.stringify(Object.entries(kinds).sort())]));
}

/** Every forum must have expired exactly what the template did; returns a complaint or undefined. */
function copiesExpireAsTemplate(entries: readonly RetentionEntry[], size: number): string | undefined {
  const counts = expiredByForum(entries);
  const template = counts.get(forumIdOf(0));
  const odd = [...Array(size).keys()].map(forumIdOf).filter((forumId) => counts.get(forumId) !== template);
  return odd.length === 0 && counts.size === size ? undefined : `expired counts differ from the template ${template} in ${odd.length} fora, e.g. ${odd[0]}: ${counts.get(odd[0] ?? '')}`;
}

/** The machine is shared: every figure is printed with the 1-minute load average beside it. */
const loadAverage = (): string => loadavg()[0]!.toFixed(2);

const seconds = (started: number): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;

const azurite = await startAzurite();
const lines: string[] = [];
let ok = true;
try {
  for (const size of SIZES) {
    const tablePrefix = `b${randomUUID().replaceAll('-', '').slice(0, 10)}`;
    const storage = createStorage(azurite.connectionString, { tablePrefix });
    let now = new Date('2029-01-02T02:00:00.000Z');
    const app = createBotApp({ config, logger: createLogger('silent'), storage, clock: { now: () => now } });
    let started = performance.now();
    const seeded = await seedFora(app.services, storage, createTableSet(azurite.connectionString, tablePrefix), size);
    const seedTime = seconds(started);
    console.log(`${size} fora seeded in ${seedTime}: ${seeded.rows} rows, ${seeded.transactions} transactions for the copies (load ${loadAverage()})`);
    const trips = countRequestsTo(azurite.port);

    started = performance.now();
    const dry = await runRetention(app.services, now);
    const dryTime = seconds(started);
    const dryRows = dry.entries.reduce((sum, e) => sum + e.keys.length, 0);
    const dryTrips = trips.count();
    const complaint = copiesExpireAsTemplate(dry.entries, size);
    if (complaint !== undefined) ok = false;
    console.log(`dry run ${dryTime}, ${dryRows} rows, ${dryTrips} requests (load ${loadAverage()}); every forum expires what the template does: ${complaint ?? `yes, ${expiredByForum(dry.entries).get(forumIdOf(0))}`}`);

    now = new Date(now.getTime() + 24 * HOUR_MS);
    let before = trips.count();
    started = performance.now();
    let runs = 0;
    let deleted = 0;
    for (;;) {
      const run = await runRetention(app.services, now);
      runs++;
      deleted += run.entries.reduce((sum, e) => sum + e.keys.length, 0);
      console.log(`  run ${runs}: ${run.outcome}, ${deleted} rows so far, ${seconds(started)} (load ${loadAverage()})`);
      if (run.outcome !== 'partial') break;
    }
    const passMs = performance.now() - started;
    const passTrips = trips.count() - before;
    const passLoad = loadAverage();

    now = new Date(now.getTime() + 24 * HOUR_MS);
    before = trips.count();
    started = performance.now();
    await runRetention(app.services, now);
    const idleTime = seconds(started);
    const idleTrips = trips.count() - before;
    const idleLoad = loadAverage();
    trips.close();

    const perRow = deleted === 0 ? 0 : passTrips / deleted;
    if (deleted !== dryRows) ok = false;
    if (size >= 1000 && (passMs > HOUR_MS || perRow > MAX_REQUESTS_PER_ROW)) ok = false;
    lines.push(
      `${String(size).padStart(5)} fora | seed ${seedTime} | dry run ${dryTime}, ${dryRows} rows, ${dryTrips} requests | deleting pass ${(passMs / 1000).toFixed(1)} s in ${runs} runs, ${deleted} rows (${(deleted / (passMs / 1000)).toFixed(0)} rows/s), ${passTrips} requests = ${perRow.toFixed(2)} per deleted row (load ${passLoad}) | next day, nothing expired: ${idleTime}, ${idleTrips} requests (load ${idleLoad})`,
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
