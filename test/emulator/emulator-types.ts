import type { TeamsLimits } from './teams-limits';

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface EmulatorFaults {
  /** Share (0..1) of requests answered 429 regardless of the windows. */
  throttleRate?: number;
  /** Retry-After (Teams seconds, scaled) on injected 429s; `null` sends none. Default 1. */
  throttleRetryAfterSeconds?: number | null;
  /** Share (0..1) of injected 429s that carry no Retry-After even when a value is set. */
  throttleWithoutRetryAfterRate?: number;
  /** Share (0..1) of requests refused with one of `transientStatuses` before any effect. */
  transientRate?: number;
  /** Default [503]. Any of 412, 502, 503, 504. */
  transientStatuses?: number[];
  /**
   * Share (0..1) of sends that ARE delivered but answered 502 all the same. Real connectors do
   * this (the response is lost after the write); it is the case no client can make exactly-once.
   */
  deliveredThenFailedRate?: number;
}

export interface EmulatorOptions {
  /** Multiplies every Teams window (1 s, 2 s, 30 s, 1 h) and injected Retry-After. Default 1. */
  timeScale?: number;
  /** Override the limits (in Teams milliseconds, before scaling). */
  limits?: Partial<TeamsLimits>;
  faults?: EmulatorFaults;
  /** `open` (default) accepts sends to conversations it has never heard of and registers them;
   * `known-only` answers 404 ConversationNotFound for those, as the real service does. */
  conversations?: 'open' | 'known-only';
  /** Tenant for conversations registered on first use. Default `emulated-tenant`. */
  defaultTenantId?: string;
  /** Largest accepted request body in bytes (Teams: about 100 KB). Default 102,400. */
  maxActivityBytes?: number;
  /** Seed of the fault dice, so a failing run can be repeated. Default 1. */
  seed?: number;
  /** Clock in ms; tests may pass a controllable one. Default `Date.now`. */
  now?: () => number;
  /** Path the service URL ends with, like Teams' regional `/emea/`. Default `teams`. */
  pathPrefix?: string;
}

export interface EmulatedUser {
  aadObjectId: string;
  teamsId: string;
  tenantId: string;
  installed: boolean;
  blocked: boolean;
  /** The 1:1 chat between the bot and this user (exists once the app is installed). */
  personalConversationId: string;
  name?: string;
  email?: string;
  upn?: string;
}

export interface EmulatedTeam {
  /** The team's id, which is also its General channel's id. */
  id: string;
  name: string;
  aadGroupId: string;
  tenantId: string;
  botInstalled: boolean;
  /** General first (no name, as Teams answers), then the others. */
  channels: { id: string; name?: string }[];
  /** Entra object ids. */
  members: string[];
}

export interface EmulatedConversation {
  id: string;
  kind: ConversationKind;
  tenantId: string;
  /** For personal chats: the user's Entra object id. */
  userAadObjectId?: string;
  deleted: boolean;
}

export interface RecordedActivity {
  /** Activity id the emulator answered with. */
  id: string;
  conversationId: string;
  replyToId?: string;
  /** The body as the bot sent it. */
  activity: Record<string, unknown>;
  tenantId: string;
  receivedAt: number;
}

export interface RecordedUpdate extends RecordedActivity {
  kind: 'update' | 'delete';
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  at: number;
  /** Why a refusal happened: `window`, `injected-429`, `injected-5xx`, a Teams error code… */
  reason?: string;
}

export interface EmulatorStats {
  requests: number;
  sends: number;
  updates: number;
  deletes: number;
  conversationsCreated: number;
  /** Every 429, whatever its cause. */
  throttled: number;
  /** 429s that a window caused (the client sent too fast). */
  windowViolations: number;
  /** Requests that arrived before a Retry-After the emulator gave for that scope had passed. */
  retryAfterIgnored: number;
  /** windowViolations + retryAfterIgnored: a well-behaved client keeps this at 0. */
  violations: number;
  injectedThrottles: number;
  injectedFaults: number;
  deliveredThenFailed: number;
}
