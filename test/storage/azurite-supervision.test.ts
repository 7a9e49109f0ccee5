import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAzurite } from '../../storage/azurite';
import { findAzuriteOn, startSupervisedAzurite, type SupervisedAzurite } from '../../storage/azurite-supervisor';
import { createStorage } from '../../storage/index';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not met in time');
}

const reachable = async (connectionString: string, storage = createStorage(connectionString)): Promise<boolean> => {
  try {
    await storage.ping();
    return true;
  } catch {
    return false;
  }
};

describe('the supervised embedded Azurite', () => {
  const folders: string[] = [];
  const running: SupervisedAzurite[] = [];
  const folder = (): string => {
    const made = mkdtempSync(path.join(tmpdir(), 'forumbot-azurite-'));
    folders.push(made);
    return made;
  };
  afterEach(async () => {
    for (const azurite of running.splice(0)) await azurite.stop();
    for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
  });

  it('given Azurite is killed under a running bot then it is started again on the same port and storage answers again', async () => {
    const restarts: number[] = [];
    const azurite = await startSupervisedAzurite({ location: folder(), restartDelayMs: 100, onRestart: (e) => restarts.push(e.restarts) });
    running.push(azurite);
    // The bot's own storage object, made once before the crash, is the one that must recover.
    const storage = createStorage(azurite.connectionString);
    expect(await reachable(azurite.connectionString, storage)).toBe(true);
    const first = azurite.pid();
    process.kill(first, 'SIGKILL');
    expect(await reachable(azurite.connectionString, storage)).toBe(false);
    await eventually(() => azurite.pid() !== first && alive(azurite.pid()));
    await eventually(() => reachable(azurite.connectionString, storage));
    expect(restarts).toEqual([1]);
  }, 60_000);

  it('given Azurite keeps dying then the supervisor gives up after its bound and says so', async () => {
    let gaveUp: Error | undefined;
    const azurite = await startSupervisedAzurite({ location: folder(), restartDelayMs: 50, maxRestarts: 1, onGiveUp: (error) => (gaveUp = error) });
    running.push(azurite);
    const first = azurite.pid();
    process.kill(first, 'SIGKILL');
    await eventually(() => azurite.pid() !== first && alive(azurite.pid()));
    process.kill(azurite.pid(), 'SIGKILL');
    await eventually(() => gaveUp !== undefined);
    expect(gaveUp?.message).toMatch(/died 2 times/);
  }, 60_000);

  it('given an Azurite left over on the same data folder by a killed run then it is found and stopped before ours starts', async () => {
    const location = folder();
    const leftover = await startAzurite({ location });
    const stopped: number[] = [];
    try {
      expect(findAzuriteOn(location).length).toBe(1);
      const azurite = await startSupervisedAzurite({ location, onLeftoverStopped: (pid) => stopped.push(pid) });
      running.push(azurite);
      expect(stopped).toHaveLength(1);
      expect(alive(stopped[0] ?? -1)).toBe(false);
      expect(findAzuriteOn(location)).toEqual([azurite.pid()]);
      expect(await reachable(azurite.connectionString)).toBe(true);
    } finally {
      await leftover.stop();
    }
  }, 60_000);

  it('given an Azurite on another data folder then it is left alone', async () => {
    const other = await startAzurite({ location: folder() });
    try {
      const azurite = await startSupervisedAzurite({ location: folder() });
      running.push(azurite);
      expect(await reachable(other.connectionString)).toBe(true);
    } finally {
      await other.stop();
    }
  }, 60_000);
});
