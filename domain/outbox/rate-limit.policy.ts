/**
 * Teams' limits for bots as a sliding-window schedule: before each request the worker asks when the
 * next one may go, so it stays under the limits instead of finding them with 429s.
 *
 * Per bot per conversation: 7 per 1 s, 8 per 2 s, 60 per 30 s, 1,800 per hour (the same for opening
 * a 1:1 chat with one user); per app per tenant: 50 requests per second, every request counted.
 */
export interface RateWindow {
  windowMs: number;
  max: number;
}

export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { windowMs: 1_000, max: 7 },
  { windowMs: 2_000, max: 8 },
  { windowMs: 30_000, max: 60 },
  { windowMs: 3_600_000, max: 1_800 },
];
export const TEAMS_TENANT_WINDOWS: readonly RateWindow[] = [{ windowMs: 1_000, max: 50 }];

export interface RateLimitSettings {
  conversation: readonly RateWindow[];
  tenant: readonly RateWindow[];
  /**
   * Extra length added to every window, as a share of it. Our clock stamps a request when we send
   * it, the service when it arrives; requests can arrive closer together than they left.
   */
  marginShare: number;
  /** At least this many ms of margin. */
  marginMinMs: number;
  /**
   * Requests into one scope are spread at least `spread × window / max` apart (0 = bursts allowed).
   * A burst reaches the service smeared over time and its tail can land in the next window; spread
   * out, the same number per window arrives without that risk.
   */
  spread: number;
}

export const TEAMS_RATE_LIMITS: RateLimitSettings = {
  conversation: TEAMS_CONVERSATION_WINDOWS,
  tenant: TEAMS_TENANT_WINDOWS,
  marginShare: 0.04,
  marginMinMs: 10,
  spread: 0.8,
};

/** The same limits with every window multiplied by `timeScale` (for tests against a faster emulator). */
export function scaleRateLimits(settings: RateLimitSettings, timeScale: number): RateLimitSettings {
  const scale = (windows: readonly RateWindow[]): RateWindow[] => windows.map((w) => ({ windowMs: w.windowMs * timeScale, max: w.max }));
  return { ...settings, conversation: scale(settings.conversation), tenant: scale(settings.tenant), marginMinMs: settings.marginMinMs * Math.min(1, timeScale * 4) };
}

/** Windows for `share` of a budget, each at least one request: max' = floor(max × share), window shortened to keep the rate. */
export function shareOf(windows: readonly RateWindow[], share: number): RateWindow[] {
  const part = Math.min(1, Math.max(0, share));
  return windows.map((w) => {
    const rate = w.max * part;
    if (rate < 1) return { windowMs: Math.ceil(w.windowMs / Math.max(rate, 1e-6)), max: 1 };
    const max = Math.floor(rate);
    // Rounded up (never a faster rate), after dropping floating-point noise (960.0000001 is 960).
    return { windowMs: Math.ceil(Number(((w.windowMs * max) / rate).toFixed(6))), max };
  });
}

/** The send times of one scope and when the next request fits. */
export class SlidingWindowSchedule {
  private readonly times: number[] = [];
  private windows: RateWindow[] = [];
  private longestMs = 0;
  private minGapMs = 0;

  constructor(
    windows: readonly RateWindow[],
    private readonly marginShare: number,
    private readonly marginMinMs: number,
    private readonly spread = 0,
  ) {
    this.retune(windows);
  }

  /** New limits from now on; the requests already sent still count against them. */
  retune(windows: readonly RateWindow[]): void {
    this.windows = windows.map((w) => ({ windowMs: w.windowMs + Math.max(this.marginMinMs, w.windowMs * this.marginShare), max: w.max }));
    this.longestMs = Math.max(0, ...this.windows.map((w) => w.windowMs));
    this.minGapMs = this.spread * Math.min(...windows.map((w) => w.windowMs / w.max));
  }

  /** The earliest time ≥ now at which one more request stays within every window. */
  earliest(now: number): number {
    this.prune(now);
    const last = this.times[this.times.length - 1];
    let at = last === undefined ? now : Math.max(now, last + this.minGapMs);
    for (const window of this.windows) {
      if (this.times.length < window.max) continue;
      // With `max` requests at or after t0 = times[len - max], the next fits once t0 leaves the window.
      const blocking = this.times[this.times.length - window.max] ?? now;
      at = Math.max(at, blocking + window.windowMs);
    }
    return at;
  }

  record(at: number): void {
    // Kept sorted; grants are nearly always in order.
    let i = this.times.length;
    while (i > 0 && (this.times[i - 1] ?? 0) > at) i--;
    this.times.splice(i, 0, at);
  }

  /** Moves a recorded time later (to when the request really left). */
  restamp(from: number, to: number): void {
    const at = this.times.lastIndexOf(from);
    if (at >= 0) this.times.splice(at, 1);
    this.record(to);
  }

  get idle(): boolean {
    return this.times.length === 0;
  }

  private prune(now: number): void {
    let drop = 0;
    while (drop < this.times.length && (this.times[drop] ?? 0) <= now - this.longestMs) drop++;
    if (drop > 0) this.times.splice(0, drop);
  }
}

/**
 * A slot taken. `sentAt` re-stamps it when the request actually leaves (after the lease write), so the
 * schedule errs towards later, never earlier, than what the service sees.
 */
export type Grant = { ok: true; sentAt(at: number): void } | { ok: false; retryAt: number };

/**
 * Every scope the worker sends into: one schedule per conversation (or per user for opening a 1:1
 * chat) and one per tenant, plus "not before" marks from Retry-After answers.
 */
export class RateLimiter {
  private readonly conversations = new Map<string, SlidingWindowSchedule>();
  private readonly tenants = new Map<string, SlidingWindowSchedule>();
  private readonly notBefore = new Map<string, number>();
  private tenantWindows: readonly RateWindow[];

  constructor(private readonly settings: RateLimitSettings) {
    this.tenantWindows = settings.tenant;
  }

  /**
   * This worker may use `share` (0–1] of each tenant's budget (the other shares belong to other
   * instances). The same rate with whole numbers: 16.7 per 1 s becomes 16 per 960 ms.
   */
  setTenantShare(share: number): void {
    this.tenantWindows = shareOf(this.settings.tenant, share);
    for (const schedule of this.tenants.values()) schedule.retune(this.tenantWindows);
  }

  /** Takes a slot for one request into `scope` (a conversation id, or `create:<user>`) of `tenant` if one is free now. */
  tryAcquire(scope: string, tenant: string, now: number): Grant {
    const conversation = this.schedule(this.conversations, scope, this.settings.conversation);
    const tenantSchedule = this.schedule(this.tenants, tenant, this.tenantWindows);
    const at = Math.max(
      conversation.earliest(now),
      tenantSchedule.earliest(now),
      this.notBefore.get(`c:${scope}`) ?? 0,
      this.notBefore.get(`t:${tenant}`) ?? 0,
    );
    if (at > now) return { ok: false, retryAt: at };
    conversation.record(now);
    tenantSchedule.record(now);
    return {
      ok: true,
      sentAt: (sent) => {
        if (sent <= now) return;
        conversation.restamp(now, sent);
        tenantSchedule.restamp(now, sent);
      },
    };
  }

  /** Nothing more into this scope before `until` (the service said Retry-After). */
  blockScope(scope: string, until: number): void {
    this.notBefore.set(`c:${scope}`, Math.max(this.notBefore.get(`c:${scope}`) ?? 0, until));
  }

  blockTenant(tenant: string, until: number): void {
    this.notBefore.set(`t:${tenant}`, Math.max(this.notBefore.get(`t:${tenant}`) ?? 0, until));
  }

  /** Forgets schedules with nothing in their windows, so memory follows the active conversations. */
  sweep(now: number): void {
    for (const map of [this.conversations, this.tenants]) {
      for (const [key, schedule] of map) {
        schedule.earliest(now);
        if (schedule.idle) map.delete(key);
      }
    }
    for (const [key, until] of this.notBefore) if (until <= now) this.notBefore.delete(key);
  }

  private schedule(map: Map<string, SlidingWindowSchedule>, key: string, windows: readonly RateWindow[]): SlidingWindowSchedule {
    let found = map.get(key);
    if (found === undefined) {
      found = new SlidingWindowSchedule(windows, this.settings.marginShare, this.settings.marginMinMs, this.settings.spread);
      map.set(key, found);
    }
    return found;
  }
}
