import type { WindowLimit } from './sliding-window';

/**
 * Teams' documented limits for bots (learn.microsoft.com, "Optimize your bot with rate limiting in
 * Teams"), in Teams' own seconds. The emulator multiplies the windows by its `timeScale`.
 */
export interface TeamsLimits {
  /** Per bot per conversation, for writes (send, reply, update, delete) and 1:1 creation per user. */
  conversationWrites: readonly WindowLimit[];
  /** Per bot per conversation, for reads (members): double the write limits. */
  conversationReads: readonly WindowLimit[];
  /** Per app per tenant, every request. */
  tenant: readonly WindowLimit[];
}

export const TEAMS_LIMITS: TeamsLimits = {
  conversationWrites: [
    { windowMs: 1_000, max: 7 },
    { windowMs: 2_000, max: 8 },
    { windowMs: 30_000, max: 60 },
    { windowMs: 3_600_000, max: 1_800 },
  ],
  conversationReads: [
    { windowMs: 1_000, max: 14 },
    { windowMs: 2_000, max: 16 },
    { windowMs: 30_000, max: 120 },
    { windowMs: 3_600_000, max: 3_600 },
  ],
  tenant: [{ windowMs: 1_000, max: 50 }],
};

export const scaleLimits = (limits: readonly WindowLimit[], timeScale: number): WindowLimit[] =>
  limits.map((limit) => ({ windowMs: limit.windowMs * timeScale, max: limit.max }));
