import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Outbox } from '../../bot/outbox/outbox';
import { createGraphAppInstaller } from '../../bot/reach/graph-app-installer';
import { createConnectorTeamDirectory } from '../../bot/reach/connector-team-directory';
import { syncTeamRoster } from '../../bot/reach/roster-sync';
import type { TeamInstall } from '../../domain/reach/team-roster';
import { systemClock } from '../../domain/shared/time';
import { startGraphEmulator, type GraphEmulator } from '../emulator/graph-emulator';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { cardMessage, openStores, outboxFor, register, type OutboxStores } from './outbox-fixture';

/**
 * The three ways a person becomes reachable, end to end through the connector and Graph emulators:
 * a stored 1:1 chat, a team roster (the bot opens the chat), and Graph's proactive installation.
 */
let emulator: TeamsConnectorEmulator;
let graph: GraphEmulator;
let stores: OutboxStores;
const outboxes: Outbox[] = [];

beforeAll(async () => {
  emulator = await startTeamsConnectorEmulator({ conversations: 'known-only' });
  graph = await startGraphEmulator({ connector: emulator, catalogAppId: 'catalog-forumbot', token: 'graph-token' });
  stores = openStores(inject('storageConnectionString'));
});
afterEach(async () => {
  await Promise.all(outboxes.splice(0).map((outbox) => outbox.stop({ timeoutMs: 5_000 })));
});
afterAll(async () => {
  await graph.close();
  await emulator.close();
  await stores.drop();
});

const installer = () =>
  createGraphAppInstaller({ baseUrl: graph.baseUrl, catalogAppId: 'catalog-forumbot', token: () => Promise.resolve('graph-token') });

function startOutbox(options: { graph: boolean }): Outbox {
  const outbox = outboxFor(stores, {
    rosters: stores.storage.teamRosters,
    ...(options.graph ? { install: { installer: installer(), tenantId: 'emulated-tenant', serviceUrl: emulator.serviceUrl } } : {}),
  });
  outbox.start();
  outboxes.push(outbox);
  return outbox;
}

const directory = () => createConnectorTeamDirectory({ auth: new ConfigurationBotFrameworkAuthentication({}) });

async function installTeam(name: string, members: string[]): Promise<TeamInstall> {
  const team = emulator.addTeam({ name, members });
  const install: TeamInstall = { teamId: team.id, name, serviceUrl: emulator.serviceUrl, tenantId: team.tenantId, botId: '28:forumbot-test', active: true, channels: [], installedAt: new Date().toISOString() };
  await stores.storage.teamRosters.saveTeam(install);
  await syncTeamRoster({ directory: directory(), rosters: stores.storage.teamRosters, clock: systemClock }, install);
  return (await stores.storage.teamRosters.findTeam(team.id)) ?? install;
}

async function settled(outbox: Outbox, ids: string[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const messages = await Promise.all(ids.map((id) => outbox.findById(id)));
    if (messages.every((m) => m !== undefined && m.status !== 'pending' && m.status !== 'sending')) return;
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(messages.map((m) => [m?.id, m?.status, m?.lastError]))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const unique = (label: string): string => `${label}-${Math.random().toString(36).slice(2, 8)}`;

describe('reaching people who never opened Forumbot', () => {
  test('given three consultants (a chat, only a team roster, only an Entra id) and Graph on then all three get their card, once each', async () => {
    const withChat = emulator.addUser({ aadObjectId: unique('chat') });
    const rosterOnly = emulator.addUser({ aadObjectId: unique('roster'), installed: false });
    const aadOnly = emulator.addUser({ aadObjectId: unique('aad'), installed: false });
    await register(stores, emulator, withChat, 'address');
    await installTeam('SSP Ishøj', [rosterOnly.aadObjectId]);
    const outbox = startOutbox({ graph: true });

    const ids = await Promise.all([withChat, rosterOnly, aadOnly].map(async (user) => (await outbox.enqueue(cardMessage(unique('circ'), user.aadObjectId))).id));
    await settled(outbox, ids);
    for (const user of [withChat, rosterOnly, aadOnly]) expect(emulator.sent(user.personalConversationId), user.aadObjectId).toHaveLength(1);
    expect(graph.stats().installs).toBe(1);
    // Found chats are kept: the next card goes straight there.
    expect((await stores.storage.conversations.findPersonal(rosterOnly.aadObjectId))?.conversationId).toBe(rosterOnly.personalConversationId);
    expect((await stores.storage.conversations.findPersonal(aadOnly.aadObjectId))?.conversationId).toBe(aadOnly.personalConversationId);
  });

  test('given Graph off then the one known only by Entra id is not reachable (UnknownRecipient) and waits; once they open the bot, the card goes, once', async () => {
    const aadOnly = emulator.addUser({ aadObjectId: unique('aad-off'), installed: false });
    const outbox = startOutbox({ graph: false });
    const { id } = await outbox.enqueue(cardMessage(unique('circ'), aadOnly.aadObjectId, { openUntil: new Date(Date.now() + 86_400_000).toISOString() }));
    await settled(outbox, [id]);
    expect(await outbox.findById(id)).toMatchObject({ status: 'undeliverable', reason: 'UnknownRecipient' });
    expect(emulator.sent(aadOnly.personalConversationId)).toHaveLength(0);

    // They open Forumbot: Teams installs it personally and the install handler stores the chat.
    emulator.setUser(aadOnly.aadObjectId, { installed: true });
    await register(stores, emulator, aadOnly, 'address');
    expect(await outbox.deliverWaiting(aadOnly.aadObjectId)).toBe(1);
    await settled(outbox, [id]);
    expect(await outbox.deliverWaiting(aadOnly.aadObjectId)).toBe(0);
    expect((await outbox.resend(id)).ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emulator.sent(aadOnly.personalConversationId)).toHaveLength(1);
  });

  test('given a person removed from the team then a refresh drops them and the roster no longer reaches them', async () => {
    const leaver = emulator.addUser({ aadObjectId: unique('leaver'), installed: false });
    const stayer = emulator.addUser({ aadObjectId: unique('stayer'), installed: false });
    const team = await installTeam('SSP Vest', [leaver.aadObjectId, stayer.aadObjectId]);
    emulator.removeTeamMember(team.teamId, leaver.aadObjectId);
    const result = await syncTeamRoster({ directory: directory(), rosters: stores.storage.teamRosters, clock: systemClock }, team);
    expect(result.removed).toEqual([leaver.aadObjectId]);

    const outbox = startOutbox({ graph: false });
    const ids = await Promise.all([leaver, stayer].map(async (user) => (await outbox.enqueue(cardMessage(unique('circ'), user.aadObjectId))).id));
    await settled(outbox, ids);
    expect(await outbox.findById(ids[0] ?? '')).toMatchObject({ status: 'undeliverable', reason: 'UnknownRecipient' });
    expect(emulator.sent(leaver.personalConversationId)).toHaveLength(0);
    expect(emulator.sent(stayer.personalConversationId)).toHaveLength(1);
  });

  test('given Graph without admin consent then the person is not reachable with InstallNotAllowed, and nothing is sent', async () => {
    const aadOnly = emulator.addUser({ aadObjectId: unique('consent'), installed: false });
    graph.setConsent(false);
    try {
      const outbox = startOutbox({ graph: true });
      const { id } = await outbox.enqueue(cardMessage(unique('circ'), aadOnly.aadObjectId));
      await settled(outbox, [id]);
      expect(await outbox.findById(id)).toMatchObject({ status: 'undeliverable', reason: 'InstallNotAllowed' });
    } finally {
      graph.setConsent(true);
    }
  });

  test('given a forum member whose Entra id is on no roster but whose e-mail is then the roster person gets the card', async () => {
    const person = emulator.addUser({ aadObjectId: unique('real'), installed: false, email: 'jonas.berg@ishoej.dk' });
    await installTeam('SSP Nord', [person.aadObjectId]);
    const placeholder = unique('imported');
    const withEmail = outboxFor(stores, { rosters: stores.storage.teamRosters, emailOf: (userId) => Promise.resolve(userId === placeholder ? 'Jonas.Berg@ishoej.dk' : undefined) });
    withEmail.start();
    outboxes.push(withEmail);
    const { id } = await withEmail.enqueue(cardMessage(unique('circ'), placeholder));
    await settled(withEmail, [id]);
    expect(emulator.sent(person.personalConversationId)).toHaveLength(1);
  });

  test('given a channel of a team the app is in, with no install event of its own, then a post to it is delivered', async () => {
    const team = emulator.addTeam({ name: 'SSP Syd', channels: ['Kredsråd'] });
    const kredsraad = team.channels[1]?.id ?? '';
    await stores.storage.teamRosters.saveTeam({ teamId: team.id, serviceUrl: emulator.serviceUrl, tenantId: team.tenantId, botId: '28:forumbot-test', active: true, channels: team.channels.map((c) => ({ conversationId: c.id, ...(c.name === undefined ? {} : { name: c.name }) })), installedAt: new Date().toISOString() });
    const outbox = startOutbox({ graph: false });
    const { id } = await outbox.enqueue({ ...cardMessage(unique('post'), 'x'), recipient: { kind: 'conversation', conversationId: kredsraad } });
    await settled(outbox, [id]);
    expect(emulator.sent(kredsraad)).toHaveLength(1);
  });
});
