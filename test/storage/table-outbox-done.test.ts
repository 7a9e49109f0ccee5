import { odata } from '@azure/data-tables';
import { afterAll, describe, expect, test } from 'vitest';
import { countRequestsTo } from '../../bench/storage-round-trips';
import type { OutboxMessage } from '../../domain/outbox/outbox-message';
import { DEFAULT_OUTBOX_POLICY, delivered, inDoubt, lease, linked, resend, retryLater, undeliverable } from '../../domain/outbox/outbox.rules';
import { anOutboxMessage } from '../bot/privacy/retention-seed';
import { openTestStorage, type TestStorage } from './storage-kit';

/**
 * The outbox's finished-by-day index on Azurite: which writes file a message, what the retention
 * read finds through it, and the one-off backfill for messages that finished before it existed.
 */
const opened: TestStorage[] = [];
afterAll(() => Promise.all(opened.map((t) => t.storage.dropAll())));

const TARGET = { conversationId: 'a:1', serviceUrl: 'https://smba.trafficmanager.net/emea/', tenantId: 'ishoej' };
const ENQUEUED = '2029-04-01T08:00:00.000Z';
const at = (iso: string): Date => new Date(iso);

function kit(): TestStorage & { port: number } {
  const t = openTestStorage();
  opened.push(t);
  return { ...t, port: Number(/TableEndpoint=https?:\/\/[^:/]+:(\d+)/.exec(t.connectionString)?.[1]) };
}

/** The index rows as stored: `partition/id`. */
async function doneRows(t: TestStorage): Promise<string[]> {
  const rows: string[] = [];
  for await (const row of t.raw('outbox').listEntities<{ id: string }>({ queryOptions: { filter: odata`PartitionKey ge ${'done~'} and PartitionKey lt ${'done\u007f'}` } })) {
    rows.push(`${row.partitionKey ?? ''}/${row.id}`);
  }
  return rows.sort();
}

/** A message queued on 1 April and leased once, as the worker has it just before the outcome. */
async function leased(t: TestStorage): Promise<OutboxMessage> {
  const { deliveredAt: _delivered, ...queued } = anOutboxMessage({ status: 'pending', enqueuedAt: ENQUEUED, dueAt: ENQUEUED });
  const { message } = await t.storage.outbox.add(queued);
  return t.storage.outbox.update(lease(message, 'worker-1', at('2029-04-01T08:00:00.500Z'), DEFAULT_OUTBOX_POLICY, TARGET));
}

describe('the outbox finished-by-day index', { timeout: 60_000 }, () => {
  test('given each final state then the message is filed under the day its weeks count from; unfinished states and a link file nothing', async () => {
    const t = kit();
    const sending = await leased(t);
    expect(await doneRows(t)).toEqual([]);

    const sent = await t.storage.outbox.update(delivered(sending, 'activity-1', TARGET, at('2029-04-02T09:00:00.000Z')));
    const gaveUp = await t.storage.outbox.update(undeliverable(await leased(t), 'NotInstalled', 'not installed', at('2029-04-03T09:00:00.000Z')));
    const doubted = await t.storage.outbox.update(inDoubt(await leased(t), 'timeout', at('2029-04-04T09:00:00.000Z'), DEFAULT_OUTBOX_POLICY));
    const retried = await t.storage.outbox.update(retryLater(await leased(t), 1_000, '503', at('2029-04-04T09:00:00.000Z'), DEFAULT_OUTBOX_POLICY));
    expect([sent.status, gaveUp.status, doubted.status, retried.status]).toEqual(['sent', 'undeliverable', 'inDoubt', 'pending']);
    // Delivered: its delivery day; never delivered: the day it was queued.
    expect(await doneRows(t)).toEqual([`done~2029-04-01/${gaveUp.id}`, `done~2029-04-01/${doubted.id}`, `done~2029-04-02/${sent.id}`].sort());

    // Linking a delivery is one write, the message's own: it was filed when it was delivered.
    const counter = countRequestsTo(t.port);
    await t.storage.outbox.update(linked(sent, at('2029-04-02T09:00:01.000Z')));
    counter.close();
    expect(counter.count()).toBe(1);
  });

  test('given finished messages around the cut-off then the index read answers only the expired, drops rows whose message moved on, and removal takes the index row too', async () => {
    const t = kit();
    const old = await t.storage.outbox.update(delivered(await leased(t), 'a-1', TARGET, at('2029-04-02T09:00:00.000Z')));
    const sameDayLater = await t.storage.outbox.update(delivered(await leased(t), 'a-2', TARGET, at('2029-04-10T15:00:00.000Z')));
    const recent = await t.storage.outbox.update(delivered(await leased(t), 'a-3', TARGET, at('2029-05-20T09:00:00.000Z')));
    const sentAgain = await t.storage.outbox.update(undeliverable(await leased(t), 'NotInstalled', 'not installed', at('2029-04-01T09:00:00.000Z')));
    const resent = resend(sentAgain, at('2029-05-30T09:00:00.000Z'));
    if (!resent.ok) throw new Error('resend refused');
    await t.storage.outbox.update(resent.message);

    // Cut-off in the middle of 10 April: the message delivered that afternoon is not yet expired.
    const cutoff = at('2029-04-10T12:00:00.000Z');
    expect((await t.storage.outbox.listFinishedBefore(cutoff, 100)).map((m) => m.id)).toEqual([old.id]);
    // The resent message's row pointed at a message that is pending again: gone from the index.
    expect(await doneRows(t)).toEqual([`done~2029-04-02/${old.id}`, `done~2029-04-10/${sameDayLater.id}`, `done~2029-05-20/${recent.id}`].sort());
    expect((await t.storage.outbox.listFinishedBefore(at('2029-06-01T00:00:00.000Z'), 2)).map((m) => m.id)).toEqual([old.id, sameDayLater.id]);

    await t.storage.outbox.removeFinished([old]);
    expect(await t.storage.outbox.findById(old.id)).toBeUndefined();
    expect(await doneRows(t)).toEqual([`done~2029-04-10/${sameDayLater.id}`, `done~2029-05-20/${recent.id}`].sort());
  });

  test('given messages finished before the index existed then the backfill files them in resumable steps (unfinished ones not), and only then does the index read find them', async () => {
    const t = kit();
    const before = [
      anOutboxMessage({ deliveredAt: '2029-04-01T08:00:01.000Z' }),
      anOutboxMessage({ deliveredAt: '2029-04-03T08:00:01.000Z' }),
      anOutboxMessage({ status: 'undeliverable', reason: 'NotInstalled', deliveredAt: undefined, enqueuedAt: '2029-01-01T08:00:00.000Z' }),
      anOutboxMessage({ status: 'pending', deliveredAt: undefined }),
      anOutboxMessage({ deliveredAt: '2029-05-25T08:00:01.000Z' }),
    ];
    // `add` writes the message row only: exactly what a message finished by the old code left.
    for (const message of before) await t.storage.outbox.add(message);
    const cutoff = at('2029-05-01T00:00:00.000Z');
    expect(await t.storage.outbox.listFinishedBefore(cutoff, 100)).toEqual([]);

    const steps = [];
    let step = await t.storage.outbox.indexFinished(undefined, 2);
    steps.push(step);
    while (!step.done) {
      step = await t.storage.outbox.indexFinished(step.after, 2);
      steps.push(step);
    }
    expect(steps.map((s) => s.read)).toEqual([2, 2, 1]);
    expect(steps.reduce((sum, s) => sum + s.indexed, 0)).toBe(4);
    expect((await doneRows(t)).length).toBe(4);
    const expired = (await t.storage.outbox.listFinishedBefore(cutoff, 100)).map((m) => m.id).sort();
    expect(expired).toEqual([before[0]!.id, before[1]!.id, before[2]!.id].sort());

    // Going over it again changes nothing.
    const again = await t.storage.outbox.indexFinished(undefined, 100);
    expect(again).toMatchObject({ done: true, read: 5, indexed: 4 });
    expect((await doneRows(t)).length).toBe(4);
  });
});
