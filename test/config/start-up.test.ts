import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

it('given a bad PORT when npm start runs then it exits 1 with one line naming PORT', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    env: { ...process.env, PORT: 'abc', STORAGE_CONNECTION_STRING: '' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr.trim()).toBe('Invalid configuration: PORT must be a port number (got "abc")');
  expect(result.stdout).toBe('');
});
