import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAzurite, type RunningAzurite } from '../../storage/azurite';
import { createStorage } from '../../storage';
import { startBot, type RunningBot } from './support/bot-harness';

/** Our own Azurite, so that stopping it does not pull storage from under other test files. */
let azurite: RunningAzurite;
let bot: RunningBot;

const get = async (bot: RunningBot, path: string): Promise<{ status: number; body: unknown }> => {
  const response = await fetch(`${bot.baseUrl}${path}`);
  return { status: response.status, body: await response.json() };
};

beforeAll(async () => {
  azurite = await startAzurite();
  bot = await startBot(createStorage(azurite.connectionString, { tablePrefix: 'health' }), {}, { healthTimeoutMs: 1_000 });
  bot.app.outbox.start();
});

afterAll(async () => {
  await bot?.app.outbox.stop({ timeoutMs: 1_000 });
  await bot?.close();
  await azurite?.stop();
});

describe('/healthz/live and /healthz/ready', () => {
  test('given storage that answers and the outbox running then both say 200', async () => {
    expect(await get(bot, '/healthz/live')).toEqual({ status: 200, body: { status: 'live' } });
    expect(await get(bot, '/healthz/ready')).toEqual({ status: 200, body: { status: 'ready', storage: 'ok', outbox: 'running' } });
  });

  test('given Azurite stops then ready says 503 (live stays 200), and once it is back ready says 200 again', async () => {
    const port = azurite.port;
    await azurite.stop();
    expect(await get(bot, '/healthz/ready')).toEqual({ status: 503, body: { status: 'unavailable', storage: 'unreachable', outbox: 'running' } });
    expect((await get(bot, '/healthz')).status).toBe(503);
    expect(await get(bot, '/healthz/live')).toEqual({ status: 200, body: { status: 'live' } });

    azurite = await startAzurite({ port });
    expect(await get(bot, '/healthz/ready')).toEqual({ status: 200, body: { status: 'ready', storage: 'ok', outbox: 'running' } });
  });

  test('given the outbox worker is not running then ready says 503 naming it', async () => {
    await bot.app.outbox.stop({ timeoutMs: 1_000 });
    expect(await get(bot, '/healthz/ready')).toEqual({ status: 503, body: { status: 'unavailable', storage: 'ok', outbox: 'stopped' } });
    bot.app.outbox.start();
    expect((await get(bot, '/healthz/ready')).status).toBe(200);
  });
});
