/**
 * A Teams connector emulator: a real HTTP server on 127.0.0.1 that answers a bot the way the Bot
 * Framework connector does for Teams, Teams' rate limits and error codes included. Test harness 2
 * (issue 3): for many users, 1:1 creation, activity updates and real 429s, which the Agents
 * Playground cannot do.
 *
 * ```ts
 * const emulator = await startTeamsConnectorEmulator({ timeScale: 0.1, conversations: 'known-only' });
 * const user = emulator.addUser({ aadObjectId: 'aad-1' });           // installed, not blocked
 * // give the bot `emulator.serviceUrl` as serviceUrl (incoming activities, conversation references)
 * await emulator.waitFor((e) => e.sent(user.personalConversationId).length === 1, 5_000);
 * expect(emulator.stats().violations).toBe(0);
 * await emulator.close();
 * ```
 *
 * Exported API (everything else in this folder is internal):
 * - `startTeamsConnectorEmulator(options?: EmulatorOptions): Promise<TeamsConnectorEmulator>`
 * - `TeamsConnectorEmulator`
 *   - `serviceUrl` — `http://127.0.0.1:<port>/teams/`, with the trailing slash Teams uses.
 *   - `sent(conversationId?)` — activities posted (sends and replies), oldest first; each
 *     `{ id, conversationId, replyToId?, activity, tenantId, receivedAt }`.
 *   - `updates(conversationId?)` — updates and deletes (`kind: 'update' | 'delete'`).
 *   - `requests()` — every request with its status and refusal reason.
 *   - `createdConversations()` — ids answered by `POST /v3/conversations`.
 *   - `stats()` — counters (`requests`, `sends`, `throttled`, `windowViolations`,
 *     `retryAfterIgnored`, `violations` = the two together, injected faults…).
 *   - `waitFor(predicate, timeoutMs)` — resolves once `predicate(emulator)` holds (checked after
 *     every request), rejects after the timeout.
 *   - `addUser({ aadObjectId, teamsId?, tenantId?, installed?, blocked? })` → `EmulatedUser` with
 *     its `personalConversationId`; `setUser(aadObjectId, { installed?, blocked? })`.
 *   - `addConversation({ id?, kind, tenantId? })`, `deleteConversation(id)` (then 404).
 *   - `setFaults(faults)` — change injected faults while running;
 *     `throttleFor(ms, { retryAfterSeconds })` — answer every request 429 for `ms` of wall-clock
 *     time (a storm), with Retry-After in Teams seconds (scaled) for the whole tenant.
 *   - `close()`.
 *
 * HTTP surface (ids URL-encoded by the client; they may hold `:` `;` `@`):
 * - `POST /v3/conversations/{id}/activities` and `…/activities/{replyToId}` → 201 `{ id }`
 * - `PUT /v3/conversations/{id}/activities/{activityId}` → 200 `{ id }`; `DELETE` same → 200
 * - `POST /v3/conversations` `{ isGroup: false, members: [{ id }], tenantId, channelData }` → 201
 *   `{ id }`; 403 `BotNotInConversationRoster` when the app is not installed for that user
 * - `GET /v3/conversations/{id}/members` → 200 `[ChannelAccount]`
 * - `GET /v3/conversations/{teamId}/pagedmembers?pageSize=&continuationToken=` → 200
 *   `{ members, continuationToken? }` (at most 500 a page, 200 without `pageSize`; an opaque token;
 *   a forged one gets 400), 403 `BotNotInConversationRoster` when the app is not in the team
 * - `GET /v3/teams/{teamId}/conversations` → 200 `{ conversations: [{ id, name? }] }` (General has
 *   the team's id and no name); `GET /v3/teams/{teamId}` → team details
 * A 1:1 chat can be created with a person the app is installed for, or who is in a team the app
 * is installed in (`addTeam`, `addTeamMember`, `removeTeamMember`); otherwise 403.
 * - `GET /v3/conversations/{id}/activities…` → 405, as the real connector: bots cannot read a
 *   conversation's messages back. The emulator offers nothing the real connector does not.
 *
 * Limits, as Teams documents them (windows × `timeScale`): per conversation 7/1 s, 8/2 s, 60/30 s,
 * 1,800/h for writes (reads double), per tenant 50/s for every request. A request beyond a window
 * gets 429 with `Retry-After` (whole seconds at scale 1, decimal seconds when scaled) and counts as a
 * window violation; refused requests do not use up the window. Errors: 403 `MessageWritesBlocked`
 * (blocked or uninstalled), 404 `ConversationNotFound`, 413 `MessageSizeTooBig`, 400 `BadArgument`.
 * Any or no `Authorization` header is accepted (local mode).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { SlidingWindows, type WindowLimit } from './sliding-window';
import { TEAMS_LIMITS, scaleLimits, type TeamsLimits } from './teams-limits';
import { errorBody, readBody, retryAfterHeader, seededRandom, sendJson } from './emulator-http';
import { route } from './emulator-routes';
import { EmulatedTeams } from './emulator-teams';
import type {
  ConversationKind,
  EmulatedConversation,
  EmulatedTeam,
  EmulatedUser,
  EmulatorFaults,
  EmulatorOptions,
  EmulatorStats,
  RecordedActivity,
  RecordedRequest,
  RecordedUpdate,
} from './emulator-types';

export type * from './emulator-types';

export interface TeamsConnectorEmulator {
  readonly serviceUrl: string;
  sent(conversationId?: string): RecordedActivity[];
  updates(conversationId?: string): RecordedUpdate[];
  requests(): RecordedRequest[];
  createdConversations(): string[];
  stats(): EmulatorStats;
  waitFor(predicate: (emulator: TeamsConnectorEmulator) => boolean, timeoutMs: number): Promise<void>;
  addUser(user: { aadObjectId: string; teamsId?: string; tenantId?: string; installed?: boolean; blocked?: boolean; name?: string; email?: string; upn?: string }): EmulatedUser;
  setUser(aadObjectId: string, change: { installed?: boolean; blocked?: boolean }): EmulatedUser;
  findUser(aadObjectId: string): EmulatedUser | undefined;
  /** A team with the app installed (unless `botInstalled: false`); `channels` names the channels besides General. */
  addTeam(team: { id?: string; name: string; tenantId?: string; members?: readonly string[]; channels?: readonly string[]; botInstalled?: boolean }): EmulatedTeam;
  addTeamMember(teamId: string, aadObjectId: string): void;
  removeTeamMember(teamId: string, aadObjectId: string): void;
  setTeamInstalled(teamId: string, installed: boolean): void;
  addConversation(conversation: { id?: string; kind: ConversationKind; tenantId?: string }): EmulatedConversation;
  deleteConversation(conversationId: string): void;
  setFaults(faults: EmulatorFaults): void;
  throttleFor(durationMs: number, options?: { retryAfterSeconds?: number | null }): void;
  close(): Promise<void>;
}

const CreateConversationBody = z.object({
  isGroup: z.boolean().optional(),
  members: z.array(z.object({ id: z.string().min(1) }).loose()).min(1),
  tenantId: z.string().min(1).optional(),
  channelData: z.object({ tenant: z.object({ id: z.string().min(1) }).loose().optional() }).loose().optional(),
}).loose();

const ActivityBody = z.object({ type: z.string().min(1) }).loose();

interface Waiter {
  predicate: (emulator: TeamsConnectorEmulator) => boolean;
  resolve: () => void;
}

const newActivityId = (): string => `1:${randomBytes(12).toString('base64url')}`;

export async function startTeamsConnectorEmulator(options: EmulatorOptions = {}): Promise<TeamsConnectorEmulator> {
  const timeScale = options.timeScale ?? 1;
  const now = options.now ?? Date.now;
  const limits: TeamsLimits = { ...TEAMS_LIMITS, ...options.limits };
  const writeLimits = scaleLimits(limits.conversationWrites, timeScale);
  const readLimits = scaleLimits(limits.conversationReads, timeScale);
  const tenantLimits = scaleLimits(limits.tenant, timeScale);
  const defaultTenantId = options.defaultTenantId ?? 'emulated-tenant';
  const maxBytes = options.maxActivityBytes ?? 102_400;
  const prefix = (options.pathPrefix ?? 'teams').replace(/^\/+|\/+$/g, '');
  const random = seededRandom(options.seed ?? 1);
  let faults: EmulatorFaults = { ...options.faults };
  let stormUntil = 0;
  let stormRetryAfterSeconds: number | null = 1;

  const users = new Map<string, EmulatedUser>(); // by aadObjectId
  const usersByTeamsId = new Map<string, EmulatedUser>();
  const conversations = new Map<string, EmulatedConversation>();
  const teams = new EmulatedTeams((aadObjectId) => users.get(aadObjectId));
  /** The bot may open a chat with a person the app is installed for, or who is in a team with the app. */
  const canOpen = (user: EmulatedUser): boolean => user.installed || teams.reachesThroughTeam(user.aadObjectId);
  /** …and write there unless they blocked it. */
  const reachable = (user: EmulatedUser): boolean => !user.blocked && canOpen(user);
  const windows = new Map<string, SlidingWindows>();
  const notBefore = new Map<string, number>();
  const sentLog: RecordedActivity[] = [];
  const updateLog: RecordedUpdate[] = [];
  const requestLog: RecordedRequest[] = [];
  const created: string[] = [];
  const waiters = new Set<Waiter>();
  const stats: Omit<EmulatorStats, 'violations'> = {
    requests: 0,
    sends: 0,
    updates: 0,
    deletes: 0,
    conversationsCreated: 0,
    throttled: 0,
    windowViolations: 0,
    retryAfterIgnored: 0,
    injectedThrottles: 0,
    injectedFaults: 0,
    deliveredThenFailed: 0,
  };

  const windowFor = (key: string, set: readonly WindowLimit[]): SlidingWindows => {
    let found = windows.get(key);
    if (found === undefined) {
      found = new SlidingWindows(set);
      windows.set(key, found);
    }
    return found;
  };

  const addUser: TeamsConnectorEmulator['addUser'] = (input) => {
    const user: EmulatedUser = {
      aadObjectId: input.aadObjectId,
      teamsId: input.teamsId ?? `29:${randomBytes(16).toString('base64url')}`,
      tenantId: input.tenantId ?? defaultTenantId,
      installed: input.installed ?? true,
      blocked: input.blocked ?? false,
      personalConversationId: `a:${randomBytes(24).toString('base64url')}`,
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.email === undefined ? {} : { email: input.email }),
      ...(input.upn === undefined ? {} : { upn: input.upn }),
    };
    users.set(user.aadObjectId, user);
    usersByTeamsId.set(user.teamsId, user);
    conversations.set(user.personalConversationId, {
      id: user.personalConversationId,
      kind: 'personal',
      tenantId: user.tenantId,
      userAadObjectId: user.aadObjectId,
      deleted: false,
    });
    return { ...user };
  };

  /** The conversation a request addresses; in `open` mode an unknown one is registered on first use. */
  const conversationFor = (id: string, body: Record<string, unknown> | undefined): EmulatedConversation | undefined => {
    const known = conversations.get(id);
    if (known !== undefined || options.conversations === 'known-only') return known;
    const conversation = body?.['conversation'] as { tenantId?: unknown; conversationType?: unknown } | undefined;
    const channelData = body?.['channelData'] as { tenant?: { id?: unknown } } | undefined;
    const tenantId = [conversation?.tenantId, channelData?.tenant?.id].find((value): value is string => typeof value === 'string') ?? defaultTenantId;
    const kind: ConversationKind = conversation?.conversationType === 'channel' ? 'channel' : conversation?.conversationType === 'groupChat' ? 'groupChat' : 'personal';
    const fresh: EmulatedConversation = { id, kind, tenantId, deleted: false };
    conversations.set(id, fresh);
    return fresh;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    stats.requests++;
    const at = now();
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const respond = (status: number, body: unknown, reason?: string, headers?: Record<string, string>): void => {
      requestLog.push({ method, path, status, at, ...(reason === undefined ? {} : { reason }) });
      sendJson(res, status, body, headers);
    };

    const target = route(method, path, prefix);
    if (target === undefined) return respond(404, errorBody('BadArgument', 'Unknown resource'), 'route');
    if (target.op === 'readActivities') {
      return respond(405, { message: "The requested resource does not support http method 'GET'." }, 'not-supported');
    }

    const body = method === 'POST' || method === 'PUT' ? await readBody(req, maxBytes * 4) : { text: '', bytes: 0, tooLarge: false };
    let json: Record<string, unknown> | undefined;
    if (body.text.length > 0 && !body.tooLarge) {
      try {
        const parsed: unknown = JSON.parse(body.text);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
      } catch {
        return respond(400, errorBody('BadArgument', 'Body is not JSON'), 'BadArgument');
      }
    }

    // Scopes this request counts against.
    let tenantId: string;
    let conversation: EmulatedConversation | undefined;
    let user: EmulatedUser | undefined;
    let scopeKey: string;
    let scopeLimits: readonly WindowLimit[];
    if (target.op === 'teamChannels' || target.op === 'teamDetails') {
      const team = teams.find(target.teamId);
      tenantId = team?.tenantId ?? defaultTenantId;
      scopeKey = `read:${target.teamId}`;
      scopeLimits = readLimits;
    } else if (target.op === 'create') {
      const parsed = CreateConversationBody.safeParse(json);
      if (!parsed.success) return respond(400, errorBody('BadArgument', 'Invalid conversation parameters'), 'BadArgument');
      const memberId = parsed.data.members[0]?.id ?? '';
      user = usersByTeamsId.get(memberId) ?? users.get(memberId);
      tenantId = parsed.data.tenantId ?? parsed.data.channelData?.tenant?.id ?? user?.tenantId ?? defaultTenantId;
      if (user === undefined && options.conversations !== 'known-only') {
        user = users.get(addUser({ aadObjectId: memberId, teamsId: memberId, tenantId }).aadObjectId);
      }
      scopeKey = `create:${memberId}`;
      scopeLimits = writeLimits;
    } else {
      conversation = conversationFor(target.conversationId, json);
      tenantId = conversation?.tenantId ?? defaultTenantId;
      const read = target.op === 'members' || target.op === 'pagedMembers';
      const team = read ? teams.find(target.conversationId) : undefined;
      if (team !== undefined) tenantId = team.tenantId;
      scopeKey = read ? `read:${team?.id ?? target.conversationId}` : `write:${target.conversationId}`;
      scopeLimits = read ? readLimits : writeLimits;
    }
    const tenantKey = `tenant:${tenantId}`;

    if ((notBefore.get(tenantKey) ?? 0) > at || (notBefore.get(scopeKey) ?? 0) > at) stats.retryAfterIgnored++;

    const throttle = (retryAfterMs: number | null, key: string, reason: string): void => {
      stats.throttled++;
      const headers: Record<string, string> = {};
      if (retryAfterMs !== null) {
        headers['retry-after'] = retryAfterHeader(retryAfterMs, timeScale);
        notBefore.set(key, Math.max(notBefore.get(key) ?? 0, at + retryAfterMs));
      }
      respond(429, errorBody('TooManyRequests', 'Too many requests'), reason, headers);
    };

    // Injected faults, decided before any effect.
    if (at < stormUntil) {
      stats.injectedThrottles++;
      return throttle(stormRetryAfterSeconds === null ? null : stormRetryAfterSeconds * 1000 * timeScale, tenantKey, 'storm');
    }
    if (random() < (faults.transientRate ?? 0)) {
      stats.injectedFaults++;
      const statuses = faults.transientStatuses ?? [503];
      const status = statuses[Math.floor(random() * statuses.length)] ?? 503;
      return respond(status, errorBody('ServiceError', 'Transient failure (injected)'), 'injected-5xx');
    }
    if (random() < (faults.throttleRate ?? 0)) {
      stats.injectedThrottles++;
      const seconds = faults.throttleRetryAfterSeconds === undefined ? 1 : faults.throttleRetryAfterSeconds;
      const withHeader = seconds !== null && random() >= (faults.throttleWithoutRetryAfterRate ?? 0);
      return throttle(withHeader ? seconds * 1000 * timeScale : null, scopeKey, 'injected-429');
    }

    // Teams' windows. Only accepted requests use them up.
    const tenantVerdict = windowFor(tenantKey, tenantLimits).check(at);
    if (!tenantVerdict.ok) {
      stats.windowViolations++;
      return throttle(tenantVerdict.retryAfterMs, tenantKey, `window:tenant:${tenantVerdict.limit.max}/${tenantVerdict.limit.windowMs}ms`);
    }
    const scopeVerdict = windowFor(scopeKey, scopeLimits).check(at);
    if (!scopeVerdict.ok) {
      stats.windowViolations++;
      return throttle(scopeVerdict.retryAfterMs, scopeKey, `window:conversation:${scopeVerdict.limit.max}/${scopeVerdict.limit.windowMs}ms`);
    }
    windowFor(tenantKey, tenantLimits).record(at);
    windowFor(scopeKey, scopeLimits).record(at);

    if (target.op === 'teamChannels' || target.op === 'teamDetails') {
      const team = teams.find(target.teamId);
      if (team === undefined) return respond(404, errorBody('NotFound', 'Team not found.'), 'NotFound');
      if (!team.botInstalled) return respond(403, errorBody('BotNotInConversationRoster', 'The bot is not part of the conversation roster.'), 'BotNotInConversationRoster');
      if (target.op === 'teamChannels') return respond(200, teams.channelList(team), 'channels');
      return respond(200, { id: team.id, name: team.name, aadGroupId: team.aadGroupId, memberCount: team.members.length, channelCount: team.channels.length }, 'team');
    }
    if (target.op === 'members' || target.op === 'pagedMembers') {
      const team = teams.find(target.conversationId);
      if (team !== undefined) {
        if (!team.botInstalled) return respond(403, errorBody('BotNotInConversationRoster', 'The bot is not part of the conversation roster.'), 'BotNotInConversationRoster');
        if (target.op === 'members') return respond(200, teams.members(team), 'members');
        const page = teams.page(team, target.pageSize, target.continuationToken);
        return page.ok ? respond(200, page.page, 'pagedmembers') : respond(400, errorBody('BadArgument', 'Invalid continuation token'), 'BadArgument');
      }
    }
    if (target.op === 'create') {
      if (user === undefined || !canOpen(user)) {
        return respond(403, errorBody('BotNotInConversationRoster', 'The bot is not part of the conversation roster.'), 'BotNotInConversationRoster');
      }
      const personal = conversations.get(user.personalConversationId);
      if (personal !== undefined) personal.deleted = false;
      stats.conversationsCreated++;
      created.push(user.personalConversationId);
      return respond(201, { id: user.personalConversationId }, 'created');
    }

    if (conversation === undefined || conversation.deleted) {
      return respond(404, errorBody('ConversationNotFound', 'Conversation not found.'), 'ConversationNotFound');
    }
    const owner = conversation.userAadObjectId === undefined ? undefined : users.get(conversation.userAadObjectId);
    const channelTeam = conversation.kind === 'channel' ? teams.find(conversation.id) : undefined;
    if (channelTeam !== undefined && !channelTeam.botInstalled) {
      return respond(403, errorBody('BotNotInConversationRoster', 'The bot is not part of the conversation roster.'), 'BotNotInConversationRoster');
    }
    const reading = target.op === 'members' || target.op === 'pagedMembers';
    if (owner !== undefined && !reachable(owner) && !reading) {
      return respond(403, errorBody('MessageWritesBlocked', 'Thread is blocked.'), 'MessageWritesBlocked');
    }

    if (reading) {
      const members = owner === undefined ? [] : [teams.account(owner)];
      return respond(200, target.op === 'members' ? members : { members }, 'members');
    }
    if (target.op === 'delete') {
      stats.deletes++;
      updateLog.push({ kind: 'delete', id: target.activityId, conversationId: conversation.id, activity: {}, tenantId, receivedAt: at });
      return respond(200, undefined, 'deleted');
    }
    if (body.tooLarge || body.bytes > maxBytes) {
      return respond(413, errorBody('MessageSizeTooBig', 'Message size too big.'), 'MessageSizeTooBig');
    }
    const activity = ActivityBody.safeParse(json);
    if (!activity.success) return respond(400, errorBody('BadArgument', 'Activity type is required'), 'BadArgument');

    if (target.op === 'update') {
      stats.updates++;
      updateLog.push({ kind: 'update', id: target.activityId, conversationId: conversation.id, activity: activity.data, tenantId, receivedAt: at });
      return respond(200, { id: target.activityId }, 'updated');
    }
    const id = newActivityId();
    stats.sends++;
    sentLog.push({
      id,
      conversationId: conversation.id,
      ...(target.replyToId === undefined ? {} : { replyToId: target.replyToId }),
      activity: activity.data,
      tenantId,
      receivedAt: at,
    });
    if (random() < (faults.deliveredThenFailedRate ?? 0)) {
      stats.deliveredThenFailed++;
      return respond(502, errorBody('ServiceError', 'Bad gateway (after delivery, injected)'), 'delivered-then-502');
    }
    return respond(201, { id }, 'sent');
  };

  const notify = (): void => {
    for (const waiter of waiters) {
      if (waiter.predicate(emulator)) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res)
      .catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, errorBody('InternalError', String(error)));
      })
      .finally(notify);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const emulator: TeamsConnectorEmulator = {
    serviceUrl: `http://127.0.0.1:${port}/${prefix.length > 0 ? `${prefix}/` : ''}`,
    sent: (conversationId) => sentLog.filter((entry) => conversationId === undefined || entry.conversationId === conversationId),
    updates: (conversationId) => updateLog.filter((entry) => conversationId === undefined || entry.conversationId === conversationId),
    requests: () => [...requestLog],
    createdConversations: () => [...created],
    stats: () => ({ ...stats, violations: stats.windowViolations + stats.retryAfterIgnored }),
    waitFor: (predicate, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        if (predicate(emulator)) return resolve();
        const waiter: Waiter = {
          predicate,
          resolve: () => {
            clearTimeout(timer);
            clearInterval(poll);
            resolve();
          },
        };
        // Also poll: a predicate may depend on time or on state outside the emulator.
        const poll = setInterval(notify, 25);
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          clearInterval(poll);
          reject(new Error(`emulator.waitFor: condition not met within ${timeoutMs} ms (stats ${JSON.stringify(emulator.stats())})`));
        }, timeoutMs);
        waiters.add(waiter);
      }),
    addUser,
    setUser: (aadObjectId, change) => {
      const user = users.get(aadObjectId);
      if (user === undefined) throw new Error(`no emulated user ${aadObjectId}`);
      if (change.installed !== undefined) user.installed = change.installed;
      if (change.blocked !== undefined) user.blocked = change.blocked;
      return { ...user };
    },
    findUser: (aadObjectId) => {
      const user = users.get(aadObjectId);
      return user === undefined ? undefined : { ...user };
    },
    addTeam: (input) => {
      const team = teams.add({ ...input, tenantId: input.tenantId ?? defaultTenantId });
      for (const channel of team.channels) conversations.set(channel.id, { id: channel.id, kind: 'channel', tenantId: team.tenantId, deleted: false });
      return team;
    },
    addTeamMember: (teamId, aadObjectId) => teams.addMember(teamId, aadObjectId),
    removeTeamMember: (teamId, aadObjectId) => teams.removeMember(teamId, aadObjectId),
    setTeamInstalled: (teamId, installed) => teams.setInstalled(teamId, installed),
    addConversation: (input) => {
      const conversation: EmulatedConversation = {
        id: input.id ?? (input.kind === 'personal' ? `a:${randomBytes(24).toString('base64url')}` : `19:${randomBytes(16).toString('hex')}@thread.tacv2`),
        kind: input.kind,
        tenantId: input.tenantId ?? defaultTenantId,
        deleted: false,
      };
      conversations.set(conversation.id, conversation);
      return { ...conversation };
    },
    deleteConversation: (conversationId) => {
      const conversation = conversations.get(conversationId);
      if (conversation !== undefined) conversation.deleted = true;
      else conversations.set(conversationId, { id: conversationId, kind: 'personal', tenantId: defaultTenantId, deleted: true });
    },
    setFaults: (next) => {
      faults = { ...next };
    },
    throttleFor: (durationMs, stormOptions = {}) => {
      stormUntil = now() + durationMs;
      stormRetryAfterSeconds = stormOptions.retryAfterSeconds === undefined ? 1 : stormOptions.retryAfterSeconds;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
  return emulator;
}
