/**
 * A Microsoft Graph emulator for the one thing Forumbot asks Graph: installing the app for a user
 * (proactive installation) and finding the 1:1 chat that install made. It shares its people with
 * a Teams connector emulator: an install here makes the user reachable there, and the chat id it
 * answers is the connector's 1:1 conversation id.
 *
 * ```ts
 * const graph = await startGraphEmulator({ connector, catalogAppId: 'cat-1', token: 'tok', client: { id, secret } });
 * // POST {graph.authorityUrl}/{tenant}/oauth2/v2.0/token (client credentials) → { access_token: 'tok' }
 * // POST {graph.baseUrl}users/{aad}/teamwork/installedApps  (Authorization: Bearer tok)
 * ```
 *
 * Answers as Graph does: 401 `InvalidAuthenticationToken` without the right bearer token, 403
 * `Forbidden` while the admin has not consented to `TeamsAppInstallation.ReadWriteSelfForUser.All`,
 * 404 `NotFound` for an unknown user or catalog app, 409 `Conflict` when the app is already
 * installed for the user, 201 with an empty body on success, 400 `BadRequest` for a malformed body,
 * and 429 `TooManyRequests` with `Retry-After` (seconds) past its rate limit or during
 * `throttleFor`. Graph publishes no fixed figure for this call, so the limit is an option
 * (default 20 requests a second per tenant); a request before a given Retry-After has passed is
 * counted in `stats().retryAfterIgnored`.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, retryAfterHeader, sendJson } from './emulator-http';
import { SlidingWindows, type WindowLimit } from './sliding-window';
import type { TeamsConnectorEmulator } from './teams-connector-emulator';

export interface GraphEmulatorOptions {
  connector: TeamsConnectorEmulator;
  catalogAppId: string;
  /** The bearer token Graph accepts; anything else is 401. */
  token: string;
  /** Client credentials its token endpoint exchanges for `token` (`{authorityUrl}/{tenant}/oauth2/v2.0/token`). */
  client?: { id: string; secret: string };
  /** Admin consent to the application permission. Default true. */
  consented?: boolean;
  limits?: readonly WindowLimit[];
  /** Multiplies windows and Retry-After, as the connector emulator's. Default 1. */
  timeScale?: number;
  now?: () => number;
}

export interface GraphEmulatorStats {
  requests: number;
  installs: number;
  conflicts: number;
  throttled: number;
  retryAfterIgnored: number;
}

export interface GraphEmulator {
  /** `http://127.0.0.1:<port>/v1.0/`. */
  readonly baseUrl: string;
  /** Stands in for `https://login.microsoftonline.com`. */
  readonly authorityUrl: string;
  setConsent(consented: boolean): void;
  throttleFor(durationMs: number, retryAfterSeconds?: number): void;
  stats(): GraphEmulatorStats;
  requests(): { method: string; path: string; status: number }[];
  close(): Promise<void>;
}

const graphError = (code: string, message: string): { error: { code: string; message: string } } => ({ error: { code, message } });

const installationIdOf = (userId: string, appId: string): string => Buffer.from(`${userId}##${appId}`).toString('base64url');

export async function startGraphEmulator(options: GraphEmulatorOptions): Promise<GraphEmulator> {
  const timeScale = options.timeScale ?? 1;
  const now = options.now ?? Date.now;
  const limits = (options.limits ?? [{ windowMs: 1_000, max: 20 }]).map((limit) => ({ windowMs: limit.windowMs * timeScale, max: limit.max }));
  const windows = new SlidingWindows(limits);
  let consented = options.consented ?? true;
  let stormUntil = 0;
  let stormSeconds = 1;
  let notBefore = 0;
  const stats: GraphEmulatorStats = { requests: 0, installs: 0, conflicts: 0, throttled: 0, retryAfterIgnored: 0 };
  const log: { method: string; path: string; status: number }[] = [];
  const { connector, catalogAppId } = options;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    stats.requests++;
    const at = now();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://graph.local');
    const respond = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      log.push({ method, path: url.pathname, status });
      sendJson(res, status, body, headers);
    };
    const body = method === 'POST' ? await readBody(req, 16_384) : undefined;

    if (method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(url.pathname)) {
      const form = new URLSearchParams(body?.text ?? '');
      const client = options.client;
      if (client === undefined || form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== client.id || form.get('client_secret') !== client.secret) {
        return respond(401, { error: 'invalid_client', error_description: 'Invalid client secret provided.' });
      }
      return respond(200, { token_type: 'Bearer', expires_in: 3599, access_token: options.token });
    }

    if (req.headers.authorization !== `Bearer ${options.token}`) {
      return respond(401, graphError('InvalidAuthenticationToken', 'Access token is empty or invalid.'));
    }
    if (at < notBefore) stats.retryAfterIgnored++;
    const throttle = (ms: number): void => {
      stats.throttled++;
      notBefore = Math.max(notBefore, at + ms);
      respond(429, graphError('TooManyRequests', 'Too many requests.'), { 'retry-after': retryAfterHeader(ms, timeScale) });
    };
    if (at < stormUntil) return throttle(stormSeconds * 1000 * timeScale);
    const verdict = windows.check(at);
    if (!verdict.ok) return throttle(verdict.retryAfterMs);
    windows.record(at);

    if (!consented) {
      return respond(403, graphError('Forbidden', "Missing role permissions on the request. API requires one of 'TeamsAppInstallation.ReadWriteSelfForUser.All'."));
    }
    const parts = url.pathname.split('/').filter((part) => part.length > 0).map((part) => decodeURIComponent(part));
    if (parts[0] !== 'v1.0' || parts[1] !== 'users' || parts[3] !== 'teamwork' || parts[4] !== 'installedApps' || parts[2] === undefined) {
      return respond(400, graphError('BadRequest', 'Resource not found for the segment.'));
    }
    const userId = parts[2];
    const user = connector.findUser(userId);
    if (user === undefined) return respond(404, graphError('NotFound', `User ${userId} not found.`));
    const installationId = installationIdOf(userId, catalogAppId);

    if (method === 'POST' && parts.length === 5) {
      let bind: unknown;
      try {
        bind = (JSON.parse(body?.text ?? '') as Record<string, unknown>)['teamsApp@odata.bind'];
      } catch {
        return respond(400, graphError('BadRequest', 'Body is not JSON.'));
      }
      const appId = typeof bind === 'string' ? /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind)?.[1] : undefined;
      if (appId === undefined) return respond(400, graphError('BadRequest', 'teamsApp@odata.bind is required.'));
      if (appId !== catalogAppId) return respond(404, graphError('NotFound', 'App not found in the catalog.'));
      if (user.installed) {
        stats.conflicts++;
        return respond(409, graphError('Conflict', 'App is already installed for the user.'));
      }
      connector.setUser(userId, { installed: true });
      stats.installs++;
      return respond(201, undefined);
    }
    if (method === 'GET' && parts.length === 5) {
      const filter = url.searchParams.get('$filter') ?? '';
      const wanted = /teamsApp\/id eq '([^']+)'/.exec(filter)?.[1];
      const installed = user.installed && (wanted === undefined || wanted === catalogAppId);
      return respond(200, { value: installed ? [{ id: installationId, teamsApp: { id: catalogAppId, displayName: 'Forumbot' } }] : [] });
    }
    if (method === 'GET' && parts.length === 7 && parts[6] === 'chat') {
      if (parts[5] !== installationId || !user.installed) return respond(404, graphError('NotFound', 'Installation not found.'));
      return respond(200, { id: user.personalConversationId, chatType: 'oneOnOne', tenantId: user.tenantId });
    }
    return respond(405, graphError('MethodNotAllowed', 'Not supported.'));
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, graphError('InternalServerError', String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0/`,
    authorityUrl: `http://127.0.0.1:${port}`,
    setConsent: (value) => {
      consented = value;
    },
    throttleFor: (durationMs, retryAfterSeconds = 1) => {
      stormUntil = now() + durationMs;
      stormSeconds = retryAfterSeconds;
    },
    stats: () => ({ ...stats }),
    requests: () => [...log],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
