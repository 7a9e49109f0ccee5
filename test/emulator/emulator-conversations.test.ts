import { afterEach, describe, expect, test } from 'vitest';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from './teams-connector-emulator';
import { activitiesPath, call, send } from './emulator-client';

let emulator: TeamsConnectorEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const start = async (options: Parameters<typeof startTeamsConnectorEmulator>[0] = {}): Promise<TeamsConnectorEmulator> => {
  emulator = await startTeamsConnectorEmulator({ conversations: 'known-only', ...options });
  return emulator;
};

describe('Teams connector emulator: conversations and errors', () => {
  test('given a service URL then it ends with a slash and the activity path joins under it', async () => {
    const emulator = await start();
    expect(emulator.serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/teams\/$/);
  });

  test('given a channel thread id with : ; @ then send, reply, update and delete address it and are recorded', async () => {
    const emulator = await start();
    const channel = emulator.addConversation({ id: '19:abc123@thread.tacv2;messageid=1699999999999', kind: 'channel', tenantId: 't1' });
    const sent = await call(emulator.serviceUrl, 'POST', activitiesPath(channel.id), { type: 'message', text: 'Dagsorden', summary: 'Ny dagsorden' });
    expect(sent.status).toBe(201);
    const id = (sent.body as { id: string }).id;
    const reply = await call(emulator.serviceUrl, 'POST', activitiesPath(channel.id, id), { type: 'message', text: 'Svar' });
    expect(reply.status).toBe(201);
    const updated = await call(emulator.serviceUrl, 'PUT', activitiesPath(channel.id, id), { type: 'message', text: 'Opdateret' });
    expect(updated).toMatchObject({ status: 200, body: { id } });
    expect((await call(emulator.serviceUrl, 'DELETE', activitiesPath(channel.id, id))).status).toBe(200);

    expect(emulator.sent(channel.id).map((entry) => [entry.activity['text'], entry.replyToId])).toEqual([
      ['Dagsorden', undefined],
      ['Svar', id],
    ]);
    expect(emulator.updates(channel.id).map((entry) => [entry.kind, entry.id, entry.activity['text']])).toEqual([
      ['update', id, 'Opdateret'],
      ['delete', id, undefined],
    ]);
    expect(emulator.sent(channel.id)[0]?.tenantId).toBe('t1');
  });

  test('given a user who blocked the bot then a send gets 403 MessageWritesBlocked and nothing is delivered', async () => {
    const emulator = await start();
    const user = emulator.addUser({ aadObjectId: 'aad-blocked', blocked: true });
    const refused = await send(emulator.serviceUrl, user.personalConversationId);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'MessageWritesBlocked' } } });
    emulator.setUser('aad-blocked', { blocked: false });
    expect((await send(emulator.serviceUrl, user.personalConversationId)).status).toBe(201);
    emulator.setUser('aad-blocked', { installed: false });
    expect((await send(emulator.serviceUrl, user.personalConversationId)).status).toBe(403);
    expect(emulator.sent()).toHaveLength(1);
  });

  test('given a deleted or unknown conversation then a send gets 404 ConversationNotFound', async () => {
    const emulator = await start();
    const user = emulator.addUser({ aadObjectId: 'aad-gone' });
    emulator.deleteConversation(user.personalConversationId);
    expect(await send(emulator.serviceUrl, user.personalConversationId)).toMatchObject({ status: 404, body: { error: { code: 'ConversationNotFound' } } });
    expect((await send(emulator.serviceUrl, 'a:never-heard-of')).status).toBe(404);
  });

  test('given open mode then an unknown conversation is registered on first use, as the bot-server tests need', async () => {
    const emulator = await start({ conversations: 'open' });
    const sent = await call(emulator.serviceUrl, 'POST', activitiesPath('a:incoming-1', 'act-9'), { type: 'message', text: 'hej', conversation: { id: 'a:incoming-1', tenantId: 'tx' } });
    expect(sent.status).toBe(201);
    expect(emulator.sent('a:incoming-1')).toMatchObject([{ replyToId: 'act-9', tenantId: 'tx' }]);
  });

  test('given an activity over 100 KB then it is refused 413 MessageSizeTooBig', async () => {
    const emulator = await start();
    const user = emulator.addUser({ aadObjectId: 'aad-big' });
    const big = await call(emulator.serviceUrl, 'POST', activitiesPath(user.personalConversationId), { type: 'message', text: 'x'.repeat(110_000) });
    expect(big).toMatchObject({ status: 413, body: { error: { code: 'MessageSizeTooBig' } } });
    const fits = await call(emulator.serviceUrl, 'POST', activitiesPath(user.personalConversationId), { type: 'message', text: 'x'.repeat(90_000) });
    expect(fits.status).toBe(201);
  });

  test('given POST /v3/conversations for an installed user then it answers the personal conversation id, by Teams id or Entra id', async () => {
    const emulator = await start();
    const user = emulator.addUser({ aadObjectId: 'aad-create', tenantId: 'tenant-c' });
    const params = (memberId: string) => ({ isGroup: false, members: [{ id: memberId }], tenantId: 'tenant-c', channelData: { tenant: { id: 'tenant-c' } } });
    expect(await call(emulator.serviceUrl, 'POST', 'v3/conversations', params(user.teamsId))).toMatchObject({ status: 201, body: { id: user.personalConversationId } });
    expect(await call(emulator.serviceUrl, 'POST', 'v3/conversations', params('aad-create'))).toMatchObject({ status: 201, body: { id: user.personalConversationId } });
    expect(emulator.createdConversations()).toEqual([user.personalConversationId, user.personalConversationId]);
  });

  test('given the app is not installed for a user then POST /v3/conversations is refused 403', async () => {
    const emulator = await start();
    const user = emulator.addUser({ aadObjectId: 'aad-not-installed', installed: false });
    const refused = await call(emulator.serviceUrl, 'POST', 'v3/conversations', { isGroup: false, members: [{ id: user.teamsId }], tenantId: user.tenantId });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'BotNotInConversationRoster' } } });
    expect((await call(emulator.serviceUrl, 'POST', 'v3/conversations', { members: [] })).status).toBe(400);
  });

  test('given a bot asks to read a conversation\'s activities then it gets 405, as from the real connector', async () => {
    const emulator = await start();
    const user = emulator.addUser({ aadObjectId: 'aad-read' });
    expect((await call(emulator.serviceUrl, 'GET', activitiesPath(user.personalConversationId))).status).toBe(405);
    const members = await call(emulator.serviceUrl, 'GET', `v3/conversations/${encodeURIComponent(user.personalConversationId)}/members`);
    expect(members).toMatchObject({ status: 200, body: [{ id: user.teamsId, aadObjectId: 'aad-read' }] });
  });

  test('given an Authorization header or none then both are accepted (local mode)', async () => {
    const emulator = await start();
    const user = emulator.addUser({ aadObjectId: 'aad-auth' });
    const withAuth = await fetch(new URL(activitiesPath(user.personalConversationId), emulator.serviceUrl), {
      method: 'POST',
      headers: { authorization: 'Bearer anything', 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hej' }),
    });
    expect(withAuth.status).toBe(201);
    expect((await send(emulator.serviceUrl, user.personalConversationId)).status).toBe(201);
  });

  test('given waitFor with a condition that never holds then it rejects after the timeout', async () => {
    const emulator = await start();
    await expect(emulator.waitFor((e) => e.sent().length > 0, 50)).rejects.toThrow(/not met within 50 ms/);
    const user = emulator.addUser({ aadObjectId: 'aad-wait' });
    const waiting = emulator.waitFor((e) => e.sent(user.personalConversationId).length === 1, 2_000);
    await send(emulator.serviceUrl, user.personalConversationId);
    await expect(waiting).resolves.toBeUndefined();
  });
});
