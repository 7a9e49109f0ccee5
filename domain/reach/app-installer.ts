/**
 * The port for installing the app for a person who is in no team the app is in (Microsoft Graph
 * proactive installation). bot/ implements it over Graph; it is off unless configured.
 */
export type InstallOutcome =
  /** Installed now or already before (Graph's 409): this 1:1 chat takes the bot's messages. */
  | { kind: 'installed'; conversationId: string; already: boolean }
  /** 429: not now; Retry-After when Graph gave one. */
  | { kind: 'throttled'; retryAfterMs?: number }
  /** 5xx or no answer: try again later. */
  | { kind: 'transient'; detail: string }
  /** For good until someone acts: no permission or consent (401/403), or no such user (404). */
  | { kind: 'refused'; reason: 'InstallNotAllowed' | 'UserNotFound'; detail: string };

export interface AppInstaller {
  install(userId: string, tenantId: string): Promise<InstallOutcome>;
}
