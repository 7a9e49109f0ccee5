/**
 * What a security review sent to the running bot, one case per finding: each got a 500 (often with
 * an internal message in the body) before the envelope check and the fixed answers.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { failureStatus } from '../../bot/http/request-outcome';
import { freePort } from '../../storage/azurite';
import { startFakeEntra, type FakeEntra } from '../tab/support/fake-entra';
import { startTabBot, type TabBot } from '../tab/support/tab-harness';
import { openTestStorage, type TestStorage } from '../storage/storage-kit';
import { startBot, useRunningBot, type RunningBot } from './support/bot-harness';
import { aMessage, aPerson, aPersonalChat, cardAction } from './support/teams-activities';

const running = useRunningBot();

const INTERNALS = /validateAndFixActivity|toLowerCase|URIError|TypeError|ENOTFOUND|getaddrinfo|Error:|at \S+\.(ts|js)|stack/;

async function postRaw(baseUrl: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, text: await response.text() };
}

const message = (): Record<string, unknown> => aMessage(running.emulator.serviceUrl, aPersonalChat(), aPerson(), 'hjælp');

describe('the activity envelope', () => {
  test.each([
    ['an id with a lone surrogate (the table SDK threw URIError)', (a: Record<string, unknown>) => ({ ...a, id: 'f:\ud800' })],
    ['a sender id with a lone surrogate', (a: Record<string, unknown>) => ({ ...a, from: { ...(a['from'] as object), id: '29:\udc00' } })],
    ['a text that is not a string (mention.ts threw)', (a: Record<string, unknown>) => ({ ...a, text: { $: 'hjælp' } })],
    ['entities that are not an array (mention.ts threw)', (a: Record<string, unknown>) => ({ ...a, entities: { type: 'mention' } })],
    ['no type (botbuilder put its own message in the 500)', (a: Record<string, unknown>) => ({ ...a, type: undefined })],
    ['a serviceUrl that is not a string', (a: Record<string, unknown>) => ({ ...a, serviceUrl: 42 })],
    ['no recipient', (a: Record<string, unknown>) => ({ ...a, recipient: undefined })],
    ['a tenant that is not a GUID', (a: Record<string, unknown>) => ({ ...a, conversation: { ...(a['conversation'] as object), tenantId: '010203-1234' } })],
    ['nesting forty levels deep', (a: Record<string, unknown>) => ({ ...a, channelData: JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)) as unknown })],
  ])('given %s then 400 with the fixed body', async (_case, change) => {
    const { status, text } = await postRaw(running.bot.baseUrl, JSON.stringify(change(message())));
    expect(status).toBe(400);
    expect(JSON.parse(text)).toEqual({ error: 'Bad request' });
  });

  test('given a card click without an action (botbuilder read value.action.type) then 400', async () => {
    const click = cardAction(running.emulator.serviceUrl, aPersonalChat(), aPerson(), 'help.show', {});
    const { status, text } = await postRaw(running.bot.baseUrl, JSON.stringify({ ...click, value: {} }));
    expect(status).toBe(400);
    expect(text).not.toMatch(INTERNALS);
  });

  test('given an invoke the bot does not answer then 400, not 501', async () => {
    const { status } = await postRaw(running.bot.baseUrl, JSON.stringify({ ...message(), type: 'invoke', name: 'task/fetch', value: {} }));
    expect(status).toBe(400);
  });

  test.each([
    ['broken JSON', '{"type":', 'application/json'],
    ['a body that is not an object', '[1,2]', 'application/json'],
    ['another content type', 'type=message', 'application/x-www-form-urlencoded'],
  ])('given %s then a 4xx with a fixed body that names no parser', async (_case, body, type) => {
    const { status, text } = await postRaw(running.bot.baseUrl, body, { 'content-type': type });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(text).not.toMatch(INTERNALS);
    expect(text).not.toMatch(/Unexpected|JSON|position/);
  });
});

describe('tokens that cannot be verified', () => {
  let storage: TestStorage;
  let bot: RunningBot;
  beforeAll(async () => {
    storage = openTestStorage();
    bot = await startBot(storage.storage, {
      credentials: { appId: '0b5e2a11-1111-4111-8111-1111111111aa', appPassword: 'secret', appType: 'SingleTenant', tenantId: '6f1c2d3e-0000-4000-8000-0000000000aa' },
    });
  });
  afterAll(async () => {
    await bot?.close();
    await storage?.storage.dropAll();
  });

  const forged = (iss: string): string => {
    const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${part({ alg: 'RS256', kid: 'nope', typ: 'JWT' })}.${part({ iss, aud: '0b5e2a11-1111-4111-8111-1111111111aa', exp: Math.floor(Date.now() / 1000) + 600 })}.c2ln`;
  };

  test.each([
    ['no token', undefined],
    ['a token that is not a JWT', 'Bearer abc'],
    ['a token from an issuer Teams never uses', `Bearer ${forged('https://evil.example/')}`],
  ])('given %s then 401 with the fixed body', async (_case, authorization) => {
    const { status, text } = await postRaw(bot.baseUrl, JSON.stringify(message()), authorization === undefined ? {} : { authorization });
    expect(status).toBe(401);
    expect(JSON.parse(text)).toEqual({ error: 'Unauthorized' });
  });

  test("given a forged token in Teams' own issuer's name then 401, or 503 when the key endpoint cannot be reached from here, never with its error", async () => {
    const { status, text } = await postRaw(bot.baseUrl, JSON.stringify(message()), { authorization: `Bearer ${forged('https://api.botframework.com')}` });
    expect([401, 503]).toContain(status);
    expect(text).not.toMatch(INTERNALS);
    expect(JSON.parse(text)).toEqual(status === 401 ? { error: 'Unauthorized' } : { error: 'Service unavailable' });
  }, 30_000);

  test('given the errors botframework and fetch throw then unreachable dependencies are 503 and token failures 401', () => {
    const dnsFailure = Object.assign(new Error('request to https://login.botframework.com failed, reason: getaddrinfo ENOTFOUND'), { name: 'FetchError', type: 'system', code: 'ENOTFOUND' });
    expect(failureStatus(dnsFailure)).toBe(503);
    expect(failureStatus(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))).toBe(503);
    expect(failureStatus(new Error('Unauthorized Access. Request is not authorized'), 401)).toBe(401);
    expect(failureStatus(new Error('Failed to load Keys: 502'), 500)).toBe(503);
    expect(failureStatus(Object.assign(new Error('invalid signature'), { name: 'JsonWebTokenError' }))).toBe(401);
    expect(failureStatus(new Error('a bug'))).toBe(500);
  });
});

describe('static files of the tab', () => {
  test.each(['/tab/vendor/__proto__', '/tab/vendor/constructor', '/tab/vendor/hasOwnProperty', '/tab/personal.html%00.js', '/tab/%2e%2e/package.json', '/tab/' + 'a'.repeat(5000) + '.html'])(
    'given %s then 404, not 500',
    async (path) => {
      const response = await fetch(`${running.bot.baseUrl}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toMatch(INTERNALS);
    },
  );

  test('given the real vendor bundle then it is still served', async () => {
    expect((await fetch(`${running.bot.baseUrl}/tab/vendor/adaptivecards.js`)).status).toBe(200);
  });
});

describe("the tab when Entra's keys cannot be fetched", () => {
  let storage: TestStorage;
  let entra: FakeEntra;
  let bot: TabBot;
  beforeAll(async () => {
    storage = openTestStorage();
    entra = await startFakeEntra({ tenantId: '6f1c2d3e-0000-4000-8000-0000000000aa', appId: '0b5e2a11-1111-4111-8111-1111111111aa', host: 'forumbot.ishoj.dk' });
    const nowhere = `http://127.0.0.1:${await freePort()}/discovery/v2.0/keys`;
    bot = await startTabBot(
      storage.storage,
      { credentials: { appId: entra.appId, appPassword: 'x', appType: 'SingleTenant', tenantId: entra.tenantId }, publicUrl: 'https://forumbot.ishoj.dk' },
      nowhere,
    );
  });
  afterAll(async () => {
    await bot?.close();
    await entra?.close();
    await storage?.storage.dropAll();
  });

  test('given a sign-in then 503 with a Danish "try again" and no error text, not 500 TAB.FAILED', async () => {
    const response = await fetch(`${bot.baseUrl}/api/tab/personal`, { headers: { authorization: `Bearer ${await entra.token({})}` } });
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('TAB.KEYS_UNAVAILABLE');
    expect(body.error.message).toBe('Forumbot kan ikke kontrollere dit Teams-login lige nu. Prøv igen om lidt.');
  });
});
