import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createBotApp, type BotApp } from '../../../bot/app';
import type { Config } from '../../../bot/config';
import { createLogger } from '../../../bot/logger';
import { features } from '../../../bot/features';
import { createTabFeature } from '../../../bot/tab/tab.feature';
import type { Storage } from '../../../storage/index';
import { LogCapture, testConfig } from '../../bot/support/bot-harness';
import { CHROMIUM, CHROMIUM_ARGS as PLAYGROUND_CHROMIUM_ARGS } from '../../playground/support/playground';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Screenshots of the dashboard (test-results/ is git-ignored). */
export const TAB_ARTIFACTS = path.join(ROOT, 'test-results', 'tab');

export { CHROMIUM };
const CHROMIUM_ARGS = [
  ...PLAYGROUND_CHROMIUM_ARGS,
  // The simulated Teams page has a public origin and frames the bot on 127.0.0.1; Chromium's Local
  // Network Access checks would block that (in production both are public hosts).
  '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests',
];

export interface TabBot {
  app: BotApp;
  baseUrl: string;
  logs: LogCapture;
  close(): Promise<void>;
}

/**
 * The real bot app on the given storage, its tab feature reading signing keys from `jwksUrl`
 * (a fake Entra) instead of login.microsoftonline.com; all other features as in production.
 */
export async function startTabBot(storage: Storage, over: Partial<Config> = {}, jwksUrl?: string): Promise<TabBot> {
  const logs = new LogCapture();
  const tab = createTabFeature(jwksUrl === undefined ? {} : { jwksUrl });
  const app = createBotApp({
    config: testConfig(over),
    logger: createLogger('info', logs),
    storage,
    features: features.map((f) => (f.name === 'tab' ? tab : f)),
  });
  const port = await app.listen(0, '127.0.0.1');
  return { app, baseUrl: `http://127.0.0.1:${port}`, logs, close: () => app.close() };
}

export async function launchBrowser(): Promise<Browser> {
  await mkdir(TAB_ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
