import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Outbox } from '../../bot/outbox/outbox';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { cardMessage, copiesByOutboxId, inGroups, openStores, outboxFor, register, type OutboxStores } from './outbox-fixture';

let emulator: TeamsConnectorEmulator;
let stores: OutboxStores;
let outbox: Outbox | undefined;

beforeAll(async () => {
  emulator = await startTeamsConnectorEmulator({ conversations: 'known-only' });
  stores = openStores(inject('storageConnectionString'));
});

afterAll(async () => {
  await outbox?.stop({ timeoutMs: 5_000 });
  await emulator.close();
  await stores.drop();
});

describe('outbox: messages queued before shards', () => {
  test('given messages queued in the old single partition then a sharded worker moves and delivers each once, and the old partition ends empty', async () => {
    const users = Array.from({ length: 30 }, (_, i) => emulator.addUser({ aadObjectId: `aad-legacy-${i}` }));
    await inGroups(users, 15, (user) => register(stores, emulator, user, 'address'));
    const producer = outboxFor(stores); // enqueues only: never started
    const ids = users.map((user) => `decision:legacy:${user.aadObjectId}`);
    await inGroups(users, 15, (user) => producer.enqueue(cardMessage(`decision:legacy:${user.aadObjectId}`, user.aadObjectId)));
    // Make the queue look as the release before shards left it: rows in partition `queue`, row = id.
    const queued = (await stores.repository.listDue(new Date(Date.now() + 60_000), 1_000)).filter((entry) => ids.includes(entry.id));
    expect(queued).toHaveLength(ids.length);
    await stores.repository.dequeue(queued);
    const client = await stores.table.client();
    await Promise.all(queued.map((entry) => client.upsertEntity({ partitionKey: 'queue', rowKey: entry.id, dueAt: entry.dueAt, conversationId: entry.conversationId ?? '', tenantId: entry.tenantId ?? '' })));

    outbox = outboxFor(stores);
    outbox.start();
    await emulator.waitFor((e) => ids.every((id) => copiesByOutboxId(e).has(id)), 20_000);
    await outbox.stop({ timeoutMs: 5_000 });

    const copies = copiesByOutboxId(emulator);
    expect(ids.map((id) => copies.get(id))).toEqual(ids.map(() => 1));
    const left = await stores.repository.listDue(new Date(Date.now() + 3_600_000), 1_000);
    expect(left.filter((entry) => ids.includes(entry.id))).toEqual([]);
    expect(await stores.repository.moveLegacyQueue(10)).toBe(0);
  });
});
