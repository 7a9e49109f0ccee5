import { afterEach, describe, expect, inject, test } from 'vitest';
import type { Outbox } from '../../bot/outbox/outbox';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { cardMessage, copiesByOutboxId, inGroups, openStores, outboxFor, register, type OutboxStores } from './outbox-fixture';

let emulator: TeamsConnectorEmulator | undefined;
let stores: OutboxStores | undefined;
let outbox: Outbox | undefined;

afterEach(async () => {
  await outbox?.stop({ timeoutMs: 5_000 });
  await emulator?.close();
  await stores?.drop();
  outbox = emulator = stores = undefined;
});

async function setUp(users: number): Promise<{ emulator: TeamsConnectorEmulator; stores: OutboxStores; ids: string[]; conversations: string[] }> {
  emulator = await startTeamsConnectorEmulator({ conversations: 'known-only' });
  stores = openStores(inject('storageConnectionString'));
  const all = Array.from({ length: users }, (_, i) => emulator!.addUser({ aadObjectId: `aad-t-${i}` }));
  await inGroups(all, 20, (user) => register(stores!, emulator!, user, 'address'));
  return { emulator, stores, ids: all.map((user) => `reminder:r1:${user.aadObjectId}`), conversations: all.map((user) => user.personalConversationId) };
}

const sentAt = (e: TeamsConnectorEmulator, conversationId: string): number[] => e.requests().filter((r) => r.path.includes(encodeURIComponent(conversationId))).map((r) => r.at);

describe('outbox: Retry-After, backoff and the global pause', () => {
  test('given a 429 with Retry-After 2 then the next attempt comes no sooner than 2 s later and is delivered once', async () => {
    const { emulator, stores, conversations } = await setUp(1);
    emulator.setFaults({ throttleRate: 1, throttleRetryAfterSeconds: 2 });
    outbox = outboxFor(stores);
    await outbox.enqueue(cardMessage('reminder:r1:aad-t-0', 'aad-t-0'));
    outbox.start();
    await emulator.waitFor((e) => e.stats().throttled === 1, 10_000);
    emulator.setFaults({});
    await emulator.waitFor((e) => e.sent().length === 1, 10_000);
    const [throttledAt, deliveredAt] = sentAt(emulator, conversations[0]!);
    expect(deliveredAt! - throttledAt!).toBeGreaterThanOrEqual(2_000);
    expect(deliveredAt! - throttledAt!).toBeLessThan(3_000);
    expect(emulator.stats()).toMatchObject({ retryAfterIgnored: 0, violations: 0, sends: 1 });
  });

  test('given 429s without Retry-After then the waits grow exponentially with jitter', async () => {
    const { emulator, stores, conversations } = await setUp(1);
    emulator.setFaults({ throttleRate: 1, throttleRetryAfterSeconds: null });
    outbox = outboxFor(stores, { backoff: { baseMs: 200, capMs: 5_000 } });
    await outbox.enqueue(cardMessage('reminder:r1:aad-t-0', 'aad-t-0'));
    outbox.start();
    await emulator.waitFor((e) => e.stats().throttled === 4, 10_000);
    emulator.setFaults({});
    await emulator.waitFor((e) => e.sent().length === 1, 10_000);
    const times = sentAt(emulator, conversations[0]!);
    const gaps = times.slice(1).map((time, i) => time - times[i]!);
    // Attempt n waits between half and all of 200 ms × 2^(n-1).
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(100 * 2 ** i);
      expect(gap).toBeLessThan(200 * 2 ** i + 150);
    });
    expect(gaps).toHaveLength(4);
  });

  test('given the service keeps throttling then the whole outbox pauses for the Retry-After instead of every message retrying on its own', async () => {
    const { emulator, stores, ids } = await setUp(40);
    outbox = outboxFor(stores);
    await inGroups(ids, 20, (id) => outbox!.enqueue(cardMessage(id, id.split(':')[2]!)));
    emulator.throttleFor(1_500, { retryAfterSeconds: 1 });
    outbox.start();
    await emulator.waitFor((e) => e.sent().length === 40, 20_000);

    const storm = emulator.requests().filter((request) => request.reason === 'storm');
    // Without the pause, 40 messages would each come back after ~1 s: 40 or more 429s during the storm.
    expect(storm.length).toBeLessThan(30);
    // After the first answers, a silence of at least the Retry-After: the pause.
    const times = emulator.requests().map((request) => request.at);
    const longestGap = Math.max(...times.slice(1).map((time, i) => time - times[i]!));
    expect(longestGap).toBeGreaterThanOrEqual(1_000);
    expect([...copiesByOutboxId(emulator).values()].every((count) => count === 1)).toBe(true);
    expect(emulator.stats().windowViolations).toBe(0);
  });
});
