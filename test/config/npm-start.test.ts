import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azuriteConnectionString, freePort } from '../../storage/azurite';
import { createStorage } from '../../storage/index';

interface Started {
  child: ChildProcess;
  logs: Record<string, unknown>[];
  azuritePort: number;
  azuritePid: number;
}

/** Runs `bot/main.ts` as `npm start` does and waits until it listens. */
async function startBot(dataDir: string, port: number): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, STORAGE_CONNECTION_STRING: '', MicrosoftAppId: '', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 45 s: ${stderr}`)), 45_000);
    child.once('exit', (code) => reject(new Error(`exited with ${String(code)}: ${stderr}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) logs.push(JSON.parse(line) as Record<string, unknown>);
      const azurite = logs.find((l) => typeof l.msg === 'string' && l.msg.startsWith('embedded Azurite started'));
      if (logs.some((l) => typeof l.msg === 'string' && l.msg.startsWith('Forumbot listens')) && azurite !== undefined) {
        clearTimeout(timer);
        resolve({ child, logs, azuritePort: Number(azurite.port), azuritePid: Number(azurite.pid) });
      }
    });
  });
}

function stopWith(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

const portIsClosed = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('condition not met in time');
}

const healthOf = async (port: number): Promise<number> => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
  } catch {
    return 0;
  }
};

/** An address of this machine that other machines would use (none in a sandbox without a network). */
const outsideAddress = (): string | undefined =>
  Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;

const connects = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.setTimeout(2_000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('npm start', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'forumbot-start-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('given no configuration then it starts on embedded Azurite with the seeded fora, stops cleanly on Ctrl-C, and keeps the data for the next start', async () => {
    const port = await freePort();
    const first = await startBot(dataDir, port);
    expect(first.logs.some((l) => l.level === 40 && String(l.msg).startsWith('LOCAL MODE'))).toBe(true);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const storage = createStorage(azuriteConnectionString(first.azuritePort));
    const names = (await storage.fora.list()).map((f) => f.name).sort();
    expect(names).toEqual(['Chefforum', 'Infohus', 'Koordinationsgruppen', 'Kredsråd', 'Lokalråd', 'SSP-NU o18', 'SSP-NU u18', 'SSP-netværk']);

    expect(await stopWith(first.child, 'SIGINT')).toBe(0);
    expect(await portIsClosed(port)).toBe(true);
    expect(await portIsClosed(first.azuritePort)).toBe(true);

    const second = await startBot(dataDir, port);
    expect(second.logs.some((l) => l.msg === 'fora already stored; no seeding' && l.fora === 8)).toBe(true);
    expect(await stopWith(second.child, 'SIGTERM')).toBe(0);
  }, 120_000);

  it('given local mode then it listens on 127.0.0.1 only and says so', async () => {
    const port = await freePort();
    const bot = await startBot(dataDir, port);
    try {
      expect(bot.logs.some((l) => l.msg === `Forumbot listens on http://127.0.0.1:${port}/api/messages`)).toBe(true);
      expect(bot.logs.some((l) => String(l.msg).startsWith('LOCAL MODE: listening on 127.0.0.1 only'))).toBe(true);
      expect(await connects('127.0.0.1', port)).toBe(true);
      const outside = outsideAddress();
      if (outside !== undefined) expect(await connects(outside, port)).toBe(false);
    } finally {
      await stopWith(bot.child, 'SIGINT');
    }
  }, 120_000);

  it('given a bot killed with SIGKILL then its Azurite is found and stopped at the next start, and an Azurite that dies under a running bot is restarted and storage recovers', async () => {
    const port = await freePort();
    const killed = await startBot(dataDir, port);
    await stopWith(killed.child, 'SIGKILL');
    // The killed bot could not stop its Azurite: it is still running on the data folder.
    expect(alive(killed.azuritePid)).toBe(true);

    const next = await startBot(dataDir, port);
    try {
      expect(next.logs.some((l) => l.msg === 'a leftover Azurite from an earlier run on the same data folder was stopped' && l.pid === killed.azuritePid)).toBe(true);
      expect(alive(killed.azuritePid)).toBe(false);
      expect(await healthOf(port)).toBe(200);

      process.kill(next.azuritePid, 'SIGKILL');
      await eventually(() => next.logs.some((l) => l.msg === 'embedded Azurite died; starting it again on the same port'));
      await eventually(async () => (await healthOf(port)) === 200);
      const storage = createStorage(azuriteConnectionString(next.azuritePort));
      expect((await storage.fora.list()).length).toBe(8);
    } finally {
      expect(await stopWith(next.child, 'SIGINT')).toBe(0);
    }
  }, 180_000);
});
