import { describe, expect, test } from 'vitest';
import { parseRetryAfter, retryDelayMs } from '../../../domain/outbox/backoff';
import { ThrottleGovernor } from '../../../domain/outbox/throttle-governor';

const settings = { baseMs: 1_000, capMs: 60_000, retryAfterJitter: 0.1 };

describe('outbox backoff', () => {
  test('given a Retry-After then the delay is at least that and at most 10 % more', () => {
    expect(retryDelayMs(3, 2_000, () => 0, settings)).toBe(2_001);
    expect(retryDelayMs(3, 2_000, () => 0.999, settings)).toBeLessThanOrEqual(2_201);
  });

  test('given no Retry-After then the delay doubles per attempt, between half and all of the step, up to the cap', () => {
    const low = [1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, undefined, () => 0, settings));
    const high = [1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, undefined, () => 1, settings));
    expect(low).toEqual([500, 1_000, 2_000, 4_000]);
    expect(high).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(20, undefined, () => 1, settings)).toBe(60_000);
  });

  test('given Retry-After as seconds, decimals or an HTTP date then it is read; garbage is ignored', () => {
    expect(parseRetryAfter('3', 0)).toBe(3_000);
    expect(parseRetryAfter('0.125', 0)).toBe(125);
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('outbox throttle governor', () => {
  const governor = (): ThrottleGovernor => new ThrottleGovernor({ window: 10, threshold: 5, basePauseMs: 1_000, maxPauseMs: 8_000 });

  test('given scattered 429s among successes then no pause', () => {
    const g = governor();
    for (let i = 0; i < 50; i++) expect(g.observe(i % 4 === 0, 1_000, i)).toBeUndefined();
    expect(g.pausedUntil()).toBe(0);
  });

  test('given five 429s among the last ten answers then everything pauses for the longest Retry-After told', () => {
    const g = governor();
    g.observe(true, 1_000, 0);
    g.observe(false, undefined, 1);
    g.observe(true, 3_000, 2);
    g.observe(true, 500, 3);
    g.observe(true, undefined, 4);
    expect(g.observe(true, 2_000, 5)).toBe(5 + 3_000);
    // During the pause, more 429s (from requests already under way) do not extend it.
    expect(g.observe(true, 9_000, 6)).toBeUndefined();
  });

  test('given pauses in a row without Retry-After then each doubles up to the maximum; a success after one resets it', () => {
    const g = governor();
    const pause = (start: number): number | undefined => {
      let until: number | undefined;
      for (let i = 0; i < 5; i++) until = g.observe(true, undefined, start);
      return until;
    };
    expect(pause(0)).toBe(1_000);
    expect(pause(1_000)).toBe(3_000);
    expect(pause(3_000)).toBe(7_000);
    expect(pause(7_000)).toBe(15_000);
    expect(pause(15_000)).toBe(23_000);
    g.observe(false, undefined, 23_000);
    expect(pause(23_001)).toBe(24_001);
  });
});
