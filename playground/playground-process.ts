/**
 * Starts Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground) from node_modules as
 * a child process, offline: no browser of its own, no telemetry. It reads
 * `.m365agentsplayground.yml` from its working directory and writes `devTools/` logs there, so
 * callers give it a folder of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export const PLAYGROUND_CONFIG_FILE = '.m365agentsplayground.yml';

export interface PlaygroundOptions {
  /** The bot's Bot Framework endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Wanted port; the Playground takes another one when it is busy, so read `port` back. */
  port: number;
  /** Folder the Playground runs in; created if missing. */
  workDir: string;
  /** The text of `.m365agentsplayground.yml`, written into `workDir`. */
  config: string;
  /** Each line the Playground prints (default: dropped). */
  onOutput?: (line: string) => void;
  /** How long to wait for it to answer (default 30 s). */
  startTimeoutMs?: number;
}

export interface RunningPlayground {
  port: number;
  /** The web UI, e.g. http://127.0.0.1:56150/. */
  url: string;
  /** Its mock Bot Connector, the serviceUrl in every activity it sends. */
  connectorUrl: string;
  stop(): Promise<void>;
}

function cliPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
}

/** Resolves when `/_debug/ping` answers; the Playground prints its port before it serves. */
async function waitForPing(port: number, deadline: number, exited: () => string | undefined): Promise<void> {
  for (;;) {
    const exit = exited();
    if (exit !== undefined) throw new Error(exit);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/_debug/ping`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`no answer on /_debug/ping within the start timeout`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  await mkdir(options.workDir, { recursive: true });
  await writeFile(path.join(options.workDir, PLAYGROUND_CONFIG_FILE), options.config);
  const args = [cliPath(), '-e', options.botEndpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(options.port)];
  const child = spawn(process.execPath, args, {
    cwd: options.workDir,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', APPLICATION_INSIGHTS_NO_STATSBEAT: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test worker or a trial that dies must not leave the Playground running.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let output = '';
  let exitMessage: string | undefined;
  let resolvePort: (port: number) => void = () => undefined;
  const listening = new Promise<number>((resolve) => (resolvePort = resolve));
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString();
    output = (output + text).slice(-4_000);
    for (const line of text.split('\n')) if (line.trim() !== '') options.onOutput?.(line.trimEnd());
    const match = /Listening on (\d+)/.exec(output);
    if (match?.[1] !== undefined) resolvePort(Number(match[1]));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.once('exit', (code, signal) => (exitMessage = `Agents Playground exited (${signal ?? code}): ${output.trim()}`));

  const stop = (): Promise<void> => stopChild(child).finally(() => process.off('exit', killOnExit));
  try {
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Agents Playground printed no port within ${timeoutMs} ms: ${output.trim()}`)), timeoutMs);
    });
    const exited = new Promise<never>((_, reject) => child.once('exit', () => reject(new Error(exitMessage))));
    exited.catch(() => undefined); // a later exit (stop) is no error
    const port = await Promise.race([listening, timeout, exited]).finally(() => clearTimeout(timer));
    await waitForPing(port, deadline, () => exitMessage);
    return { port, url: `http://127.0.0.1:${port}/`, connectorUrl: `http://localhost:${port}/_connector`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
