import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Outbox } from '../../bot/outbox/outbox';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { cardMessage, openStores, outboxFor, register, type OutboxStores } from './outbox-fixture';

/**
 * The worker's own final writes file messages in the finished-by-day index (what retention reads):
 * a delivery that is then linked to its subject, a person Teams refuses, a person the bot cannot
 * reach yet. Against the Teams connector emulator and Azurite.
 */
let emulator: TeamsConnectorEmulator;
let stores: OutboxStores;
let outbox: Outbox;
const linked: string[] = [];

beforeAll(async () => {
  emulator = await startTeamsConnectorEmulator({ conversations: 'known-only' });
  stores = openStores(inject('storageConnectionString'));
  outbox = outboxFor(stores, { onDelivered: async ({ message }) => void linked.push(message.id) });
  outbox.start();
});

afterAll(async () => {
  await outbox.stop({ timeoutMs: 5_000 });
  await emulator.close();
  await stores.drop();
});

async function settled(ids: string[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const messages = await Promise.all(ids.map((id) => outbox.findById(id)));
    if (messages.every((m) => m !== undefined && m.status !== 'pending' && m.status !== 'sending' && (m.status !== 'sent' || m.linkedAt !== undefined))) return;
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(messages.map((m) => [m?.id, m?.status]))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('outbox: finished messages are filed for retention', () => {
  test('given a delivery, a refusal and an unreachable person then each finished message is found through the index once its weeks have passed, and not before', async () => {
    const ok = emulator.addUser({ aadObjectId: 'aad-idx-ok' });
    const blocked = emulator.addUser({ aadObjectId: 'aad-idx-blocked', blocked: true });
    const unknown = emulator.addUser({ aadObjectId: 'aad-idx-unknown' });
    await register(stores, emulator, ok, 'address');
    await register(stores, emulator, blocked, 'address');
    await register(stores, emulator, unknown, 'none');
    const started = new Date();
    const ids: string[] = [];
    for (const user of [ok, blocked, unknown]) ids.push((await outbox.enqueue(cardMessage(`reminder:idx:${user.aadObjectId}`, user.aadObjectId))).id);
    await settled(ids);

    const messages = await Promise.all(ids.map((id) => outbox.findById(id)));
    expect(messages.map((m) => m?.status)).toEqual(['sent', 'undeliverable', 'undeliverable']);
    expect(linked).toEqual([ids[0]]);
    expect(await stores.repository.listFinishedBefore(new Date(started.getTime() - 60_000), 100)).toEqual([]);
    const later = await stores.repository.listFinishedBefore(new Date(Date.now() + 60_000), 100);
    expect(later.map((m) => m.id).sort()).toEqual([...ids].sort());
  });
});
