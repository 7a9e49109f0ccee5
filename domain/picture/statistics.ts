import type { Tally } from './picture-cell';

/** Median and 90th percentile of a tally of minutes, in hours; absent with fewer than 3 values (small numbers). */
export interface Spread {
  count: number;
  medianHours?: number;
  p90Hours?: number;
}

const HOURS = 60;
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The k-th smallest value (0-based) of a tally, walking its keys in order. */
function nth(sorted: readonly [number, number][], k: number): number {
  let seen = 0;
  for (const [value, n] of sorted) {
    seen += n;
    if (k < seen) return value;
  }
  throw new Error('index beyond the tally');
}

/** Median: the middle value, or the mean of the two middle ones. 90th percentile: nearest rank. */
export function spreadOf(tally: Tally): Spread {
  const sorted = Object.entries(tally)
    .map(([k, n]) => [Number(k), n] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const count = sorted.reduce((s, [, n]) => s + n, 0);
  if (count < 3) return { count };
  const median = count % 2 === 1 ? nth(sorted, (count - 1) / 2) : (nth(sorted, count / 2 - 1) + nth(sorted, count / 2)) / 2;
  const p90 = nth(sorted, Math.ceil(0.9 * count) - 1);
  return { count, medianHours: round1(median / HOURS), p90Hours: round1(p90 / HOURS) };
}

export const share = (part: number, whole: number): number | undefined => (whole === 0 ? undefined : Math.round((part / whole) * 1000) / 10);
