import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

/** The well-known account of the storage emulator (public, documented by Microsoft). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export const azuriteConnectionString = (port: number, host = '127.0.0.1'): string =>
  `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://${host}:${port}/${DEV_ACCOUNT};`;

export interface AzuriteOptions {
  /** Folder for Azurite's files; absent means in memory (tests). */
  location?: string;
  /** Fixed port; absent means a free one. */
  port?: number;
}

export interface RunningAzurite {
  port: number;
  connectionString: string;
  stop(): Promise<void>;
}

/** One Azurite process as started: its pid and a promise that settles when it exits. */
export interface AzuriteProcess {
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

/** Asks the OS for a free port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function azuriteTableScript(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('azurite/package.json')), 'dist', 'src', 'table', 'main.js');
}

/**
 * Starts Azurite's table service from node_modules on 127.0.0.1 and resolves once it listens.
 * Azurite does not report the port it got for port 0, so we pick a free one and retry if another
 * process takes it first.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      const child = await launch(port, options.location);
      return {
        port,
        connectionString: azuriteConnectionString(port),
        stop: () => stopChild(child),
      };
    } catch (error) {
      lastError = error;
      if (options.port !== undefined) break;
    }
  }
  throw new Error(`Azurite could not start: ${String(lastError)}`);
}

/** Starts one Azurite on `port`; resolves once it listens. */
export async function launchAzurite(port: number, location: string | undefined): Promise<AzuriteProcess> {
  const child = await launch(port, location);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { pid: child.pid ?? -1, exited, stop: () => stopChild(child) };
}

function launch(port: number, location: string | undefined): Promise<ChildProcess> {
  const args = [
    azuriteTableScript(),
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
    '--skipApiVersionCheck',
    '--disableTelemetry',
    ...(location === undefined ? ['--inMemoryPersistence'] : ['--location', location]),
  ];
  // Own process group: a Ctrl-C in the terminal reaches only us, and we stop Azurite in order.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`no answer within 20 s: ${output}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('successfully')) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(child);
      } else if (/EADDRINUSE|error/i.test(output)) {
        fail(new Error(output.trim()));
      }
    };
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`exited with code ${String(code)}: ${output.trim()}`)));
  });
}

/**
 * Azurite saves its on-disk store on a 5 s timer and on a graceful close, which it does on SIGINT
 * only (SIGTERM would lose the last seconds of writes).
 */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGINT');
  });
}
