import { Writable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import { openTestStorage, type TestStorage } from '../../storage/storage-kit';
import { createBotApp, type BotApp } from '../../../bot/app';
import type { Config } from '../../../bot/config';
import { createLogger } from '../../../bot/logger';
import type { Storage } from '../../../storage';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../../emulator/teams-connector-emulator';

/** The local-mode configuration (no app id: no authentication), Danish by default. */
export const testConfig = (over: Partial<Config> = {}): Config => ({
  port: 0,
  locale: 'da-DK',
  timeZone: 'Europe/Copenhagen',
  logLevel: 'info',
  dataDir: '.data',
  publicUrl: 'http://localhost:3978',
  ...over,
});

/** Pino's JSON lines, kept for assertions. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString().split('\n')) if (line.trim() !== '') this.lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  }
}

export interface RunningBot {
  app: BotApp;
  baseUrl: string;
  logs: LogCapture;
  /** POSTs an activity to /api/messages and returns the HTTP status and parsed body (if any). */
  post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function startBot(storage: Storage, over: Partial<Config> = {}, options: { healthTimeoutMs?: number; shutdownGraceMs?: number } = {}): Promise<RunningBot> {
  const logs = new LogCapture();
  const app = createBotApp({ config: testConfig(over), logger: createLogger('info', logs), storage, ...options });
  const port = await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    logs,
    async post(activity) {
      const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    },
    close: () => app.close(),
  };
}

export const startEmulator = (): Promise<TeamsConnectorEmulator> => startTeamsConnectorEmulator();

export interface RunningBotFixture {
  storage: TestStorage;
  emulator: TeamsConnectorEmulator;
  bot: RunningBot;
}

/**
 * For a test file: its own tables, a connector emulator and the bot, started before the file's
 * tests and stopped after them (vitest hooks). Read the fields inside tests, not at load time.
 */
export function useRunningBot(over: Partial<Config> = {}): RunningBotFixture {
  const fixture = {} as RunningBotFixture;
  beforeAll(async () => {
    fixture.storage = openTestStorage();
    fixture.emulator = await startEmulator();
    fixture.bot = await startBot(fixture.storage.storage, over);
  });
  afterAll(async () => {
    await fixture.bot?.close();
    await fixture.emulator?.close();
    await fixture.storage?.storage.dropAll();
  });
  return fixture;
}

/** A second instance of the bot on the same storage (jobs and leases across instances), for a file's tests. */
export function useSecondInstance(fixture: RunningBotFixture): { bot: RunningBot } {
  const second = {} as { bot: RunningBot };
  beforeAll(async () => {
    second.bot = await startBot(fixture.storage.storage);
  });
  afterAll(async () => {
    await second.bot?.close();
  });
  return second;
}
