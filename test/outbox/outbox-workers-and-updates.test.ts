import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Outbox } from '../../bot/outbox/outbox';
import { TEAMS_RATE_LIMITS } from '../../domain/outbox/rate-limit.policy';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { cardMessage, copiesByOutboxId, inGroups, openStores, outboxFor, register, type OutboxStores } from './outbox-fixture';

let emulator: TeamsConnectorEmulator;
let stores: OutboxStores;
const outboxes: Outbox[] = [];

beforeAll(async () => {
  emulator = await startTeamsConnectorEmulator({ conversations: 'known-only' });
  stores = openStores(inject('storageConnectionString'));
});

// Each test's workers stop before the next test: a worker left running on the shared table would
// take the next test's messages without that test's delivery hook.
afterEach(async () => {
  await Promise.all(outboxes.splice(0).map((outbox) => outbox.stop({ timeoutMs: 5_000 })));
});

afterAll(async () => {
  await Promise.all(outboxes.map((outbox) => outbox.stop({ timeoutMs: 5_000 })));
  await emulator.close();
  await stores.drop();
});

describe('outbox: several workers, delivery records and updates in place', () => {
  test('given two workers on the same tables then every message is sent once (ETag leases), and both took part', async () => {
    const users = Array.from({ length: 120 }, (_, i) => emulator.addUser({ aadObjectId: `aad-w-${i}` }));
    await inGroups(users, 20, (user) => register(stores, emulator, user, 'address'));
    const deliveredBy: [number, number] = [0, 0];
    const linkedIds = new Set<string>();
    // Each worker keeps its own schedule, so each gets half the tenant's budget.
    const half = { ...TEAMS_RATE_LIMITS, tenant: [{ windowMs: 1_000, max: 25 }] };
    const make = (n: 0 | 1): Outbox =>
      outboxFor(stores, {
        ownerId: `worker-${n}`,
        limits: half,
        onDelivered: async ({ message }) => {
          deliveredBy[n]++;
          linkedIds.add(message.id);
        },
      });
    const [a, b] = [make(0), make(1)];
    outboxes.push(a, b);
    // Both enqueue (each wakes itself at once) and both also find the other's messages by polling.
    await inGroups(users, 20, (user) => (Number(user.aadObjectId.split('-')[2]) % 2 === 0 ? a : b).enqueue(cardMessage(`circulation:c9:${user.aadObjectId}`, user.aadObjectId)));
    a.start();
    b.start();
    await emulator.waitFor((e) => e.sent().length >= 120, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const copies = copiesByOutboxId(emulator);
    expect(copies.size).toBe(120);
    expect([...copies.values()].every((count) => count === 1)).toBe(true);
    // The hook ran for every message, once (it may run again only to repair a crash).
    expect(linkedIds.size).toBe(120);
    expect(deliveredBy[0] + deliveredBy[1]).toBe(120);
    expect(deliveredBy[0]).toBeGreaterThan(0);
    expect(deliveredBy[1]).toBeGreaterThan(0);
    expect(emulator.stats().violations).toBe(0);
    const sample = await stores.repository.findById('circulation:c9:aad-w-7');
    expect(sample?.linkedAt).toBeDefined();
  });

  test('given a delivered agenda card then findDelivery names its activity, and an update replaces it in place', async () => {
    const user = emulator.addUser({ aadObjectId: 'aad-update' });
    await register(stores, emulator, user, 'address');
    const outbox = outboxFor(stores);
    outboxes.push(outbox);
    outbox.start();
    await outbox.enqueue(cardMessage('agenda:a7:r1:aad-update', 'aad-update', { subject: { type: 'agenda', id: 'a7', forumId: 'kredsraad' } }));
    await emulator.waitFor((e) => e.sent(user.personalConversationId).length === 1, 10_000);
    const sent = emulator.sent(user.personalConversationId)[0]!;

    let delivery = await outbox.findDelivery('agenda', 'a7', { kind: 'user', userId: 'aad-update' });
    for (let i = 0; delivery === undefined && i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      delivery = await outbox.findDelivery('agenda', 'a7', { kind: 'user', userId: 'aad-update' });
    }
    expect(delivery).toMatchObject({ activityId: sent.id, conversationId: user.personalConversationId, serviceUrl: emulator.serviceUrl, messageId: 'agenda:a7:r1:aad-update' });
    expect(await outbox.findDelivery('agenda', 'a7', { kind: 'user', userId: 'someone-else' })).toBeUndefined();

    await outbox.enqueue({
      ...cardMessage('agenda:a7:r2:aad-update', 'aad-update', { subject: { type: 'agenda', id: 'a7', forumId: 'kredsraad' } }),
      operation: { kind: 'update', activityId: delivery!.activityId },
      activity: { summary: 'Dagsorden opdateret', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Rettet' }] } }] },
    });
    await emulator.waitFor((e) => e.updates(user.personalConversationId).length === 1, 10_000);
    expect(emulator.updates(user.personalConversationId)[0]).toMatchObject({ kind: 'update', id: sent.id, activity: { summary: 'Dagsorden opdateret' } });
    expect(emulator.sent(user.personalConversationId)).toHaveLength(1);
  });

  test('given the feature hook fails after a delivery then the record is repaired later and the message is not sent again', async () => {
    const user = emulator.addUser({ aadObjectId: 'aad-repair' });
    await register(stores, emulator, user, 'address');
    const calls: string[] = [];
    const outbox = outboxFor(stores, {
      policy: { leaseMs: 500 },
      // Only this test's message: the shared outbox table may still hold earlier tests' work.
      onDelivered: async ({ message, activityId }) => {
        if (message.id !== 'agenda:a8:r1:aad-repair') return;
        calls.push(activityId);
        if (calls.length === 1) throw new Error('agenda storage unavailable');
      },
    });
    outboxes.push(outbox);
    outbox.start();
    await outbox.enqueue(cardMessage('agenda:a8:r1:aad-repair', 'aad-repair'));
    const deadline = Date.now() + 10_000;
    while ((await stores.repository.findById('agenda:a8:r1:aad-repair'))?.linkedAt === undefined) {
      if (Date.now() > deadline) throw new Error('never linked');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const sent = emulator.sent(user.personalConversationId);
    expect(sent).toHaveLength(1);
    expect(calls).toEqual([sent[0]!.id, sent[0]!.id]);
  });
});
