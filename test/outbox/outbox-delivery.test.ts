import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Outbox } from '../../bot/outbox/outbox';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { cardMessage, copiesByOutboxId, inGroups, openStores, outboxFor, register, type OutboxStores } from './outbox-fixture';

const USERS = 300;

let emulator: TeamsConnectorEmulator;
let stores: OutboxStores;
let outbox: Outbox | undefined;

beforeAll(async () => {
  emulator = await startTeamsConnectorEmulator({
    conversations: 'known-only',
    seed: 3,
    faults: { throttleRate: 0.08, throttleWithoutRetryAfterRate: 0.3, transientRate: 0.06, transientStatuses: [503, 502, 504, 412] },
  });
  stores = openStores(inject('storageConnectionString'));
});

afterAll(async () => {
  await outbox?.stop({ timeoutMs: 5_000 });
  await emulator.close();
  await stores.drop();
});

describe('outbox delivery through the Teams connector emulator', () => {
  test('given 300 proactive messages to 300 users while Teams limits hold and 429s/5xx are injected then each arrives exactly once', async () => {
    const users = Array.from({ length: USERS }, (_, i) => emulator.addUser({ aadObjectId: `aad-user-${i}` }));
    // Two thirds have a stored 1:1 address; a third only a KnownUser, so the outbox opens their chat.
    await inGroups(users, 20, (user) => register(stores, emulator, user, Number(user.aadObjectId.split('-')[2]) % 3 === 0 ? 'knownUser' : 'address'));

    outbox = outboxFor(stores);
    await inGroups(users, 25, (user) => outbox!.enqueue(cardMessage(`reminder:agenda-kredsraad-2026-03:${user.aadObjectId}`, user.aadObjectId)));
    const started = Date.now();
    outbox.start();

    await emulator.waitFor((e) => e.sent().length >= USERS, 90_000);
    const elapsed = Date.now() - started;
    await outbox.stop({ timeoutMs: 5_000 });

    const copies = copiesByOutboxId(emulator);
    expect(copies.size).toBe(USERS);
    expect([...copies.values()].every((count) => count === 1)).toBe(true);
    for (const user of users) {
      const received = emulator.sent(user.personalConversationId);
      expect(received).toHaveLength(1);
      expect(received[0]?.activity).toMatchObject({ type: 'message', summary: expect.stringContaining('Påmindelse') });
      const message = await stores.repository.findById(`reminder:agenda-kredsraad-2026-03:${user.aadObjectId}`);
      expect(message).toMatchObject({ status: 'sent', deliveredActivityId: received[0]?.id });
    }
    const stats = emulator.stats();
    // The faults really happened, and the outbox never sent faster than Teams allows nor early after a Retry-After.
    expect(stats.injectedThrottles).toBeGreaterThan(5);
    expect(stats.injectedFaults).toBeGreaterThan(5);
    if (stats.violations > 0) console.error(JSON.stringify(stats), emulator.requests().filter((r) => r.reason?.startsWith("window")));
    expect(stats.violations).toBe(0);
    expect(emulator.createdConversations().length).toBeGreaterThanOrEqual(USERS / 3);
    // Nothing is left on the queue.
    expect(await stores.repository.listDue(new Date(Date.now() + 3_600_000), 10)).toEqual([]);
    console.info(`outbox: ${USERS} messages in ${elapsed} ms, ${stats.requests} requests, ${stats.throttled} × 429, ${stats.injectedFaults} injected 5xx/412`);
  }, 120_000);
});
