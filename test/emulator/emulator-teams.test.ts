import { afterEach, describe, expect, test } from 'vitest';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from './teams-connector-emulator';
import { activitiesPath, call, send } from './emulator-client';

let emulator: TeamsConnectorEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const start = async (): Promise<TeamsConnectorEmulator> => {
  emulator = await startTeamsConnectorEmulator({ conversations: 'known-only' });
  return emulator;
};

const pagedPath = (teamId: string, query: Record<string, string | number> = {}): string => {
  const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)])).toString();
  return `v3/conversations/${encodeURIComponent(teamId)}/pagedmembers${search.length > 0 ? `?${search}` : ''}`;
};

interface Page {
  continuationToken?: string;
  members: { id: string; aadObjectId: string; email?: string; userPrincipalName: string; name: string }[];
}

const createChat = (serviceUrl: string, teamsId: string, tenantId = 'emulated-tenant') =>
  call(serviceUrl, 'POST', 'v3/conversations', { isGroup: false, members: [{ id: teamsId }], tenantId, channelData: { tenant: { id: tenantId } } });

describe('Teams connector emulator: team rosters, channels and 1:1 chats', () => {
  test('given a team of 5,000 then pagedmembers pages it with continuation tokens, 500 at most per page, each person once', async () => {
    const emulator = await start();
    const ids = Array.from({ length: 5_000 }, (_, i) => `aad-${i}`);
    for (const id of ids) emulator.addUser({ aadObjectId: id, installed: false, email: `${id}@ishoej.dk`, name: `Person ${id}` });
    const team = emulator.addTeam({ name: 'SSP Ishøj', members: ids });

    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const response = await call(emulator.serviceUrl, 'GET', pagedPath(team.id, { pageSize: 1_000, ...(token === undefined ? {} : { continuationToken: token }) }));
      expect(response.status).toBe(200);
      const page = response.body as Page;
      expect(page.members.length).toBeLessThanOrEqual(500);
      seen.push(...page.members.map((m) => m.aadObjectId));
      token = page.continuationToken;
      pages++;
    } while (token !== undefined);
    expect(pages).toBe(10);
    expect(new Set(seen).size).toBe(5_000);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  test('given no pageSize then a page holds 200, and each member carries Teams id, AAD id, e-mail and UPN', async () => {
    const emulator = await start();
    for (let i = 0; i < 250; i++) emulator.addUser({ aadObjectId: `u${i}`, installed: false, email: `u${i}@ishoej.dk` });
    const team = emulator.addTeam({ name: 'T', members: Array.from({ length: 250 }, (_, i) => `u${i}`) });
    const first = (await call(emulator.serviceUrl, 'GET', pagedPath(team.id))).body as Page;
    expect(first.members).toHaveLength(200);
    expect(first.continuationToken).toBeTypeOf('string');
    expect(first.members[0]).toMatchObject({ id: expect.stringMatching(/^29:/), aadObjectId: 'u0', email: 'u0@ishoej.dk', userPrincipalName: 'u0@ishoej.dk' });
  });

  test('given a forged continuation token then 400 BadArgument', async () => {
    const emulator = await start();
    const team = emulator.addTeam({ name: 'T' });
    const response = await call(emulator.serviceUrl, 'GET', pagedPath(team.id, { continuationToken: 'not-a-token' }));
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'BadArgument' } } });
  });

  test('given a team without the app then its roster and channel list are refused 403', async () => {
    const emulator = await start();
    const team = emulator.addTeam({ name: 'T', botInstalled: false });
    expect((await call(emulator.serviceUrl, 'GET', pagedPath(team.id))).status).toBe(403);
    expect((await call(emulator.serviceUrl, 'GET', `v3/teams/${encodeURIComponent(team.id)}/conversations`)).status).toBe(403);
    expect((await send(emulator.serviceUrl, team.id)).status).toBe(403);
  });

  test('given a team with channels then the channel list has General (the team id, no name) and the others, and each channel takes posts', async () => {
    const emulator = await start();
    const team = emulator.addTeam({ name: 'SSP', channels: ['Kredsråd', 'Infohus'] });
    const list = await call(emulator.serviceUrl, 'GET', `v3/teams/${encodeURIComponent(team.id)}/conversations`);
    const conversations = (list.body as { conversations: { id: string; name?: string }[] }).conversations;
    expect(conversations[0]).toEqual({ id: team.id });
    expect(conversations.slice(1).map((c) => c.name)).toEqual(['Kredsråd', 'Infohus']);
    const kredsraad = conversations[1]?.id ?? '';
    expect((await send(emulator.serviceUrl, kredsraad)).status).toBe(201);
    expect((await call(emulator.serviceUrl, 'GET', `v3/teams/${encodeURIComponent(team.id)}`)).body).toMatchObject({ id: team.id, name: 'SSP' });
    emulator.setTeamInstalled(team.id, false);
    expect((await call(emulator.serviceUrl, 'POST', activitiesPath(kredsraad), { type: 'message', text: 'x' })).status).toBe(403);
  });

  test('given a person in a team with the app but no personal install then a 1:1 chat is created and takes messages; once removed from the team, 403', async () => {
    const emulator = await start();
    const person = emulator.addUser({ aadObjectId: 'aad-team', installed: false });
    const outsider = emulator.addUser({ aadObjectId: 'aad-out', installed: false });
    const team = emulator.addTeam({ name: 'T', members: ['aad-team'] });

    const created = await createChat(emulator.serviceUrl, person.teamsId);
    expect(created).toMatchObject({ status: 201, body: { id: person.personalConversationId } });
    expect((await send(emulator.serviceUrl, person.personalConversationId)).status).toBe(201);
    expect((await createChat(emulator.serviceUrl, outsider.teamsId)).status).toBe(403);

    emulator.removeTeamMember(team.id, 'aad-team');
    expect((await createChat(emulator.serviceUrl, person.teamsId)).body).toMatchObject({ error: { code: 'BotNotInConversationRoster' } });
    expect((await send(emulator.serviceUrl, person.personalConversationId)).status).toBe(403);
  });

  test('given roster reads then they count against the read limits (double the write limits) of the team', async () => {
    const emulator = await start();
    const team = emulator.addTeam({ name: 'T' });
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await call(emulator.serviceUrl, 'GET', pagedPath(team.id))).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(14);
    expect(statuses.at(-1)).toBe(429);
  });
});
