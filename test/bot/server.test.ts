import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { azuriteConnectionString, freePort } from '../../storage/azurite';
import { createStorage } from '../../storage';
import type { TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { openTestStorage, type TestStorage } from '../storage/storage-kit';
import { startBot, startEmulator, type RunningBot } from './support/bot-harness';
import { aMessage, aPerson, aPersonalChat, cardAction } from './support/teams-activities';

let storage: TestStorage;
let emulator: TeamsConnectorEmulator;

beforeAll(async () => {
  storage = openTestStorage();
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator?.close();
  await storage?.storage.dropAll();
});

describe('/healthz', () => {
  test('given storage that answers then 200 with status ok', async () => {
    const bot = await startBot(storage.storage);
    try {
      const response = await fetch(`${bot.baseUrl}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    } finally {
      await bot.close();
    }
  });

  test('given storage on a port where nothing listens then 503', async () => {
    const unreachable = createStorage(azuriteConnectionString(await freePort()), { tablePrefix: 'unreachable' });
    const bot = await startBot(unreachable);
    try {
      const started = Date.now();
      const response = await fetch(`${bot.baseUrl}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable' });
      expect(Date.now() - started).toBeLessThan(2_500);
    } finally {
      await bot.close();
    }
  });
});

describe('onTurnError', () => {
  // Azurite refuses a wrong account key with 403 at once: a real storage failure inside a turn.
  const refusing = (): ReturnType<typeof createStorage> =>
    createStorage(withWrongKey(storage.connectionString), { tablePrefix: `refused${Date.now()}` });
  let bot: RunningBot;

  beforeAll(async () => {
    bot = await startBot(refusing());
  });
  afterAll(async () => {
    await bot?.close();
  });

  test('given a turn that fails then the user is told in Danish, without any technical detail, and the error is logged with the activity id', async () => {
    const chat = aPersonalChat();
    const activity = aMessage(emulator.serviceUrl, chat, aPerson(), 'fora');
    expect((await bot.post(activity)).status).toBe(200);
    await emulator.waitFor((e) => e.sent(chat.conversationId).length === 1, 5_000);
    const reply = emulator.sent(chat.conversationId)[0]!.activity;
    expect(reply['text']).toBe('Beklager, der gik noget galt hos mig. Prøv igen om lidt. Bliver fejlen ved, så kontakt jeres IT-support.');
    // Only what the person reads: the reply's ids are random and may hold "403" by chance.
    const shown = JSON.stringify({ text: reply['text'], attachments: reply['attachments'] ?? [] });
    expect(shown).not.toMatch(/Error|\b403\b|at .*\.ts|Authorization/);

    const logged = bot.logs.lines.find((line) => line['msg'] === 'turn failed' && line['activityId'] === activity['id']);
    expect(logged).toMatchObject({ level: 50, activityType: 'message' });
    expect((logged?.['err'] as { stack?: string } | undefined)?.stack).toBeDefined();
  });

  test('given a turn that fails in an English Teams then the message is in English', async () => {
    const chat = aPersonalChat();
    await bot.post(aMessage(emulator.serviceUrl, chat, aPerson(), 'forums', { locale: 'en-US' }));
    await emulator.waitFor((e) => e.sent(chat.conversationId).length === 1, 5_000);
    expect(emulator.sent(chat.conversationId)[0]!.activity['text']).toMatch(/^Sorry, something went wrong on my side\./);
  });

  test('given a card action whose turn fails then the invoke gets an error response with the Danish message', async () => {
    const { status, body } = await bot.post(cardAction(emulator.serviceUrl, aPersonalChat(), aPerson(), 'help.show', {}));
    expect(status).toBe(500);
    expect(body).toEqual({
      statusCode: 500,
      type: 'application/vnd.microsoft.error',
      value: { code: 'InternalError', message: 'Beklager, der gik noget galt hos mig. Prøv igen om lidt. Bliver fejlen ved, så kontakt jeres IT-support.' },
    });
  });
});

describe('graceful shutdown', () => {
  test('given a turn in flight when the app closes then new connections are refused and the turn still completes', async () => {
    const bot = await startBot(storage.storage);
    const chat = aPersonalChat();
    // The connector answers 429 with Retry-After: 1 s for a moment, so the reply is still pending when we close.
    emulator.throttleFor(500, { retryAfterSeconds: 1 });
    const turn = bot.post(aMessage(emulator.serviceUrl, chat, aPerson(), 'hjælp'));
    await emulator.waitFor((e) => e.requests().some((r) => r.path.includes(encodeURIComponent(chat.conversationId)) && r.status === 429), 5_000);

    const closing = bot.close();
    await expect(fetch(`${bot.baseUrl}/healthz`)).rejects.toThrow();
    expect((await turn).status).toBe(200);
    await closing;
    expect(emulator.sent(chat.conversationId)).toHaveLength(1);
  });

  test('given a turn that does not finish within the grace period then close still returns', async () => {
    const { app, baseUrl } = await startBot(storage.storage, {}, { shutdownGraceMs: 300 });
    const chat = aPersonalChat();
    emulator.throttleFor(10_000, { retryAfterSeconds: 5 });
    try {
      const turn = fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(aMessage(emulator.serviceUrl, chat, aPerson(), 'hjælp')),
      }).catch((error: unknown) => error);
      await emulator.waitFor((e) => e.requests().some((r) => r.path.includes(encodeURIComponent(chat.conversationId))), 5_000);
      const started = Date.now();
      await app.close();
      expect(Date.now() - started).toBeLessThan(1_500);
      await turn;
    } finally {
      emulator.throttleFor(0);
    }
  });
});

/** The same account with a key Azurite does not accept. */
function withWrongKey(connectionString: string): string {
  return connectionString.replace(/AccountKey=[^;]+/, `AccountKey=${Buffer.from('not the key'.padEnd(64, '!')).toString('base64')}`);
}
