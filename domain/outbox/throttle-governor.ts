/**
 * When the service keeps answering 429, the whole outbox pauses until the time it was told, instead
 * of every message finding out on its own. "Keeps" = at least `threshold` of the last `window`
 * answers were 429. The pause is the longest Retry-After among those answers; without one, it
 * doubles from `basePauseMs` for each pause in a row, up to `maxPauseMs`. A success ends the streak.
 */
export interface GovernorSettings {
  window: number;
  threshold: number;
  basePauseMs: number;
  maxPauseMs: number;
}

export const DEFAULT_GOVERNOR: GovernorSettings = { window: 10, threshold: 5, basePauseMs: 1_000, maxPauseMs: 120_000 };

export class ThrottleGovernor {
  private readonly recent: { throttled: boolean; retryAfterMs?: number }[] = [];
  private pauseUntil = 0;
  private pausesInRow = 0;

  constructor(private readonly settings: GovernorSettings = DEFAULT_GOVERNOR) {}

  /** Records one answer; returns the new pause end when this answer starts a pause. */
  observe(throttled: boolean, retryAfterMs: number | undefined, now: number): number | undefined {
    this.recent.push(throttled ? { throttled, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) } : { throttled });
    if (this.recent.length > this.settings.window) this.recent.shift();
    if (!throttled) {
      if (now >= this.pauseUntil) this.pausesInRow = 0;
      return undefined;
    }
    const throttles = this.recent.filter((answer) => answer.throttled);
    if (throttles.length < this.settings.threshold || now < this.pauseUntil) return undefined;
    const told = Math.max(...throttles.map((answer) => answer.retryAfterMs ?? 0));
    const backoff = Math.min(this.settings.maxPauseMs, this.settings.basePauseMs * 2 ** this.pausesInRow);
    this.pausesInRow++;
    this.pauseUntil = now + (told > 0 ? told : backoff);
    // Start the next judgement afresh after the pause.
    this.recent.length = 0;
    return this.pauseUntil;
  }

  pausedUntil(): number {
    return this.pauseUntil;
  }
}
