import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from './logger';

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  /** Resolves when storage answers; the health check's only question. */
  ping: () => Promise<void>;
  logger: Logger;
  /** How long /healthz waits for storage before it says 503. */
  healthTimeoutMs?: number;
  /** Adds the features' routes (calendar files, the tab and its API). */
  extend?: (server: Server) => void;
}

export interface BotServer {
  listen(port: number, host?: string): Promise<number>;
  /** Stops taking requests, waits for turns in flight (at most `graceMs`), then closes every connection. */
  close(graceMs?: number): Promise<void>;
  /** Turns being processed right now. */
  inFlight(): number;
}

/** Teams activities are well under this; anything bigger is not from Teams. */
const MAX_BODY_BYTES = 512 * 1024;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** restify with `POST /api/messages` (the Bot Framework endpoint) and `GET /healthz`. */
export function createBotServer(deps: ServerDeps): BotServer {
  const { adapter, bot, logger } = deps;
  const healthTimeoutMs = deps.healthTimeoutMs ?? 2_000;
  const server = restify.createServer({ name: 'forumbot', handleUncaughtExceptions: false });
  const turns = new Set<Promise<void>>();
  let closing = false;

  // While shutting down, requests on connections that are still open are turned away.
  server.pre((_req, res, next) => {
    if (!closing) return next();
    res.header('Connection', 'close');
    res.send(503, { status: 'stopping' });
    return next(false);
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req, res) => {
    const turn = adapter.process(req, res, (context) => bot.run(context));
    turns.add(turn);
    try {
      await turn;
    } finally {
      turns.delete(turn);
    }
  });

  server.get('/healthz', async (_req, res) => {
    try {
      await within(deps.ping(), healthTimeoutMs);
      res.send(200, { status: 'ok' });
    } catch (error) {
      logger.warn({ err: error }, 'health check: storage does not answer');
      res.send(503, { status: 'unavailable' });
    }
  });

  deps.extend?.(server);

  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),

    async close(graceMs = 10_000) {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if (turns.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
        const outcome = await Promise.race([Promise.allSettled([...turns]).then(() => 'done' as const), deadline]);
        clearTimeout(timer);
        if (outcome === 'timeout') logger.warn({ turns: turns.size, graceMs }, 'shutdown: turns still running after the grace period');
      }
      server.server.closeAllConnections();
      await closed;
    },

    inFlight: () => turns.size,
  };
}
