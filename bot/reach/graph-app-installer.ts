import { z } from 'zod';
import { parseRetryAfter } from '../../domain/outbox/backoff';
import { SlidingWindowSchedule, type RateWindow } from '../../domain/outbox/rate-limit.policy';
import type { AppInstaller, InstallOutcome } from '../../domain/reach/app-installer';

/**
 * Installs Forumbot for a person through Microsoft Graph (proactive installation), for people in no
 * team the app is in. Needs the application permission `TeamsAppInstallation.ReadWriteSelfForUser.All`
 * with admin consent, and the app's id in the organisation's app catalog.
 *
 *   POST {graph}/users/{id}/teamwork/installedApps   { "teamsApp@odata.bind": ".../appCatalogs/teamsApps/{catalogAppId}" }
 *        201 installed now, 409 installed before: both mean "there is a chat with the bot"
 *   GET  {graph}/users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{catalogAppId}'
 *   GET  {graph}/users/{id}/teamwork/installedApps/{installationId}/chat   → the 1:1 chat's id
 *
 * Its own rate limit (Graph's, not Teams'): requests are spaced by a sliding window per tenant, and
 * a 429's Retry-After stops every request of that tenant until it has passed. One `install` is at
 * most three requests; a 429 on any of them returns `throttled` and the outbox tries again later.
 */
export interface GraphInstallerOptions {
  /** `https://graph.microsoft.com/v1.0/` (with the trailing slash). */
  baseUrl: string;
  catalogAppId: string;
  token: (tenantId: string) => Promise<string>;
  limits?: readonly RateWindow[];
  requestTimeoutMs?: number;
  now?: () => number;
}

/** Graph's throttling for this call is not published as a figure; this keeps well below what is seen. */
export const GRAPH_INSTALL_LIMITS: readonly RateWindow[] = [{ windowMs: 1_000, max: 10 }];

const Installed = z.object({ value: z.array(z.object({ id: z.string().min(1) }).loose()) }).loose();
const Chat = z.object({ id: z.string().min(1) }).loose();

type Answer = { ok: true; status: number; body: unknown } | { ok: false; outcome: InstallOutcome };

export function createGraphAppInstaller(options: GraphInstallerOptions): AppInstaller {
  const now = options.now ?? Date.now;
  const timeout = options.requestTimeoutMs ?? 15_000;
  const schedules = new Map<string, SlidingWindowSchedule>();
  const blockedUntil = new Map<string, number>();
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;

  const scheduleOf = (tenantId: string): SlidingWindowSchedule => {
    let found = schedules.get(tenantId);
    if (found === undefined) {
      found = new SlidingWindowSchedule(options.limits ?? GRAPH_INSTALL_LIMITS, 0.05, 10, 0.5);
      schedules.set(tenantId, found);
    }
    return found;
  };

  /** Waits for this tenant's next slot (and any Retry-After), then takes it. */
  async function slot(tenantId: string): Promise<void> {
    for (;;) {
      const at = Math.max(scheduleOf(tenantId).earliest(now()), blockedUntil.get(tenantId) ?? 0);
      if (at <= now()) break;
      await new Promise((resolve) => setTimeout(resolve, at - now()));
    }
    scheduleOf(tenantId).record(now());
  }

  async function request(tenantId: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
    let token: string;
    try {
      token = await options.token(tenantId);
    } catch (error) {
      return { ok: false, outcome: { kind: 'refused', reason: 'InstallNotAllowed', detail: `no Graph token: ${error instanceof Error ? error.message : String(error)}` } };
    }
    await slot(tenantId);
    let response: Response;
    try {
      response = await fetch(new URL(path, base), {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeout),
      });
    } catch (error) {
      // Installing twice is harmless (409 = success), so a lost answer is simply tried again.
      return { ok: false, outcome: { kind: 'transient', detail: `Graph: ${error instanceof Error ? error.message : String(error)}` } };
    }
    const text = await response.text();
    const parsed: unknown = text.length > 0 ? safeJson(text) : undefined;
    const detail = `Graph ${method} ${response.status} ${errorCode(parsed)}`.trim();
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
      blockedUntil.set(tenantId, now() + (retryAfterMs ?? 2_000));
      return { ok: false, outcome: retryAfterMs === undefined ? { kind: 'throttled' } : { kind: 'throttled', retryAfterMs } };
    }
    if (response.status === 401 || response.status === 403) return { ok: false, outcome: { kind: 'refused', reason: 'InstallNotAllowed', detail } };
    if (response.status === 404) return { ok: false, outcome: { kind: 'refused', reason: 'UserNotFound', detail } };
    if (response.status >= 500) return { ok: false, outcome: { kind: 'transient', detail } };
    return { ok: true, status: response.status, body: parsed };
  }

  return {
    async install(userId, tenantId) {
      const user = `users/${encodeURIComponent(userId)}/teamwork/installedApps`;
      const posted = await request(tenantId, 'POST', user, { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${options.catalogAppId}` });
      if (!posted.ok) return posted.outcome;
      const already = posted.status === 409;
      if (posted.status !== 201 && !already) return { kind: 'refused', reason: 'InstallNotAllowed', detail: `Graph POST answered ${posted.status} ${errorCode(posted.body)}` };

      const listed = await request(tenantId, 'GET', `${user}?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/id eq '${options.catalogAppId}'`)}`);
      if (!listed.ok) return listed.outcome;
      const installation = Installed.safeParse(listed.body);
      const installationId = installation.success ? installation.data.value[0]?.id : undefined;
      // Just installed but not listed yet (Graph is eventually consistent): look again later.
      if (installationId === undefined) return { kind: 'transient', detail: 'Graph lists no installation yet' };

      const chat = await request(tenantId, 'GET', `${user}/${encodeURIComponent(installationId)}/chat`);
      if (!chat.ok) return chat.outcome;
      const parsedChat = Chat.safeParse(chat.body);
      if (!parsedChat.success) return { kind: 'transient', detail: 'Graph answered a chat without an id' };
      return { kind: 'installed', conversationId: parsedChat.data.id, already };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorCode(body: unknown): string {
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' ? code : '';
}
