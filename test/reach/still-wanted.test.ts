import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Outbox } from '../../bot/outbox/outbox';
import { stillWantedIn } from '../../bot/reach/still-wanted';
import { anActionItem } from '../storage/storage.mothers';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { cardMessage, openStores, outboxFor, register, type OutboxStores } from '../outbox/outbox-fixture';

let emulator: TeamsConnectorEmulator;
let stores: OutboxStores;
let outbox: Outbox;
beforeAll(async () => {
  emulator = await startTeamsConnectorEmulator({ conversations: 'known-only' });
  stores = openStores(inject('storageConnectionString'));
  outbox = outboxFor(stores, { stillWanted: stillWantedIn(stores.storage) });
  outbox.start();
});
afterAll(async () => {
  await outbox.stop({ timeoutMs: 5_000 });
  await emulator.close();
  await stores.drop();
});

async function undeliverable(id: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await outbox.findById(id))?.status !== 'undeliverable') {
    if (Date.now() > deadline) throw new Error('not undeliverable in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('cards waiting for a person who was not reachable', () => {
  test('given two item cards for an owner without the app, one item done meanwhile, then once the owner can be reached only the open item\'s card goes', async () => {
    const owner = emulator.addUser({ aadObjectId: 'aad-owner', installed: false });
    const open = await stores.storage.actionItems.save(anActionItem('ssp-vest', { owner: { kind: 'member', userId: 'aad-owner', displayName: 'Sara Lind' } }));
    const done = await stores.storage.actionItems.save(anActionItem('ssp-vest', { owner: { kind: 'member', userId: 'aad-owner', displayName: 'Sara Lind' } }));
    const ids: string[] = [];
    for (const item of [open, done]) {
      const { id } = await outbox.enqueue(cardMessage(`action:${item.id}:assigned`, 'aad-owner', { subject: { type: 'action-item', id: item.id, forumId: 'ssp-vest' } }));
      ids.push(id);
    }
    for (const id of ids) await undeliverable(id);
    await stores.storage.actionItems.update('ssp-vest', done.id, (current) => ({ ...current, status: 'done' }));

    emulator.setUser('aad-owner', { installed: true });
    await register(stores, emulator, owner, 'address');
    expect(await outbox.deliverWaiting('aad-owner')).toBe(1);
    await emulator.waitFor((e) => e.sent(owner.personalConversationId).length === 1, 10_000);
    const delivered = emulator.sent(owner.personalConversationId)[0]?.activity['channelData'] as { forumbot?: { outboxId?: string } };
    expect(delivered.forumbot?.outboxId).toBe(`action:${open.id}:assigned`);
  });
});
