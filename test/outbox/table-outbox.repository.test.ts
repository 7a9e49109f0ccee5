import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { lease, newMessage, DEFAULT_OUTBOX_POLICY, delivered } from '../../domain/outbox/outbox.rules';
import type { NewOutboxMessage } from '../../domain/outbox/outbox-message';
import { ConcurrencyError } from '../../domain/shared/repository-errors';
import { OUTBOX_SHARDS, shardOf } from '../../domain/outbox/outbox-shards';
import { openStores, type OutboxStores } from './outbox-fixture';

let stores: OutboxStores;
beforeAll(() => {
  stores = openStores(inject('storageConnectionString'));
});
afterAll(() => stores.drop());

const target = { conversationId: '19:abc@thread.tacv2;messageid=17', serviceUrl: 'https://smba.trafficmanager.net/emea/', tenantId: 't1' };
const input = (key: string, extra: Partial<NewOutboxMessage> = {}): NewOutboxMessage => ({
  idempotencyKey: key,
  recipient: { kind: 'conversation', conversationId: target.conversationId },
  activity: { text: 'Husk mødet' },
  causedBy: 'aad-causer',
  subject: { type: 'case', id: 'case/1', forumId: 'ssp-nu-u18' },
  ...extra,
});

describe('table outbox repository (Azurite)', () => {
  test('given a key used before then add stores nothing new and answers the existing message', async () => {
    const first = await stores.repository.add(newMessage(input('k/#?1'), target, new Date('2026-03-01T10:00:00Z')));
    expect(first.created).toBe(true);
    const again = await stores.repository.add(newMessage(input('k/#?1', { activity: { text: 'Anden tekst' } }), target, new Date('2026-03-01T11:00:00Z')));
    expect(again.created).toBe(false);
    expect(again.message.activity.text).toBe('Husk mødet');
    expect((await stores.repository.findById('k/#?1'))?.enqueuedAt).toBe('2026-03-01T10:00:00.000Z');
  });

  test('given two workers leasing the same read message then exactly one succeeds (If-Match)', async () => {
    const { message } = await stores.repository.add(newMessage(input('k-lease'), target, new Date()));
    const now = new Date();
    const results = await Promise.allSettled([
      stores.repository.update(lease(message, 'w1', now, DEFAULT_OUTBOX_POLICY)),
      stores.repository.update(lease(message, 'w2', now, DEFAULT_OUTBOX_POLICY)),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(ConcurrencyError);
  });

  test('given queued messages then listDue answers only those due, dequeue removes them, and the message rows stay', async () => {
    const base = Date.parse('2030-01-01T00:00:00Z');
    await stores.repository.add(newMessage(input('due-1', { notBefore: new Date(base + 1_000).toISOString() }), target, new Date(base)));
    await stores.repository.add(newMessage(input('due-2', { notBefore: new Date(base + 5_000).toISOString() }), target, new Date(base)));
    const shard = shardOf(`conversation:${target.conversationId}`);
    const due = (await stores.repository.listDue(new Date(base + 2_000), 100)).filter((entry) => entry.id.startsWith('due-'));
    expect(due).toEqual([{ id: 'due-1', dueAt: new Date(base + 1_000).toISOString(), shard, conversationId: target.conversationId, tenantId: 't1' }]);
    await stores.repository.dequeue([due[0]!, due[0]!, { id: 'never-queued', dueAt: new Date(base).toISOString(), shard }]);
    const later = (await stores.repository.listDue(new Date(base + 10_000), 100)).filter((entry) => entry.id.startsWith('due-'));
    expect(later.map((entry) => entry.id)).toEqual(['due-2']);
    expect(await stores.repository.findById('due-1')).toBeDefined();
  });

  test('given messages to many conversations then one shard\'s due read answers its own rows due by now, across minutes, and none later', async () => {
    const base = Date.parse('2031-05-01T08:00:30Z');
    const conversations = Array.from({ length: 40 }, (_, i) => `19:shard-${i}@thread.tacv2`);
    const at = (i: number): number => base + (i % 4) * 45_000; // four due times over three minutes
    await Promise.all(
      conversations.map((conversationId, i) =>
        stores.repository.add(newMessage(input(`shard-${i}`, { recipient: { kind: 'conversation', conversationId }, notBefore: new Date(at(i)).toISOString() }), { ...target, conversationId }, new Date(base - 60_000))),
      ),
    );
    const now = new Date(base + 100_000); // the first three due times have come, the fourth not
    for (const shard of [0, 5, OUTBOX_SHARDS - 1]) {
      const read = (await stores.repository.listDueInShard(shard, now, 100)).filter((entry) => entry.id.startsWith('shard-'));
      const expected = conversations
        .map((conversationId, i) => ({ i, conversationId }))
        .filter(({ i, conversationId }) => shardOf(`conversation:${conversationId}`) === shard && at(i) <= now.getTime())
        .map(({ i }) => `shard-${i}`);
      expect(read.map((entry) => entry.id).sort()).toEqual(expected.sort());
      expect(read.every((entry) => entry.shard === shard)).toBe(true);
      // Oldest first.
      expect(read.map((entry) => entry.dueAt)).toEqual(read.map((entry) => entry.dueAt).sort());
    }
  });

  test('given a queue row moved to a later time then the due read skips it until then', async () => {
    const base = Date.parse('2032-02-02T10:00:00Z');
    await stores.repository.add(newMessage(input('moved', { notBefore: new Date(base).toISOString() }), target, new Date(base - 1_000)));
    const shard = shardOf(`conversation:${target.conversationId}`);
    const [entry] = (await stores.repository.listDueInShard(shard, new Date(base), 100)).filter((e) => e.id === 'moved');
    const moved = await stores.repository.reschedule(entry!, new Date(base + 120_000).toISOString());
    expect((await stores.repository.listDueInShard(shard, new Date(base + 60_000), 100)).filter((e) => e.id === 'moved')).toEqual([]);
    expect((await stores.repository.listDueInShard(shard, new Date(base + 120_000), 100)).filter((e) => e.id === 'moved')).toEqual([moved]);
  });

  test('given rows in the old single-partition queue then the move files the unfinished ones in their shards and empties the old queue', async () => {
    const base = Date.parse('2033-03-03T09:00:00Z');
    const { message: open } = await stores.repository.add(newMessage(input('legacy-open'), target, new Date(base)));
    const { message: done } = await stores.repository.add(newMessage(input('legacy-done'), target, new Date(base)));
    await stores.repository.update(delivered(lease(done, 'w', new Date(base), DEFAULT_OUTBOX_POLICY), '1:x', target, new Date(base)));
    // As the release before shards wrote them: partition `queue`, row = id; and no sharded row.
    const client = await stores.table.client();
    const entries = (await stores.repository.listDue(new Date(base + 1_000), 1_000)).filter((e) => e.id.startsWith('legacy-'));
    await stores.repository.dequeue(entries);
    for (const id of ['legacy-open', 'legacy-done', 'legacy-never-written']) await client.upsertEntity({ partitionKey: 'queue', rowKey: id, dueAt: open.dueAt });
    expect((await stores.repository.listDue(new Date(base + 1_000), 1_000)).filter((e) => e.id.startsWith('legacy-')).map((e) => [e.id, e.shard])).toEqual(
      [['legacy-done', undefined], ['legacy-never-written', undefined], ['legacy-open', undefined]],
    );
    expect(await stores.repository.moveLegacyQueue(100)).toBeGreaterThanOrEqual(3);
    const shard = shardOf(`conversation:${target.conversationId}`);
    expect((await stores.repository.listDue(new Date(base + 1_000), 1_000)).filter((e) => e.id.startsWith('legacy-'))).toEqual([
      { id: 'legacy-open', dueAt: open.dueAt, shard, conversationId: target.conversationId, tenantId: 't1' },
    ]);
    expect(await stores.repository.moveLegacyQueue(100)).toBe(0);
  });

  test('given a 100 KB card of Danish text then it is stored across several properties and read back exactly', async () => {
    const text = 'Kredsrådet drøfter åbningstider for barer og natklubber i Ishøj — Æ Ø Å æ ø å 😀. '.repeat(1_300);
    const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] } };
    await stores.repository.add(newMessage(input('big', { activity: { summary: 'Stor', attachments: [card] } }), target, new Date()));
    const read = await stores.repository.findById('big');
    expect(read?.activity.attachments?.[0]?.content).toEqual(card.content);
  });

  test('given messages of one causer and one subject then they are listed newest first, and by recipient', async () => {
    const causer = 'aad-lister';
    for (const [i, recipient] of ['a:user-1', 'a:user-2', 'a:user-1'].entries()) {
      const message = newMessage(
        input(`list-${i}`, { causedBy: causer, recipient: { kind: 'conversation', conversationId: recipient }, subject: { type: 'agenda', id: 'ag-1' } }),
        { ...target, conversationId: recipient },
        new Date(Date.parse('2026-03-01T10:00:00Z') + i * 1_000),
      );
      const { message: stored } = await stores.repository.add(message);
      if (i === 0) await stores.repository.update(delivered(lease(stored, 'w', new Date(), DEFAULT_OUTBOX_POLICY), '1:first', { ...target, conversationId: recipient }, new Date()));
    }
    expect((await stores.repository.listByCauser(causer)).map((message) => message.id)).toEqual(['list-2', 'list-1', 'list-0']);
    expect((await stores.repository.listBySubject('agenda', 'ag-1', 'conversation:a:user-1')).map((message) => [message.id, message.status])).toEqual([
      ['list-2', 'pending'],
      ['list-0', 'sent'],
    ]);
    expect(await stores.repository.listBySubject('agenda', 'ag-1')).toHaveLength(3);
  });
});
