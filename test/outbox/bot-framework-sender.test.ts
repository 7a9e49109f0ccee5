import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { localSender } from './outbox-fixture';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';

let emulator: TeamsConnectorEmulator;
beforeAll(async () => {
  emulator = await startTeamsConnectorEmulator({ conversations: 'known-only' });
});
afterAll(() => emulator.close());

const target = (conversationId: string) => ({ conversationId, serviceUrl: emulator.serviceUrl, tenantId: 'emulated-tenant' });
const activity = { type: 'message' as const, text: 'Husk Kredsrådets møde' };

describe('Bot Framework sender over botbuilder ConnectorClient', () => {
  test('given a 429 with Retry-After or a 503 then exactly one request is made: the SDK does not retry behind the outbox', async () => {
    const sender = localSender();
    const user = emulator.addUser({ aadObjectId: 'aad-s1' });
    emulator.setFaults({ throttleRate: 1, throttleRetryAfterSeconds: 1 });
    let before = emulator.stats().requests;
    expect(await sender.send(target(user.personalConversationId), activity)).toEqual({ kind: 'throttled', retryAfterMs: 1_000 });
    expect(emulator.stats().requests - before).toBe(1);
    emulator.setFaults({ transientRate: 1, transientStatuses: [503] });
    before = emulator.stats().requests;
    expect(await sender.send(target(user.personalConversationId), activity)).toEqual({ kind: 'transient', status: 503 });
    expect(emulator.stats().requests - before).toBe(1);
    emulator.setFaults({});
  });

  test('given each Teams answer then it maps to the outbox outcome, and the wire hook runs once per request', async () => {
    const sender = localSender();
    const ok = emulator.addUser({ aadObjectId: 'aad-s2' });
    const blocked = emulator.addUser({ aadObjectId: 'aad-s3', blocked: true });
    const absent = emulator.addUser({ aadObjectId: 'aad-s4', installed: false });
    let wired = 0;
    const sent = await sender.send(target(ok.personalConversationId), activity, { onWire: () => wired++ });
    expect(sent.kind).toBe('ok');
    expect(wired).toBe(1);
    expect(emulator.sent(ok.personalConversationId)[0]?.activity).toMatchObject({ text: 'Husk Kredsrådets møde' });
    expect(emulator.sent(ok.personalConversationId)[0]?.activity).not.toHaveProperty('x-forumbot-wire');

    expect(await sender.send(target(blocked.personalConversationId), activity)).toMatchObject({ kind: 'unreachable', reason: 'MessageWritesBlocked' });
    expect(await sender.send(target('a:no-such-chat'), activity)).toMatchObject({ kind: 'unreachable', reason: 'ConversationNotFound' });
    expect(await sender.send(target(ok.personalConversationId), { ...activity, text: 'x'.repeat(120_000) })).toMatchObject({ kind: 'rejected', status: 413, reason: 'MessageSizeTooBig' });
    const request = { teamsId: absent.teamsId, tenantId: absent.tenantId, serviceUrl: emulator.serviceUrl };
    expect(await sender.createPersonalConversation(request)).toMatchObject({ kind: 'unreachable', reason: 'NotInstalled' });
    expect(await sender.createPersonalConversation({ ...request, teamsId: ok.teamsId })).toEqual({ kind: 'ok', conversationId: ok.personalConversationId });
    if (sent.kind === 'ok') {
      expect(await sender.update(target(ok.personalConversationId), sent.activityId, { ...activity, text: 'Flyttet' })).toEqual({ kind: 'ok', activityId: sent.activityId });
    }
  });

  test('given nobody listening then the failure is "not sent" (safe to repeat), not "unknown"', async () => {
    const sender = localSender();
    const closed = await startTeamsConnectorEmulator();
    const url = closed.serviceUrl;
    await closed.close();
    expect(await sender.send({ conversationId: 'a:1', serviceUrl: url, tenantId: 't' }, activity)).toMatchObject({ kind: 'notSent' });
  });

  test('given an answer slower than the request timeout then the outcome is unknown: it may have been delivered', async () => {
    const http = await import('node:http');
    const server = http.createServer((_req, res) => setTimeout(() => res.end('{}'), 1_000));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const outcome = await localSender(200).send({ conversationId: 'a:1', serviceUrl: `http://127.0.0.1:${port}/`, tenantId: 't' }, activity);
      expect(outcome.kind).toBe('unknown');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
