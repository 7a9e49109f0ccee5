import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./outbox-worker.child.ts', import.meta.url));

export interface WorkerProcessOptions {
  connectionString: string;
  prefix: string;
  owner: string;
  /** A message's lease: how soon a message caught mid-send by a kill is found in doubt. */
  leaseMs: number;
  requestTimeoutMs?: number;
  shardLeaseMs?: number;
  timeScale?: number;
  pollMs?: number;
  /** False: no shard leases (every worker reads everything with the whole budget, as before shards). */
  shards?: boolean;
}

/** Starts an outbox worker in its own process on the given tables; resolves once it runs. */
export async function startWorkerProcess(options: WorkerProcessOptions): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      OUTBOX_CONNECTION_STRING: options.connectionString,
      OUTBOX_PREFIX: options.prefix,
      OUTBOX_LEASE_MS: String(options.leaseMs),
      OUTBOX_REQUEST_TIMEOUT_MS: String(options.requestTimeoutMs ?? 1_500),
      OUTBOX_OWNER: options.owner,
      ...(options.shardLeaseMs === undefined ? {} : { OUTBOX_SHARD_LEASE_MS: String(options.shardLeaseMs) }),
      ...(options.timeScale === undefined ? {} : { OUTBOX_TIME_SCALE: String(options.timeScale) }),
      ...(options.pollMs === undefined ? {} : { OUTBOX_POLL_MS: String(options.pollMs) }),
      ...(options.shards === false ? { OUTBOX_SHARDS: 'off' } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve();
    });
    child.once('exit', (code, signal) => reject(new Error(`worker exited before it was ready (${code ?? signal})`)));
  });
  return child;
}

export const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
