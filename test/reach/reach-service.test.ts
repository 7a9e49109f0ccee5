import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Outbox } from '../../bot/outbox/outbox';
import { createConnectorTeamDirectory } from '../../bot/reach/connector-team-directory';
import { createReachService, type ReachService } from '../../bot/reach/reach.service';
import { systemClock } from '../../domain/shared/time';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { cardMessage, openStores, outboxFor, testLogger, type OutboxStores } from '../outbox/outbox-fixture';

let emulator: TeamsConnectorEmulator;
let stores: OutboxStores;
let outbox: Outbox;
let reach: ReachService;

beforeAll(async () => {
  emulator = await startTeamsConnectorEmulator({ conversations: 'known-only' });
  stores = openStores(inject('storageConnectionString'));
  outbox = outboxFor(stores, { rosters: stores.storage.teamRosters });
  outbox.start();
  reach = createReachService({
    rosters: stores.storage.teamRosters,
    directory: createConnectorTeamDirectory({ auth: new ConfigurationBotFrameworkAuthentication({}) }),
    outbox,
    clock: systemClock,
    logger: testLogger(),
  });
});
afterAll(async () => {
  await outbox.stop({ timeoutMs: 5_000 });
  await emulator.close();
  await stores.drop();
});

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('reach service: teams, rosters and waiting cards', () => {
  test('given the app added to a team then its roster and channels are stored; a card for someone not yet in it waits, and goes when they join the team', async () => {
    const member = emulator.addUser({ aadObjectId: 'aad-member', installed: false });
    const newcomer = emulator.addUser({ aadObjectId: 'aad-newcomer', installed: false, name: 'Sara Holm' });
    const team = emulator.addTeam({ name: 'SSP Ishøj', members: ['aad-member'], channels: ['Kredsråd'] });
    await reach.teamSeen({ teamId: team.id, serviceUrl: emulator.serviceUrl, tenantId: team.tenantId, botId: '28:forumbot-test', name: 'SSP Ishøj', channel: { conversationId: team.id } });
    expect((await stores.storage.teamRosters.listMembers(team.id)).map((m) => m.userId)).toEqual(['aad-member']);
    expect((await stores.storage.teamRosters.findTeam(team.id))?.channels.map((c) => c.name ?? 'General')).toEqual(['General', 'Kredsråd']);

    const { id } = await outbox.enqueue(cardMessage('circ:newcomer', 'aad-newcomer', { openUntil: new Date(Date.now() + 3_600_000).toISOString() }));
    await until(async () => (await outbox.findById(id))?.status === 'undeliverable', 'the card to be found undeliverable');

    emulator.addTeamMember(team.id, 'aad-newcomer');
    await reach.membersAdded(team.id, [{ id: newcomer.teamsId, aadObjectId: 'aad-newcomer', name: 'Sara Holm' }]);
    await until(async () => emulator.sent(newcomer.personalConversationId).length === 1, 'the waiting card to arrive');
    expect(emulator.sent(member.personalConversationId)).toHaveLength(0);

    emulator.removeTeamMember(team.id, 'aad-newcomer');
    await reach.membersRemoved(team.id, ['aad-newcomer']);
    expect(await stores.storage.teamRosters.findMember('aad-newcomer')).toBeUndefined();
  });

  test('given the app removed from a team then nobody is found through its roster any more', async () => {
    emulator.addUser({ aadObjectId: 'aad-gone-team', installed: false });
    const team = emulator.addTeam({ name: 'SSP Syd', members: ['aad-gone-team'] });
    await reach.teamSeen({ teamId: team.id, serviceUrl: emulator.serviceUrl, tenantId: team.tenantId, botId: '28:forumbot-test' });
    expect(await stores.storage.teamRosters.findMember('aad-gone-team')).toBeDefined();
    await reach.teamRemoved(team.id);
    expect(await stores.storage.teamRosters.findMember('aad-gone-team')).toBeUndefined();
  });
});
