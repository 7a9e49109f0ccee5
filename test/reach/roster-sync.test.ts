import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createConnectorTeamDirectory } from '../../bot/reach/connector-team-directory';
import { syncTeamRoster } from '../../bot/reach/roster-sync';
import type { TeamInstall } from '../../domain/reach/team-roster';
import { systemClock } from '../../domain/shared/time';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { openStores, type OutboxStores } from '../outbox/outbox-fixture';

let emulator: TeamsConnectorEmulator;
let stores: OutboxStores;
beforeAll(async () => {
  emulator = await startTeamsConnectorEmulator({ conversations: 'known-only' });
  stores = openStores(inject('storageConnectionString'));
});
afterAll(async () => {
  await emulator.close();
  await stores.drop();
});

const deps = () => ({ directory: createConnectorTeamDirectory({ auth: new ConfigurationBotFrameworkAuthentication({}) }), rosters: stores.storage.teamRosters, clock: systemClock });

describe('roster sync through the connector emulator', () => {
  test('given a team of 5,000 then the roster is read in 10 pages of 500 within Teams\' read limits and stored whole; a refresh after 3 left writes only the change', async () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => `aad-big-${i}`);
    for (const id of ids) emulator.addUser({ aadObjectId: id, installed: false, email: `${id}@ishoej.dk` });
    const team = emulator.addTeam({ name: 'Alle ansatte', members: ids, channels: ['SSP'] });
    const install: TeamInstall = { teamId: team.id, serviceUrl: emulator.serviceUrl, tenantId: team.tenantId, botId: '28:bot', active: true, channels: [], installedAt: new Date().toISOString() };
    await stores.storage.teamRosters.saveTeam(install);

    const first = await syncTeamRoster(deps(), install);
    expect(first).toMatchObject({ members: 5_000, pages: 10, removed: [] });
    expect(first.added).toHaveLength(5_000);
    expect((await stores.storage.teamRosters.listMembers(team.id)).length).toBe(5_000);
    expect(emulator.stats().violations).toBe(0);
    const stored = await stores.storage.teamRosters.findTeam(team.id);
    expect(stored).toMatchObject({ memberCount: 5_000 });
    expect(stored?.channels.map((c) => c.name ?? 'General')).toEqual(['General', 'SSP']);
    expect((await stores.storage.teamRosters.findMemberByEmail('AAD-BIG-4321@ishoej.dk'))?.userId).toBe('aad-big-4321');

    for (const id of ids.slice(0, 3)) emulator.removeTeamMember(team.id, id);
    const second = await syncTeamRoster(deps(), stored ?? install);
    expect(second).toMatchObject({ members: 4_997, added: [], removed: ids.slice(0, 3) });
    expect(await stores.storage.teamRosters.findMember('aad-big-1')).toBeUndefined();
    expect(await stores.storage.teamRosters.findMember('aad-big-3')).toBeDefined();
  }, 120_000);
});
