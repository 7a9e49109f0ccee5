/**
 * How long to wait before another attempt. A Retry-After from the service is honoured as given (plus
 * a little jitter so many messages told the same time do not all return in the same millisecond);
 * otherwise exponential backoff with jitter, as Microsoft recommends for Teams.
 */
export interface BackoffSettings {
  baseMs: number;
  capMs: number;
  /** Share of Retry-After added at random on top (0.1 → up to 10 % later). */
  retryAfterJitter: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 1_000, capMs: 60_000, retryAfterJitter: 0.1 };

export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, random: () => number, settings: BackoffSettings = DEFAULT_BACKOFF): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) {
    return Math.ceil(retryAfterMs * (1 + settings.retryAfterJitter * random())) + 1;
  }
  const ceiling = Math.min(settings.capMs, settings.baseMs * 2 ** Math.max(0, attempt - 1));
  // "Equal jitter": at least half the step, so retries still spread out but never come back at once.
  return Math.ceil(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * Parses a Retry-After header: seconds (decimals accepted) or an HTTP date. Undefined when absent or
 * unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
