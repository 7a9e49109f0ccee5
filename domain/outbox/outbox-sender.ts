import type { DeliveryTarget, OutboundActivity } from './outbox-message';

/**
 * The port the outbox delivers through; bot/outbox/bot-framework-sender.ts implements it with the
 * Bot Framework connector. Implementations make ONE request per call and never retry on their own:
 * the outbox owns retries, rate limits and the accounting of every request against them.
 */
export type SendOutcome =
  | { kind: 'ok'; activityId: string }
  /** 429. */
  | { kind: 'throttled'; retryAfterMs?: number }
  /** 412, 502, 503, 504 (and other 5xx): refused for now, try again. */
  | { kind: 'transient'; status: number; retryAfterMs?: number }
  /** The recipient cannot be reached: blocked or uninstalled (403), conversation gone (404). */
  | { kind: 'unreachable'; reason: 'MessageWritesBlocked' | 'ConversationNotFound' | 'NotInstalled'; detail: string }
  /** Refused for good: too big (413) or otherwise invalid (400, 401, …). */
  | { kind: 'rejected'; status: number; reason: 'MessageSizeTooBig' | 'Rejected'; detail: string }
  /** The request never left (connection refused, DNS): safe to send again. */
  | { kind: 'notSent'; detail: string }
  /** The request may have arrived (timeout, connection reset): whether it was delivered is unknown. */
  | { kind: 'unknown'; detail: string };

export type CreateOutcome = { kind: 'ok'; conversationId: string } | Exclude<SendOutcome, { kind: 'ok' }>;

export interface PersonalChatRequest {
  /** Teams' id of the user (`29:…`). */
  teamsId: string;
  tenantId: string;
  serviceUrl: string;
}

export interface SendHooks {
  /** Called as late as the sender can: when the request is handed to the network. */
  onWire?: () => void;
}

export type OutgoingActivity = OutboundActivity & { channelData?: Record<string, unknown> };

export interface OutboxSender {
  send(target: DeliveryTarget, activity: OutgoingActivity, hooks?: SendHooks): Promise<SendOutcome>;
  update(target: DeliveryTarget, activityId: string, activity: OutgoingActivity, hooks?: SendHooks): Promise<SendOutcome>;
  /** Opens (or finds: Teams answers the same id again) the 1:1 chat between the bot and a user. */
  createPersonalConversation(request: PersonalChatRequest, hooks?: SendHooks): Promise<CreateOutcome>;
}
