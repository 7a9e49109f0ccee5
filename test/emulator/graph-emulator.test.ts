import { afterEach, describe, expect, test } from 'vitest';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from './teams-connector-emulator';
import { startGraphEmulator, type GraphEmulator } from './graph-emulator';
import { call } from './emulator-client';

let connector: TeamsConnectorEmulator | undefined;
let graph: GraphEmulator | undefined;
afterEach(async () => {
  await graph?.close();
  await connector?.close();
  graph = undefined;
  connector = undefined;
});

const TOKEN = 'graph-token';
const CATALOG = 'catalog-app-1';

async function start(options: { consented?: boolean; limit?: number } = {}): Promise<{ connector: TeamsConnectorEmulator; graph: GraphEmulator }> {
  connector = await startTeamsConnectorEmulator({ conversations: 'known-only' });
  graph = await startGraphEmulator({
    connector,
    catalogAppId: CATALOG,
    token: TOKEN,
    ...(options.consented === undefined ? {} : { consented: options.consented }),
    ...(options.limit === undefined ? {} : { limits: [{ windowMs: 1_000, max: options.limit }] }),
  });
  return { connector, graph };
}

async function graphCall(base: string, method: string, path: string, body?: unknown, token: string | null = TOKEN): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
  const response = await fetch(new URL(path, base), {
    method,
    headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text.length > 0 ? (JSON.parse(text) as unknown) : undefined, retryAfter: response.headers.get('retry-after') };
}

const install = (base: string, userId: string, token: string | null = TOKEN) =>
  graphCall(base, 'POST', `users/${userId}/teamwork/installedApps`, { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${CATALOG}` }, token);

describe('Graph emulator: proactive app installation', () => {
  test('given a user without the app then install answers 201, a second 409, and the chat it names takes messages through the connector', async () => {
    const { connector, graph } = await start();
    const user = connector.addUser({ aadObjectId: 'aad-1', installed: false });
    expect((await install(graph.baseUrl, 'aad-1')).status).toBe(201);
    expect((await install(graph.baseUrl, 'aad-1')).body).toMatchObject({ error: { code: 'Conflict' } });

    const list = await graphCall(graph.baseUrl, 'GET', `users/aad-1/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${CATALOG}'`);
    const installationId = (list.body as { value: { id: string }[] }).value[0]?.id ?? '';
    const chat = await graphCall(graph.baseUrl, 'GET', `users/aad-1/teamwork/installedApps/${installationId}/chat`);
    expect(chat.body).toMatchObject({ id: user.personalConversationId });
    const sent = await call(connector.serviceUrl, 'POST', `v3/conversations/${encodeURIComponent(user.personalConversationId)}/activities`, { type: 'message', text: 'hej' });
    expect(sent.status).toBe(201);
  });

  test('given no token, a wrong token, no consent or an unknown user then 401, 401, 403 and 404, and nothing is installed', async () => {
    const { connector, graph } = await start({ consented: false });
    connector.addUser({ aadObjectId: 'aad-2', installed: false });
    expect((await install(graph.baseUrl, 'aad-2', '')).status).toBe(401);
    expect((await graphCall(graph.baseUrl, 'POST', 'users/aad-2/teamwork/installedApps', {}, null)).status).toBe(401);
    expect((await install(graph.baseUrl, 'aad-2')).body).toMatchObject({ error: { code: 'Forbidden' } });
    graph.setConsent(true);
    expect((await install(graph.baseUrl, 'nobody')).status).toBe(404);
    expect(connector.findUser('aad-2')?.installed).toBe(false);
  });

  test('given more requests than its limit then 429 with Retry-After, and a request before it passed is counted', async () => {
    const { connector, graph } = await start({ limit: 3 });
    for (let i = 0; i < 5; i++) connector.addUser({ aadObjectId: `u${i}`, installed: false });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const response = await install(graph.baseUrl, `u${i}`);
      statuses.push(response.status);
      retryAfter ??= response.retryAfter;
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(graph.stats().retryAfterIgnored).toBe(1);
  });
});
