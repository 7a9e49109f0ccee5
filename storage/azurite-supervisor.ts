import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { azuriteConnectionString, azuriteTableScript, freePort, launchAzurite, type AzuriteProcess, type RunningAzurite } from './azurite';

/**
 * The embedded Azurite under supervision: a leftover one on the same data folder (from a run that
 * was killed, so it never stopped its child) is stopped first; an Azurite that dies is started again
 * on the same port, so the bot's table clients reconnect by themselves; after too many deaths in a
 * short time the supervisor gives up and says so (the bot then exits non-zero).
 */
export interface SupervisorOptions {
  /** Azurite's data folder. */
  location: string;
  /** Fixed port; absent means a free one, kept for every restart. */
  port?: number;
  /** At most this many restarts within `windowMs`; one more death gives up. */
  maxRestarts?: number;
  windowMs?: number;
  /** Pause before a restart (Azurite needs its port released). */
  restartDelayMs?: number;
  onLeftoverStopped?(pid: number): void;
  onRestart?(event: { restarts: number; code: number | null; signal: string | null }): void;
  onGiveUp?(error: Error): void;
}

export interface SupervisedAzurite extends RunningAzurite {
  /** The pid of the Azurite running now (changes with each restart). */
  pid(): number;
}

const DEFAULTS = { maxRestarts: 5, windowMs: 10 * 60_000, restartDelayMs: 500 };

/** The command line of a process, or undefined when it is gone or cannot be read. */
function commandLineOf(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((part) => part !== '');
  } catch {
    // No /proc (macOS): ask ps. A process that is gone gives an empty answer.
    const ps = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
    const line = ps.status === 0 ? ps.stdout.trim() : '';
    return line === '' ? undefined : line.split(/\s+/);
  }
}

/** Our Azurite table script, started on exactly this data folder. */
function isAzuriteOn(commandLine: readonly string[], location: string): boolean {
  const at = commandLine.indexOf('--location');
  return commandLine.includes(azuriteTableScript()) && at >= 0 && path.resolve(commandLine[at + 1] ?? '') === path.resolve(location);
}

/** Pids of Azurite processes on `location` (Linux: every process; elsewhere none are found). */
export function findAzuriteOn(location: string): number[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return [];
  }
  return pids.filter((pid) => pid !== process.pid && isAzuriteOn(commandLineOf(pid) ?? [], location));
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops a leftover the way Azurite saves its files (SIGINT), and kills it if it will not go. */
async function stopLeftover(pid: number): Promise<void> {
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 10_000 && alive(pid); waited += 100) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  for (let waited = 0; waited < 2_000 && alive(pid); waited += 50) await sleep(50);
}

export async function startSupervisedAzurite(options: SupervisorOptions): Promise<SupervisedAzurite> {
  const { maxRestarts, windowMs, restartDelayMs } = { ...DEFAULTS, ...options };
  for (const pid of findAzuriteOn(options.location)) {
    await stopLeftover(pid);
    options.onLeftoverStopped?.(pid);
  }
  const port = options.port ?? (await freePort());
  let current: AzuriteProcess = await launchAzurite(port, options.location);
  let stopping = false;
  const deaths: number[] = [];
  let lastStartError = '';

  const watch = (running: AzuriteProcess): void => {
    void running.exited.then(async ({ code, signal }) => {
      if (stopping) return;
      const now = Date.now();
      deaths.push(now);
      while (deaths.length > 0 && (deaths[0] ?? now) < now - windowMs) deaths.shift();
      if (deaths.length > maxRestarts) {
        const last = lastStartError === '' ? `code ${String(code)}, signal ${String(signal)}` : lastStartError;
        options.onGiveUp?.(new Error(`Azurite died ${deaths.length} times within ${Math.round(windowMs / 1000)} s (last: ${last})`));
        return;
      }
      options.onRestart?.({ restarts: deaths.length, code, signal });
      await sleep(restartDelayMs);
      if (stopping) return;
      try {
        current = await launchAzurite(port, options.location);
        lastStartError = '';
        watch(current);
      } catch (error) {
        // A failed start counts as another death: the next attempt, or giving up, follows.
        lastStartError = String(error);
        watch({ pid: -1, exited: Promise.resolve({ code: null, signal: null }), stop: () => Promise.resolve() });
      }
    });
  };
  watch(current);

  return {
    port,
    connectionString: azuriteConnectionString(port),
    pid: () => current.pid,
    stop: async () => {
      stopping = true;
      await current.stop();
    },
  };
}
