import { odata } from '@azure/data-tables';
import { afterAll, describe, expect, test } from 'vitest';
import { countRequestsTo } from '../../../bench/storage-round-trips';
import { backfillOutboxIndex, OUTBOX_BACKFILL_JOB } from '../../../bot/privacy/outbox-backfill';
import { RETENTION_JOB, retentionDryRun, runRetention } from '../../../bot/privacy/retention.service';
import type { OutboxMessage } from '../../../domain/outbox/outbox-message';
import { DEFAULT_OUTBOX_POLICY, delivered, lease, undeliverable } from '../../../domain/outbox/outbox.rules';
import type { Storage } from '../../../storage';
import { anAgenda, anAgendaInput, aForum } from '../../storage/storage.mothers';
import { openTestStorage, uniqueId, type TestStorage } from '../../storage/storage-kit';
import { anOutboxMessage, JUDGED_AT, servicesOn } from './retention-seed';

/**
 * Retention reads what expired, not all history: the outbox through its finished-by-day index (and
 * the one-off backfill for messages that finished before it), agendas' inputs past a per-forum
 * watermark. Judged at 2029-06-01 with the defaults: outbox 4 weeks, inputs 6 months.
 */
const opened: TestStorage[] = [];
afterAll(() => Promise.all(opened.map((t) => t.storage.dropAll())));

const DAY = 24 * 3_600_000;
const TARGET = { conversationId: 'a:1', serviceUrl: 'https://smba.trafficmanager.net/emea/', tenantId: 'ishoej' };
const NOT_FIRST_RUN = { passStartedAt: '2029-01-01T00:00:00.000Z', foraDone: true, finishedAt: '2029-01-01T00:00:00.000Z' };

function kit(): TestStorage & { port: number } {
  const t = openTestStorage();
  opened.push(t);
  return { ...t, port: Number(/TableEndpoint=https?:\/\/[^:/]+:(\d+)/.exec(t.connectionString)?.[1]) };
}

async function doneRowIds(t: TestStorage): Promise<string[]> {
  const ids: string[] = [];
  for await (const row of t.raw('outbox').listEntities<{ id: string }>({ queryOptions: { filter: odata`PartitionKey ge ${'done~'} and PartitionKey lt ${'done\u007f'}` } })) ids.push(row.id);
  return ids.sort();
}

/** Queued, leased and finished through the repository's own writes, as the worker does it. */
async function finishedNow(storage: Storage, enqueuedAt: string, finish: (leased: OutboxMessage) => OutboxMessage): Promise<OutboxMessage> {
  const { deliveredAt: _d, ...queued } = anOutboxMessage({ status: 'pending', enqueuedAt, dueAt: enqueuedAt });
  const { message } = await storage.outbox.add(queued);
  const leased = await storage.outbox.update(lease(message, 'worker-1', new Date(enqueuedAt), DEFAULT_OUTBOX_POLICY, TARGET));
  return storage.outbox.update(finish(leased));
}

const deliveredOn = (iso: string) => (m: OutboxMessage) => delivered(m, uniqueId('activity'), TARGET, new Date(iso));

/** Finished by the code before the index: a message row and nothing else. */
async function finishedBefore(storage: Storage, over: Partial<OutboxMessage>): Promise<OutboxMessage> {
  const message = anOutboxMessage(over);
  const { deliveredAt, ...rest } = message;
  await storage.outbox.add(deliveredAt === undefined ? rest : message);
  return message;
}

const sorted = (values: readonly string[]): string[] => [...values].sort();
const outboxKeys = (entries: readonly { kind: string; keys: string[] }[]): string[] => sorted(entries.filter((e) => e.kind === 'outbox').flatMap((e) => e.keys));

describe('retention through the outbox index and the inputs watermark', { timeout: 90_000 }, () => {
  test('given messages finished through the index and before it then the first run backfills and reports, and the pass deletes exactly that, with their index rows, keeping the rest', async () => {
    const t = kit();
    const at = { now: JUDGED_AT };
    const services = servicesOn(t.storage, at);
    const gone = [
      await finishedNow(t.storage, '2029-04-01T08:00:00.000Z', deliveredOn('2029-04-01T08:00:01.000Z')),
      await finishedNow(t.storage, '2029-03-01T08:00:00.000Z', (m) => undeliverable(m, 'NotInstalled', 'not installed', new Date('2029-05-30T08:00:00.000Z'))),
      await finishedBefore(t.storage, { deliveredAt: '2029-02-01T08:00:00.000Z' }),
      await finishedBefore(t.storage, { status: 'inDoubt', deliveredAt: undefined, enqueuedAt: '2029-01-15T08:00:00.000Z' }),
    ];
    const kept = [
      await finishedNow(t.storage, '2029-05-20T08:00:00.000Z', deliveredOn('2029-05-20T08:00:01.000Z')),
      await finishedBefore(t.storage, { deliveredAt: '2029-05-25T08:00:00.000Z' }),
      await finishedBefore(t.storage, { status: 'pending', deliveredAt: undefined, enqueuedAt: '2029-01-01T08:00:00.000Z' }),
    ];
    expect(await doneRowIds(t)).toHaveLength(3);

    const first = await runRetention(services, at.now);
    expect(first.outcome).toBe('dryRun');
    expect(outboxKeys(first.entries)).toEqual(sorted(gone.map((m) => m.id)));
    expect(await t.storage.jobState.find(OUTBOX_BACKFILL_JOB)).toEqual({ done: true });
    // The backfill filed the older finished messages; it deleted nothing.
    expect(await doneRowIds(t)).toEqual(sorted([...gone, kept[0]!, kept[1]!].map((m) => m.id)));

    at.now = new Date(JUDGED_AT.getTime() + DAY);
    const planned = await retentionDryRun(services, at.now);
    const run = await runRetention(services, at.now);
    expect(run.outcome).toBe('finished');
    expect(outboxKeys(run.entries)).toEqual(outboxKeys(planned));
    expect(outboxKeys(run.entries)).toEqual(sorted(gone.map((m) => m.id)));
    for (const m of gone) expect(await t.storage.outbox.findById(m.id)).toBeUndefined();
    for (const m of kept) expect(await t.storage.outbox.findById(m.id)).toBeDefined();
    expect(await doneRowIds(t)).toEqual(sorted([kept[0]!.id, kept[1]!.id]));
  });

  test('given the backfill dies part-way then the next call goes on from the stored position, and the pass deletes what it filed', async () => {
    const t = kit();
    const at = { now: JUDGED_AT };
    const services = servicesOn(t.storage, at);
    const old = await Promise.all([1, 2, 3, 4, 5].map((day) => finishedBefore(t.storage, { deliveredAt: `2029-02-0${day}T08:00:00.000Z` })));
    const starts: (string | undefined)[] = [];
    const watched = (dieOnCall?: number) => ({
      ...services,
      outboxRecords: {
        ...services.outboxRecords,
        indexFinished: async (after: string | undefined, limit: number) => {
          starts.push(after);
          if (starts.length === dieOnCall) throw new Error('killed');
          return services.outboxRecords.indexFinished(after, limit);
        },
      },
    });

    expect(await backfillOutboxIndex(watched(), 2)).toBe(false);
    const stored = await t.storage.jobState.find(OUTBOX_BACKFILL_JOB);
    expect(stored).toMatchObject({ done: false, after: expect.any(String) });
    await expect(backfillOutboxIndex(watched(2), 2)).rejects.toThrow('killed');
    expect(await backfillOutboxIndex(watched(), 2)).toBe(false);
    expect(await backfillOutboxIndex(watched(), 2)).toBe(true);
    // Every call after the first began where the last finished step stopped, the killed one included.
    expect(starts[0]).toBeUndefined();
    expect(starts[1]).toBe((stored as { after: string }).after);
    expect(starts[2]).toBe(starts[1]);
    expect(await backfillOutboxIndex(watched(), 2)).toBe(true);
    expect(starts).toHaveLength(4);

    await t.storage.jobState.save(RETENTION_JOB, NOT_FIRST_RUN);
    const run = await runRetention(services, at.now);
    expect(outboxKeys(run.entries)).toEqual(sorted(old.map((m) => m.id)));
    expect(await doneRowIds(t)).toEqual([]);
  });

  /** One forum with `history` monthly agendas (two inputs each) and `history` delivered messages, all long expired. */
  async function withHistory(history: number) {
    const t = kit();
    const at = { now: JUDGED_AT };
    const services = servicesOn(t.storage, at);
    const forum = await t.storage.fora.save(aForum());
    for (let m = 0; m < history; m += 1) {
      const agenda = await t.storage.agendas.save(anAgenda(forum.id, { meetingStart: new Date(Date.UTC(2026, m, 10, 8)).toISOString() }));
      for (const author of [uniqueId('consultant'), uniqueId('consultant')]) await t.storage.agendaInputs.replaceAnswer(agenda.id, author, [anAgendaInput(agenda.id, author, { itemId: agenda.items[1]!.id })]);
      await finishedNow(t.storage, new Date(Date.UTC(2026, m, 1, 8)).toISOString(), deliveredOn(new Date(Date.UTC(2026, m, 1, 9)).toISOString()));
    }
    await t.storage.jobState.save(RETENTION_JOB, NOT_FIRST_RUN);
    let inputReads = 0;
    const counted = { ...services, agendaInputs: { ...services.agendaInputs, listForRemoval: (id: string) => ((inputReads += 1), services.agendaInputs.listForRemoval(id)) } };
    const deleting = await runRetention(counted, at.now);
    const readWhileDeleting = inputReads;

    at.now = new Date(JUDGED_AT.getTime() + DAY);
    inputReads = 0;
    const requests = countRequestsTo(t.port);
    const nextDay = await runRetention(counted, at.now);
    requests.close();
    return { deleting, readWhileDeleting, nextDay, inputReadsNextDay: inputReads, requests: requests.count(), kinds: requests.byKind() };
  }

  test('given a pass deleted everything that expired then the next day\'s pass makes the same few requests whether the forum has 3 or 12 months of history behind it', async () => {
    const short = await withHistory(3);
    const long = await withHistory(12);
    expect(short.deleting.entries.find((e) => e.kind === 'agendaInputs')?.keys).toHaveLength(6);
    expect(long.deleting.entries.find((e) => e.kind === 'agendaInputs')?.keys).toHaveLength(24);
    expect(long.deleting.entries.find((e) => e.kind === 'outbox')?.keys).toHaveLength(12);
    expect(long.readWhileDeleting).toBe(12);

    for (const pass of [short, long]) {
      expect(pass.nextDay).toEqual({ outcome: 'finished', entries: [] });
      // No agenda's (empty) inputs are read again.
      expect(pass.inputReadsNextDay).toBe(0);
    }
    expect(long.requests).toBe(short.requests);
    expect(long.kinds).toEqual(short.kinds);
    // Cursor, fora, and per forum its agendas, items, cases, audit and watermark; the backfill's state and one index range.
    expect(long.requests).toBeLessThanOrEqual(15);
  });
});
