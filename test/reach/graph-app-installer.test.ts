import { afterEach, describe, expect, test } from 'vitest';
import { createGraphAppInstaller } from '../../bot/reach/graph-app-installer';
import { graphTokenProvider } from '../../bot/reach/graph-token';
import { startGraphEmulator, type GraphEmulator } from '../emulator/graph-emulator';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';

let connector: TeamsConnectorEmulator | undefined;
let graph: GraphEmulator | undefined;
afterEach(async () => {
  await graph?.close();
  await connector?.close();
  graph = undefined;
  connector = undefined;
});

const CLIENT = { id: 'client-1', secret: 'secret-1' };

async function start(options: { consented?: boolean; limit?: number } = {}): Promise<{ connector: TeamsConnectorEmulator; graph: GraphEmulator }> {
  connector = await startTeamsConnectorEmulator({ conversations: 'known-only' });
  graph = await startGraphEmulator({
    connector,
    catalogAppId: 'catalog-1',
    token: 'issued-token',
    client: CLIENT,
    ...(options.consented === undefined ? {} : { consented: options.consented }),
    ...(options.limit === undefined ? {} : { limits: [{ windowMs: 1_000, max: options.limit }] }),
  });
  return { connector, graph };
}

const installerFor = (graph: GraphEmulator, secret = CLIENT.secret, limits?: { windowMs: number; max: number }[]) =>
  createGraphAppInstaller({
    baseUrl: graph.baseUrl,
    catalogAppId: 'catalog-1',
    token: graphTokenProvider({ authorityUrl: graph.authorityUrl, clientId: CLIENT.id, clientSecret: secret }),
    ...(limits === undefined ? {} : { limits }),
  });

describe('Graph app installer against the Graph emulator', () => {
  test('given a user without the app then it installs (token from client credentials) and answers the 1:1 chat; a second time 409 counts as installed', async () => {
    const { connector, graph } = await start();
    const user = connector.addUser({ aadObjectId: 'aad-1', installed: false });
    const installer = installerFor(graph);
    expect(await installer.install('aad-1', 'tenant-1')).toEqual({ kind: 'installed', conversationId: user.personalConversationId, already: false });
    expect(await installer.install('aad-1', 'tenant-1')).toEqual({ kind: 'installed', conversationId: user.personalConversationId, already: true });
    expect(graph.stats()).toMatchObject({ installs: 1, conflicts: 1 });
  });

  test('given a wrong secret, no consent or an unknown user then refused with InstallNotAllowed, InstallNotAllowed, UserNotFound', async () => {
    const { connector, graph } = await start({ consented: false });
    connector.addUser({ aadObjectId: 'aad-2', installed: false });
    expect(await installerFor(graph, 'wrong').install('aad-2', 't')).toMatchObject({ kind: 'refused', reason: 'InstallNotAllowed' });
    expect(await installerFor(graph).install('aad-2', 't')).toMatchObject({ kind: 'refused', reason: 'InstallNotAllowed' });
    graph.setConsent(true);
    expect(await installerFor(graph).install('nobody', 't')).toMatchObject({ kind: 'refused', reason: 'UserNotFound' });
  });

  test('given Graph throttling then throttled with its Retry-After, and the next install waits it out instead of knocking again early', async () => {
    const { connector, graph } = await start();
    connector.addUser({ aadObjectId: 'aad-3', installed: false });
    connector.addUser({ aadObjectId: 'aad-4', installed: false });
    const installer = installerFor(graph);
    graph.throttleFor(300, 1);
    const throttled = await installer.install('aad-3', 't');
    expect(throttled).toMatchObject({ kind: 'throttled', retryAfterMs: 1_000 });
    const started = Date.now();
    expect((await installer.install('aad-4', 't')).kind).toBe('installed');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(graph.stats().retryAfterIgnored).toBe(0);
  });

  test('given its own limit below Graph\'s then ten installs in a row never see a 429', async () => {
    const { connector, graph } = await start({ limit: 12 });
    for (let i = 0; i < 10; i++) connector.addUser({ aadObjectId: `u${i}`, installed: false });
    const installer = installerFor(graph, CLIENT.secret, [{ windowMs: 1_000, max: 10 }]);
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => installer.install(`u${i}`, 't')));
    expect(outcomes.every((o) => o.kind === 'installed')).toBe(true);
    expect(graph.stats().throttled).toBe(0);
  });
});
