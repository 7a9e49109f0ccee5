import { afterEach, describe, expect, test } from 'vitest';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from './teams-connector-emulator';
import { manualClock, send } from './emulator-client';

let emulator: TeamsConnectorEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function withClock(): Promise<{ emulator: TeamsConnectorEmulator; advance: (ms: number) => void; conversation: string }> {
  const clock = manualClock();
  emulator = await startTeamsConnectorEmulator({ now: clock.now, conversations: 'known-only' });
  const conversation = emulator.addUser({ aadObjectId: 'aad-window' }).personalConversationId;
  return { emulator, advance: clock.advance, conversation };
}

async function sendMany(serviceUrl: string, conversationId: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await send(serviceUrl, conversationId)).status);
  return statuses;
}

describe('Teams connector emulator: rate limits (default Teams numbers, manual clock)', () => {
  test('given 7 sends within one second to a conversation then the 8th gets 429 with Retry-After 1 and counts as a violation', async () => {
    const { emulator, advance, conversation } = await withClock();
    expect(await sendMany(emulator.serviceUrl, conversation, 7)).toEqual(Array(7).fill(201));
    advance(999);
    const refused = await send(emulator.serviceUrl, conversation);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    expect(refused.body).toMatchObject({ error: { code: 'TooManyRequests' } });
    expect(emulator.stats()).toMatchObject({ windowViolations: 1, throttled: 1, sends: 7 });
    advance(1);
    expect((await send(emulator.serviceUrl, conversation)).status).toBe(201);
    expect(emulator.stats().retryAfterIgnored).toBe(0);
  });

  test('given 8 sends within two seconds then a 9th inside the 2 s window is refused although the 1 s window has room', async () => {
    const { emulator, advance, conversation } = await withClock();
    await sendMany(emulator.serviceUrl, conversation, 7);
    advance(1_000);
    expect((await send(emulator.serviceUrl, conversation)).status).toBe(201);
    advance(500);
    const refused = await send(emulator.serviceUrl, conversation);
    expect(refused.status).toBe(429);
    // The first seven leave the 2 s window at t = 2,000 ms; now is 1,500 ms.
    expect(refused.retryAfter).toBe('1');
    expect(emulator.requests().at(-1)?.reason).toBe('window:conversation:8/2000ms');
    advance(500);
    expect((await send(emulator.serviceUrl, conversation)).status).toBe(201);
  });

  /** Four sends a second keeps within 7/1 s and 8/2 s: fifteen seconds hold the 30 s window's 60. */
  async function sendSixtyIn15Seconds(emulator: TeamsConnectorEmulator, conversation: string, advance: (ms: number) => void): Promise<void> {
    for (let second = 0; second < 15; second++) {
      const statuses = await Promise.all(Array.from({ length: 4 }, () => send(emulator.serviceUrl, conversation).then((r) => r.status)));
      expect(statuses).toEqual([201, 201, 201, 201]);
      if (second < 14) advance(1_000);
    }
  }

  test('given 60 sends paced within the short windows over 14 s then the 61st inside 30 s is refused until the window slides', async () => {
    const { emulator, advance, conversation } = await withClock();
    await sendSixtyIn15Seconds(emulator, conversation, advance);
    advance(2_000); // t = 16 s: the 1 s and 2 s windows are empty again
    const refused = await send(emulator.serviceUrl, conversation);
    expect(refused.status).toBe(429);
    expect(emulator.requests().at(-1)?.reason).toBe('window:conversation:60/30000ms');
    // The first four were sent at t = 0 and leave the 30 s window at t = 30 s.
    expect(refused.retryAfter).toBe('14');
    advance(13_999);
    expect((await send(emulator.serviceUrl, conversation)).status).toBe(429);
    advance(1);
    expect((await send(emulator.serviceUrl, conversation)).status).toBe(201);
  });

  test('given 1,800 sends in an hour paced within the 30 s window then the next is refused by the hour window', async () => {
    const { emulator, advance, conversation } = await withClock();
    for (let batch = 0; batch < 30; batch++) {
      await sendSixtyIn15Seconds(emulator, conversation, advance);
      advance(16_000); // next batch 30 s after this one began
    }
    // Now t = 900 s; 1,800 sends since t = 0; the 30 s window (870, 900] holds 56 of them.
    expect(emulator.stats().sends).toBe(1_800);
    const refused = await send(emulator.serviceUrl, conversation);
    expect(refused.status).toBe(429);
    expect(emulator.requests().at(-1)?.reason).toBe('window:conversation:1800/3600000ms');
    expect(refused.retryAfter).toBe(String(3_600 - 900));
    expect(emulator.stats().windowViolations).toBe(1);
  }, 60_000);

  test('given 50 requests in one second across 50 conversations of one tenant then the 51st is refused by the tenant limit', async () => {
    const clock = manualClock();
    emulator = await startTeamsConnectorEmulator({ now: clock.now, conversations: 'known-only' });
    const users = Array.from({ length: 51 }, (_, i) => emulator!.addUser({ aadObjectId: `aad-${i}`, tenantId: 'tenant-a' }));
    const other = emulator.addUser({ aadObjectId: 'aad-other-tenant', tenantId: 'tenant-b' });
    for (const user of users.slice(0, 50)) expect((await send(emulator.serviceUrl, user.personalConversationId)).status).toBe(201);
    const refused = await send(emulator.serviceUrl, users[50]!.personalConversationId);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    expect(emulator.requests().at(-1)?.reason).toBe('window:tenant:50/1000ms');
    // Another tenant has its own budget.
    expect((await send(emulator.serviceUrl, other.personalConversationId)).status).toBe(201);
  });
});

describe('Teams connector emulator: scaled time and injected faults', () => {
  test('given timeScale 0.05 then Retry-After is in decimal seconds of wall time, honouring it works and ignoring it is counted', async () => {
    emulator = await startTeamsConnectorEmulator({ timeScale: 0.05, conversations: 'known-only' });
    const conversation = emulator.addUser({ aadObjectId: 'aad-scaled' }).personalConversationId;
    const results = await Promise.all(Array.from({ length: 8 }, () => send(emulator!.serviceUrl, conversation)));
    const refused = results.filter((result) => result.status === 429);
    expect(refused).toHaveLength(1);
    const seconds = Number(refused[0]?.retryAfter);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(0.05);
    // Straight away again: the emulator notices the client did not wait.
    expect((await send(emulator.serviceUrl, conversation)).status).toBe(429);
    expect(emulator.stats().retryAfterIgnored).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect((await send(emulator.serviceUrl, conversation)).status).toBe(201);
  });

  test('given injected 429s without Retry-After and injected 502/504s then they refuse without effect and are not violations', async () => {
    emulator = await startTeamsConnectorEmulator({ conversations: 'known-only', faults: { throttleRate: 1, throttleRetryAfterSeconds: null } });
    const conversation = emulator.addUser({ aadObjectId: 'aad-faults' }).personalConversationId;
    const throttled = await send(emulator.serviceUrl, conversation);
    expect(throttled.status).toBe(429);
    expect(throttled.retryAfter).toBeNull();
    emulator.setFaults({ transientRate: 1, transientStatuses: [502, 504] });
    const statuses = new Set<number>();
    for (let i = 0; i < 20; i++) statuses.add((await send(emulator.serviceUrl, conversation)).status);
    expect([...statuses].sort()).toEqual([502, 504]);
    expect(emulator.sent()).toHaveLength(0);
    expect(emulator.stats()).toMatchObject({ violations: 0, injectedThrottles: 1, injectedFaults: 20 });
  });

  test('given a share of injected 429s then roughly that share is throttled, with Retry-After scaled', async () => {
    emulator = await startTeamsConnectorEmulator({ timeScale: 0.01, faults: { throttleRate: 0.3, throttleRetryAfterSeconds: 2 }, seed: 7 });
    const results = [];
    for (let i = 0; i < 200; i++) results.push(await send(emulator.serviceUrl, `a:conversation-${i}`));
    const throttled = results.filter((result) => result.status === 429);
    expect(throttled.length).toBeGreaterThan(35);
    expect(throttled.length).toBeLessThan(85);
    expect(new Set(throttled.map((result) => result.retryAfter))).toEqual(new Set(['0.020']));
  });

  test('given a throttling storm then every request is refused with Retry-After until it ends', async () => {
    emulator = await startTeamsConnectorEmulator({ timeScale: 0.1 });
    emulator.throttleFor(150, { retryAfterSeconds: 1 });
    const during = await send(emulator.serviceUrl, 'a:storm');
    expect(during.status).toBe(429);
    expect(during.retryAfter).toBe('0.100');
    await new Promise((resolve) => setTimeout(resolve, 160));
    expect((await send(emulator.serviceUrl, 'a:storm')).status).toBe(201);
  });
});
