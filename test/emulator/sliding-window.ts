/**
 * The emulator's own sliding-window counter. Deliberately independent of the outbox's rate-limit
 * policy in domain/outbox: the emulator is the oracle the outbox is tested against, so it must not
 * share the code it judges.
 */
export interface WindowLimit {
  /** Window length in milliseconds (already scaled). */
  windowMs: number;
  /** Most requests accepted within any window of that length. */
  max: number;
}

export type WindowVerdict = { ok: true } | { ok: false; retryAfterMs: number; limit: WindowLimit };

export class SlidingWindows {
  /** Accepted request times, oldest first. */
  private readonly times: number[] = [];
  private readonly longestMs: number;

  constructor(private readonly limits: readonly WindowLimit[]) {
    this.longestMs = Math.max(0, ...limits.map((limit) => limit.windowMs));
  }

  /** Whether one more request at `now` stays within every window; if not, how long until it would. */
  check(now: number): WindowVerdict {
    this.prune(now);
    let worst: WindowVerdict = { ok: true };
    for (const limit of this.limits) {
      const inWindow = this.countSince(now - limit.windowMs);
      if (inWindow < limit.max) continue;
      // The request fits once the oldest of the last `max` entries has left the window.
      const blocking = this.times[this.times.length - limit.max] ?? now;
      const retryAfterMs = Math.max(1, blocking + limit.windowMs - now);
      if (worst.ok || retryAfterMs > worst.retryAfterMs) worst = { ok: false, retryAfterMs, limit };
    }
    return worst;
  }

  record(now: number): void {
    this.times.push(now);
  }

  private countSince(start: number): number {
    // Entries are sorted; count those strictly after `start` (a window is the half-open (now - w, now]).
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.times[mid] ?? 0) > start) high = mid;
      else low = mid + 1;
    }
    return this.times.length - low;
  }

  private prune(now: number): void {
    let drop = 0;
    while (drop < this.times.length && (this.times[drop] ?? 0) <= now - this.longestMs) drop++;
    if (drop > 0) this.times.splice(0, drop);
  }
}
