import { afterAll, beforeAll } from 'vitest';
import { createBotApp } from '../../../bot/app';
import { createLogger } from '../../../bot/logger';
import { systemClock } from '../../../domain/shared/time';
import { startGraphEmulator, type GraphEmulator } from '../../emulator/graph-emulator';
import { startTeamsConnectorEmulator } from '../../emulator/teams-connector-emulator';
import { aForum, aMember } from '../../storage/storage.mothers';
import { openTestStorage, uniqueId } from '../../storage/storage-kit';
import { TestClock, type AgendaFixture } from '../agendas/agenda-harness';
import { LogCapture, testConfig } from '../support/bot-harness';
import { aPerson, BOT, TENANT_ID, type Channel, type Person, type Where } from '../support/teams-activities';
import type { Forum } from '../../../domain/fora/forum';

export const CATALOG_APP_ID = 'forumbot-catalog-id';
const GRAPH_CLIENT = { id: 'graph-client', secret: 'graph-secret' };

export interface ReachFixture extends AgendaFixture {
  graph: GraphEmulator;
}

/**
 * The bot over real HTTP with the connector emulator (teams, rosters, 1:1 creation) and the Graph
 * emulator; Graph installation on or off by configuration, as a municipality would run it.
 */
export function useReachBot(options: { graphInstall: boolean }): ReachFixture {
  const fixture = { clock: new TestClock() } as ReachFixture;
  beforeAll(async () => {
    fixture.storage = openTestStorage();
    fixture.emulator = await startTeamsConnectorEmulator({ defaultTenantId: TENANT_ID });
    fixture.graph = await startGraphEmulator({ connector: fixture.emulator, catalogAppId: CATALOG_APP_ID, token: 'graph-access-token', client: GRAPH_CLIENT });
    fixture.app = createBotApp({
      config: testConfig({
        teamsServiceUrl: fixture.emulator.serviceUrl,
        ...(options.graphInstall
          ? {
              graphInstall: {
                catalogAppId: CATALOG_APP_ID,
                clientId: GRAPH_CLIENT.id,
                clientSecret: GRAPH_CLIENT.secret,
                tenantId: TENANT_ID,
                baseUrl: fixture.graph.baseUrl,
                authorityUrl: fixture.graph.authorityUrl,
              },
            }
          : {}),
      }),
      logger: createLogger('warn', process.env['REACH_TEST_LOG'] === undefined ? new LogCapture() : process.stderr),
      storage: fixture.storage.storage,
      clock: fixture.clock,
      outbox: { pollIntervalMs: 50, clock: systemClock },
    });
    const port = await fixture.app.listen(0, '127.0.0.1');
    fixture.baseUrl = `http://127.0.0.1:${port}`;
    fixture.app.outbox.start();
    fixture.post = async (activity) => {
      const response = await fetch(`${fixture.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    };
  });
  afterAll(async () => {
    await fixture.app?.outbox.stop({ timeoutMs: 5_000 });
    await fixture.app?.close();
    await fixture.graph?.close();
    await fixture.emulator?.close();
    await fixture.storage?.storage.dropAll();
  });
  return fixture;
}

/**
 * A municipality as the issue found it: a team "SSP Ishøj" with General and a "Kredsråd" channel;
 * the Kredsråd (chair) and a forum below with three consultants: one has a 1:1 chat with the bot,
 * one is only a member of the team, one is only in the municipality's directory (Entra id).
 */
export interface ReachWorld {
  kreds: Forum;
  below: Forum;
  chair: Person;
  withChat: Person;
  rosterOnly: Person;
  aadOnly: Person;
  general: Channel;
  kredsraad: Channel;
  chatOf(person: Person): string;
}

export async function seedReachWorld(f: ReachFixture): Promise<ReachWorld> {
  const { storage } = f.storage;
  const suffix = uniqueId('r').slice(2);
  const chair = aPerson('Peter Juhl');
  const withChat = aPerson('Mette Holm');
  const rosterOnly = aPerson('Ali Demir');
  const aadOnly = aPerson('Jonas Berg');
  const users = new Map<string, string>();
  for (const person of [chair, withChat, rosterOnly, aadOnly]) {
    const user = f.emulator.addUser({ aadObjectId: person.aadObjectId, teamsId: person.teamsId, tenantId: TENANT_ID, installed: person === withChat, name: person.name, email: `${person.name.toLowerCase().replace(' ', '.')}.${suffix}@ishoej.example` });
    users.set(person.aadObjectId, user.personalConversationId);
  }
  const team = f.emulator.addTeam({ name: 'SSP Ishøj', tenantId: TENANT_ID, channels: ['Kredsråd'], members: [chair.aadObjectId, rosterOnly.aadObjectId] });
  const general: Channel = { kind: 'channel', conversationId: team.id, teamId: team.id, channelName: 'General' };
  const kredsraad: Channel = { kind: 'channel', conversationId: team.channels[1]?.id ?? '', teamId: team.id, channelName: 'Kredsråd' };

  const kreds = await storage.fora.save(aForum({ name: `Kredsråd ${suffix}`, level: 'strategic', escalatesTo: undefined, teams: undefined }));
  const below = await storage.fora.save(aForum({ name: `SSP-netværk ${suffix}`, level: 'coordinating', escalatesTo: kreds.id }));
  await storage.members.save(kreds.id, aMember({ userId: chair.aadObjectId, displayName: chair.name, roles: ['chair'] }));
  for (const person of [withChat, rosterOnly, aadOnly]) await storage.members.save(below.id, aMember({ userId: person.aadObjectId, displayName: person.name, roles: ['consultant'] }));
  // Only Mette ever opened Forumbot: her 1:1 chat is stored.
  await storage.conversations.save({
    conversationId: users.get(withChat.aadObjectId) ?? '',
    kind: 'personal',
    serviceUrl: f.emulator.serviceUrl,
    tenantId: TENANT_ID,
    botId: BOT.id,
    userId: withChat.aadObjectId,
    active: true,
    installedAt: new Date().toISOString(),
  });
  return { kreds, below, chair, withChat, rosterOnly, aadOnly, general, kredsraad, chatOf: (p) => users.get(p.aadObjectId) ?? '' };
}

export const personalChatOf = (world: ReachWorld, person: Person): Where => ({ kind: 'personal', conversationId: world.chatOf(person) });
