import { describe, expect, test } from 'vitest';
import { RateLimiter, SlidingWindowSchedule, TEAMS_RATE_LIMITS, scaleRateLimits } from '../../../domain/outbox/rate-limit.policy';

describe('outbox rate-limit policy', () => {
  test('given 7 requests at t=0 to a conversation then the 8th fits once the 1 s window (plus margin) has passed', () => {
    const schedule = new SlidingWindowSchedule(TEAMS_RATE_LIMITS.conversation, 0.04, 10, 0);
    for (let i = 0; i < 7; i++) {
      expect(schedule.earliest(0)).toBe(0);
      schedule.record(0);
    }
    expect(schedule.earliest(0)).toBe(1_040);
  });

  test('given 8 requests within 2 s then the 9th waits for the 2 s window although the 1 s window is free', () => {
    const schedule = new SlidingWindowSchedule(TEAMS_RATE_LIMITS.conversation, 0, 0, 0);
    for (let i = 0; i < 7; i++) schedule.record(0);
    schedule.record(1_000);
    expect(schedule.earliest(1_500)).toBe(2_000);
  });

  test('given 60 requests in 30 s and 1,800 in an hour then the schedule waits for the 30 s and the hour window', () => {
    const thirty = new SlidingWindowSchedule(TEAMS_RATE_LIMITS.conversation, 0, 0, 0);
    for (let i = 0; i < 60; i++) thirty.record(i * 250);
    expect(thirty.earliest(20_000)).toBe(30_000);
    const hour = new SlidingWindowSchedule(TEAMS_RATE_LIMITS.conversation, 0, 0, 0);
    for (let i = 0; i < 1_800; i++) hour.record(i * 600);
    expect(hour.earliest(1_800 * 600)).toBe(3_600_000);
  });

  test('given spread 0.8 then requests into one tenant are at least 16 ms apart, yet 50 still fit in a second', () => {
    const schedule = new SlidingWindowSchedule(TEAMS_RATE_LIMITS.tenant, 0.04, 10, 0.8);
    let now = 0;
    const times: number[] = [];
    for (let i = 0; i < 51; i++) {
      now = schedule.earliest(now);
      schedule.record(now);
      times.push(now);
    }
    expect(times[1]).toBeCloseTo(16, 5);
    expect(times[49]).toBeLessThan(1_000);
    expect(times[50]).toBe(1_040);
  });

  test('given a limiter then a conversation and its tenant are both charged, and a Retry-After blocks the scope', () => {
    const limiter = new RateLimiter({ ...TEAMS_RATE_LIMITS, spread: 0 });
    for (let i = 0; i < 50; i++) expect(limiter.tryAcquire(`conversation-${i}`, 'tenant-a', 0).ok).toBe(true);
    expect(limiter.tryAcquire('conversation-50', 'tenant-a', 0)).toEqual({ ok: false, retryAt: 1_040 });
    expect(limiter.tryAcquire('conversation-50', 'tenant-b', 0).ok).toBe(true);
    limiter.blockScope('conversation-x', 5_000);
    expect(limiter.tryAcquire('conversation-x', 'tenant-b', 2_000)).toEqual({ ok: false, retryAt: 5_000 });
  });

  test('given a slot re-stamped when the request really leaves then the window frees from the later time', () => {
    const limiter = new RateLimiter({ ...TEAMS_RATE_LIMITS, marginShare: 0, marginMinMs: 0, spread: 0 });
    const grants = Array.from({ length: 7 }, () => limiter.tryAcquire('c', 't', 0));
    for (const grant of grants) if (grant.ok) grant.sentAt(30);
    expect(limiter.tryAcquire('c', 't', 1_000)).toEqual({ ok: false, retryAt: 1_030 });
  });

  test('given a time scale then every window shrinks with it', () => {
    const scaled = scaleRateLimits(TEAMS_RATE_LIMITS, 0.1);
    expect(scaled.tenant).toEqual([{ windowMs: 100, max: 50 }]);
    expect(scaled.conversation.map((w) => w.windowMs)).toEqual([100, 200, 3_000, 360_000]);
  });
});
