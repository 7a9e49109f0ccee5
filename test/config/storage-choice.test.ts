import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bot/config';

const URL_ = 'https://forumbot.table.core.windows.net';
const AZURITE = 'UseDevelopmentStorage=true';

const refusal = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('not refused');
};

describe('storage: account URL or connection string', () => {
  it('given only STORAGE_ACCOUNT_URL then the account URL is used (trailing slash dropped) and no connection string', () => {
    const config = loadConfig({ STORAGE_ACCOUNT_URL: `${URL_}/` });
    expect(config.storageAccountUrl).toBe(URL_);
    expect(config.storageConnectionString).toBeUndefined();
  });

  it('given only a connection string then it is used as before', () => {
    const config = loadConfig({ STORAGE_CONNECTION_STRING: AZURITE });
    expect(config.storageConnectionString).toBe(AZURITE);
    expect(config.storageAccountUrl).toBeUndefined();
  });

  it.each([
    [{ STORAGE_ACCOUNT_URL: URL_, STORAGE_CONNECTION_STRING: AZURITE }, /^Invalid configuration: STORAGE_ACCOUNT_URL and STORAGE_CONNECTION_STRING are both set; set only one/],
    [{ STORAGE_ACCOUNT_URL: 'http://forumbot.table.core.windows.net' }, /STORAGE_ACCOUNT_URL must be the table endpoint over https/],
    [{ STORAGE_ACCOUNT_URL: 'https://forumbot.blob.core.windows.net' }, /STORAGE_ACCOUNT_URL must be the table endpoint over https/],
  ])('given %o then it is refused with one line', (env, message) => {
    const text = refusal(env);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
    expect(text).not.toContain('UseDevelopmentStorage');
  });

  it('given both at start-up then the process exits 1 with that one line and nothing else', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
      env: { ...process.env, PORT: '3978', STORAGE_ACCOUNT_URL: URL_, STORAGE_CONNECTION_STRING: AZURITE },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: STORAGE_ACCOUNT_URL and STORAGE_CONNECTION_STRING are both set/);
    expect(result.stdout).toBe('');
  });
});
