import { AuthenticationConstants, ClaimsIdentity, type BotFrameworkAuthentication, type ConnectorClient } from 'botframework-connector';
import { randomUUID } from 'node:crypto';
import type { DeliveryTarget } from '../../domain/outbox/outbox-message';
import type { CreateOutcome, OutboxSender, OutgoingActivity, PersonalChatRequest, SendHooks, SendOutcome } from '../../domain/outbox/outbox-sender';
import { parseRetryAfter } from '../../domain/outbox/backoff';

/**
 * The outbox's sender over the Bot Framework connector, through botbuilder's ConnectorFactory (so
 * credentials work as for the adapter: app id and secret, managed identity, or none in local mode).
 *
 * botbuilder's connector client retries on its own (a 429 with Retry-After three times, 5xx with
 * backoff). Those hidden requests would count against Teams' limits without the outbox knowing, and
 * a hidden retry after a lost answer sends a message twice. So the client's retry policy is taken
 * out of its pipeline: one call here is exactly one HTTP request.
 */
export interface BotFrameworkSenderOptions {
  auth: BotFrameworkAuthentication;
  /** The bot's app id; absent in local mode (no authentication). */
  appId?: string;
  /** Per request; keep it well below the outbox lease. Default 15 s. */
  requestTimeoutMs?: number;
}

interface WireRequest {
  headers: { get(name: string): string | undefined; delete(name: string): void };
}

interface PipelineHolder {
  client?: {
    pipeline?: {
      removePolicy(options: { name: string }): unknown;
      addPolicy(policy: { name: string; sendRequest(request: WireRequest, next: (request: WireRequest) => Promise<unknown>): Promise<unknown> }, options: { afterPhase: 'Sign' }): void;
      getOrderedPolicies(): { name: string }[];
    };
  };
}

/** Custom header that names the wire hook of one request; taken off before the request leaves. */
const WIRE_HEADER = 'x-forumbot-wire';

/**
 * Takes the SDK's retry policy out and adds, last in the pipeline, the call of each request's wire
 * hook (the outbox stamps its rate-limit slot there). Fails loudly if a botbuilder upgrade moved
 * the pipeline.
 */
function prepare(client: ConnectorClient, hooks: Map<string, () => void>): ConnectorClient {
  const pipeline = (client as unknown as PipelineHolder).client?.pipeline;
  if (pipeline === undefined) throw new Error('botbuilder ConnectorClient has no pipeline where expected: cannot turn off its own retries');
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  if (pipeline.getOrderedPolicies().some((policy) => /retry/i.test(policy.name))) {
    throw new Error('botbuilder ConnectorClient still has a retry policy: the outbox must own retries');
  }
  pipeline.addPolicy(
    {
      name: 'forumbotWireHook',
      sendRequest(request, next) {
        const token = request.headers.get(WIRE_HEADER);
        if (token !== undefined) {
          request.headers.delete(WIRE_HEADER);
          hooks.get(token)?.();
          hooks.delete(token);
        }
        return next(request);
      },
    },
    { afterPhase: 'Sign' },
  );
  return client;
}

/** Errors that prove the request never left this machine. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL']);

interface ErrorShape {
  statusCode?: number;
  code?: string;
  message?: string;
  name?: string;
  response?: { headers?: { get(name: string): string | undefined }; bodyAsText?: string };
}

/** Maps a connector failure onto the outbox's outcomes. */
export function classifyFailure(error: unknown, now: number): Exclude<SendOutcome, { kind: 'ok' }> {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const status = e.statusCode;
  const code = e.code ?? '';
  const detail = `${status ?? ''} ${code} ${e.message ?? String(error)}`.trim().slice(0, 500);
  if (status === undefined) {
    // No HTTP answer: either the request never went, or it went and the answer was lost.
    return NOT_SENT_CODES.has(code) ? { kind: 'notSent', detail } : { kind: 'unknown', detail };
  }
  const retryAfterMs = parseRetryAfter(e.response?.headers?.get('retry-after'), now);
  if (status === 429) return retryAfterMs === undefined ? { kind: 'throttled' } : { kind: 'throttled', retryAfterMs };
  if (status === 412 || status >= 500) {
    return retryAfterMs === undefined ? { kind: 'transient', status } : { kind: 'transient', status, retryAfterMs };
  }
  if (status === 403) {
    return code === 'BotNotInConversationRoster' || code === 'BotDisabledByAdmin'
      ? { kind: 'unreachable', reason: 'NotInstalled', detail }
      : { kind: 'unreachable', reason: 'MessageWritesBlocked', detail };
  }
  if (status === 404) return { kind: 'unreachable', reason: 'ConversationNotFound', detail };
  if (status === 413) return { kind: 'rejected', status, reason: 'MessageSizeTooBig', detail };
  return { kind: 'rejected', status, reason: 'Rejected', detail };
}

export function createBotFrameworkSender(options: BotFrameworkSenderOptions): OutboxSender {
  const appId = options.appId ?? '';
  const timeout = options.requestTimeoutMs ?? 15_000;
  const identity = new ClaimsIdentity(
    [
      { type: AuthenticationConstants.AudienceClaim, value: appId },
      { type: AuthenticationConstants.AppIdClaim, value: appId },
    ],
    true,
  );
  const factory = options.auth.createConnectorFactory(identity);
  const clients = new Map<string, Promise<ConnectorClient>>();
  const wireHooks = new Map<string, () => void>();

  const clientFor = (serviceUrl: string): Promise<ConnectorClient> => {
    const cached = clients.get(serviceUrl);
    if (cached !== undefined) return cached;
    const created = factory.create(serviceUrl).then((client) => prepare(client, wireHooks));
    created.catch(() => clients.delete(serviceUrl));
    clients.set(serviceUrl, created);
    return created;
  };

  const bot = appId === '' ? undefined : { id: `28:${appId}` };

  type RequestOptions = { timeout: number; customHeaders?: Record<string, string> };

  /** One request: the client for the service URL, the wire hook registered for this call only. */
  async function attempt(serviceUrl: string, hooks: SendHooks | undefined, run: (client: ConnectorClient, options: RequestOptions) => Promise<{ id?: string }>): Promise<SendOutcome> {
    let client: ConnectorClient;
    try {
      client = await clientFor(serviceUrl);
    } catch (error) {
      // No token: nothing was sent.
      return { kind: 'notSent', detail: `credentials: ${error instanceof Error ? error.message : String(error)}` };
    }
    const token = randomUUID();
    const options: RequestOptions = { timeout };
    if (hooks?.onWire !== undefined) {
      wireHooks.set(token, hooks.onWire);
      options.customHeaders = { [WIRE_HEADER]: token };
    }
    try {
      const response = await run(client, options);
      return typeof response.id === 'string' && response.id.length > 0 ? { kind: 'ok', activityId: response.id } : { kind: 'unknown', detail: 'answer without an id' };
    } catch (error) {
      return classifyFailure(error, Date.now());
    } finally {
      wireHooks.delete(token);
    }
  }

  return {
    async send(target: DeliveryTarget, activity: OutgoingActivity, hooks?: SendHooks) {
      return attempt(target.serviceUrl, hooks, (client, options) =>
        client.conversations.sendToConversation(target.conversationId, { ...activity, ...(bot === undefined ? {} : { from: bot }) } as never, options),
      );
    },

    async update(target: DeliveryTarget, activityId: string, activity: OutgoingActivity, hooks?: SendHooks) {
      return attempt(target.serviceUrl, hooks, async (client, options) => {
        await client.conversations.updateActivity(target.conversationId, activityId, { ...activity, id: activityId } as never, options);
        return { id: activityId };
      });
    },

    async createPersonalConversation(request: PersonalChatRequest, hooks?: SendHooks): Promise<CreateOutcome> {
      const outcome = await attempt(request.serviceUrl, hooks, (client, options) =>
        client.conversations.createConversation(
          {
            isGroup: false,
            ...(bot === undefined ? {} : { bot }),
            members: [{ id: request.teamsId }],
            tenantId: request.tenantId,
            channelData: { tenant: { id: request.tenantId } },
          } as never,
          options,
        ),
      );
      return outcome.kind === 'ok' ? { kind: 'ok', conversationId: outcome.activityId } : outcome;
    },
  };
}
