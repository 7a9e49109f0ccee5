import type { AddressInfo } from 'node:net';
import restify, { type Request, type Response } from 'restify';
import type { Activity, ActivityHandler } from 'botbuilder';
import { tokenFailureStatus, type ForumbotAdapter } from './adapter';
import { checkedActivity } from './http/activity-envelope';
import { failureStatus, genericBody } from './http/request-outcome';
import type { HttpRequest, HttpResponse, HttpRoute } from './core/http-route';
import type { Logger } from './logger';

export interface ServerDeps {
  adapter: ForumbotAdapter;
  bot: ActivityHandler;
  /** Resolves when storage answers; the health check's only question. */
  ping: () => Promise<void>;
  logger: Logger;
  /** How long /healthz waits for storage before it says 503. */
  healthTimeoutMs?: number;
  /** Whether the background workers (the outbox) run; /healthz/ready says 503 when they do not. */
  workersRunning?: () => boolean;
  /** The features' routes (calendar files, downloads, the tab and its API), each with its declared access. */
  routes?: readonly HttpRoute[];
  /** Runs a route's access check and handler (see core/http-route). */
  runRoute?: (route: HttpRoute, req: HttpRequest) => Promise<HttpResponse>;
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

/** restify's request as routes see it. */
function httpRequestOf(req: Request): HttpRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  const params: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries((req.params ?? {}) as Record<string, unknown>)) if (typeof value === 'string') params[name] = value;
  // The server has no query parser plugin: the query comes from the URL.
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
  return { method: req.method ?? 'GET', path: req.path(), params, query, headers, body: req.body as unknown };
}

function send(res: Response, answer: HttpResponse): void {
  // No route's answer may be read as another type than it says (a CSV or text as HTML).
  res.header('x-content-type-options', 'nosniff');
  if ('json' in answer) {
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.header(name, value);
    res.send(answer.status, answer.json);
    return;
  }
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
  res.writeHead(answer.status, { 'x-content-type-options': 'nosniff', ...answer.headers, 'content-length': String(body.length) });
  res.end(body);
}

/** restify with `POST /api/messages` (the Bot Framework endpoint) and `GET /healthz`, `/healthz/live`, `/healthz/ready`. */
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
  // restify's own refusals (bad JSON, wrong content type, too large, unknown path) and any error a
  // route lets through are answered with a short fixed body: never a parser message or a stack.
  server.on('restifyError', (_req: Request, _res: Response, err: Error & { statusCode?: number; toJSON?: () => unknown; toString: () => string }, callback: () => void) => {
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 500) logger.error({ err }, 'request failed');
    const body = genericBody(status);
    err.toJSON = () => body;
    err.toString = () => body.error;
    return callback();
  });

  server.post('/api/messages', async (req, res) => {
    const activity = checkedActivity(req.body);
    if (activity === undefined) {
      res.send(400, genericBody(400));
      return;
    }
    const authorization = req.headers.authorization;
    const turn = (async () => {
      try {
        const invoke = await adapter.processChecked(typeof authorization === 'string' ? authorization : '', activity as unknown as Activity, (context) => bot.run(context));
        // An invoke no handler answers comes back as 501 from botbuilder: for us it is a request we do not take.
        const status = invoke?.status === 501 ? 400 : (invoke?.status ?? 200);
        if (invoke?.body === undefined) res.send(status);
        else res.send(status, invoke.body);
      } catch (error) {
        const status = failureStatus(error, tokenFailureStatus(error));
        if (status === 500) logger.error({ err: error, activityId: typeof activity['id'] === 'string' ? activity['id'] : undefined }, 'activity failed');
        else logger.warn({ status, reason: error instanceof Error ? error.name : 'unknown' }, status === 401 ? 'request refused: token not verified' : 'request refused: a dependency is unreachable');
        if (!res.headersSent) res.send(status, genericBody(status));
      }
    })();
    turns.add(turn);
    try {
      await turn;
    } finally {
      turns.delete(turn);
    }
  });

  const storageAnswers = async (): Promise<boolean> => {
    try {
      await within(deps.ping(), healthTimeoutMs);
      return true;
    } catch (error) {
      logger.warn({ err: error }, 'health check: storage does not answer');
      return false;
    }
  };

  // Kept for older probes: storage only.
  server.get('/healthz', async (_req, res) => {
    if (await storageAnswers()) res.send(200, { status: 'ok' });
    else res.send(503, { status: 'unavailable' });
  });

  // The process answers at all. App Service restarts an instance only on this, so a storage blip
  // takes instances out of the load balancer (ready) without recycling them.
  server.get('/healthz/live', async (_req, res) => {
    res.send(200, { status: 'live' });
    return Promise.resolve();
  });

  // Worth sending traffic to: storage answers and the outbox worker runs.
  server.get('/healthz/ready', async (_req, res) => {
    const storage = await storageAnswers();
    const outbox = deps.workersRunning?.() ?? true;
    const body = { status: storage && outbox ? 'ready' : 'unavailable', storage: storage ? 'ok' : 'unreachable', outbox: outbox ? 'running' : 'stopped' };
    res.send(storage && outbox ? 200 : 503, body);
  });

  const { runRoute, routes = [] } = deps;
  for (const route of routes) {
    if (runRoute === undefined) break;
    const handler = async (req: Request, res: Response): Promise<void> => {
      try {
        send(res, await runRoute(route, httpRequestOf(req)));
      } catch (error) {
        logger.error({ err: error, path: req.path() }, 'route failed');
        if (!res.headersSent) res.send(500, genericBody(500));
      }
    };
    if (route.method === 'GET') server.get(route.path, handler);
    else server.post(route.path, handler);
  }

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
