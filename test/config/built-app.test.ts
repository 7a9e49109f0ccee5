import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../storage/azurite';

/** Starts a command and resolves with the time until the bot logged that it listens. */
function startUntilListening(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 45 s: ${stderr}`)), 45_000);
    child.once('exit', (code) => reject(new Error(`exited with ${String(code)}: ${stderr}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Forumbot listens')) {
        clearTimeout(timer);
        resolve({ child, ms: performance.now() - started });
      }
    });
  });
}

const stop = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

describe('npm run build, then plain node', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'forumbot-built-'));
    const build = spawnSync('npm', ['run', 'build'], { encoding: 'utf8', timeout: 120_000 });
    expect(build.status, build.stderr).toBe(0);
  }, 150_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('given the build then dist is JavaScript that loads no TypeScript loader', async () => {
    const main = await readFile('dist/bot/main.js', 'utf8');
    expect(main).not.toMatch(/from ["']tsx|require\(["']tsx/);
    expect(main).not.toMatch(/from ["'][^"']*\.ts["']/);
  });

  it('given the built app started with plain node then it answers /healthz, /healthz/live and /healthz/ready, and stops cleanly', async () => {
    const port = await freePort();
    // Nothing inherited may add a loader: the process is `node dist/bot/main.js` and nothing else.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    const { child, ms } = await startUntilListening(['dist/bot/main.js'], env);
    try {
      console.log(`built app listening after ${Math.round(ms)} ms`);
      for (const [route, body] of [
        ['/healthz', { status: 'ok' }],
        ['/healthz/live', { status: 'live' }],
        ['/healthz/ready', { status: 'ready', storage: 'ok', outbox: 'running' }],
      ] as const) {
        const response = await fetch(`http://127.0.0.1:${port}${route}`);
        expect(response.status, route).toBe(200);
        expect(await response.json()).toEqual(body);
      }
    } finally {
      expect(await stop(child)).toBe(0);
    }
  }, 90_000);
});
