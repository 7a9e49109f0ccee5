import { afterAll, describe, expect, test } from 'vitest';
import { createLogger } from '../../../bot/logger';
import { createScheduler } from '../../../bot/scheduler';
import type { ScheduledJob } from '../../../bot/core/feature';
import { openTestStorage, uniqueId } from '../../storage/storage-kit';
import { LogCapture } from '../support/bot-harness';

const { storage } = openTestStorage();
afterAll(() => storage.dropAll());

/** A clock the test moves by hand, shared by every "instance". */
const clock = { now: () => new Date(current) };
let current = Date.parse('2030-01-01T10:00:00.000Z');

function instances(count: number, name: string, runs: string[]) {
  return Array.from({ length: count }, (_, i) => {
    const job: ScheduledJob = { name, everyMs: 60_000, run: async () => void runs.push(`i${i}`) };
    return createScheduler([job], { clock, logger: createLogger('silent', new LogCapture()), leases: storage.jobLeases, instanceId: `i${i}` });
  });
}

describe('one runner per job across instances', () => {
  test('given three instances ticking every minute then each minute the job runs once, on one of them', async () => {
    const runs: string[] = [];
    const schedulers = instances(3, uniqueId('job'), runs);
    for (let minute = 0; minute < 5; minute++) {
      await Promise.all(schedulers.map((s) => s.runAll()));
      current += 60_000;
    }
    expect(runs).toHaveLength(5);
    expect(new Set(runs).size).toBe(1);
  });

  test('given the running instance dies then another takes over within the lease time (two intervals)', async () => {
    const runs: string[] = [];
    const [first, ...others] = instances(3, uniqueId('job'), runs);
    await first!.runAll();
    await Promise.all(others.map((s) => s.runAll()));
    expect(runs).toEqual(['i0']);
    // i0 dies (no release). One minute later its lease still holds; two minutes later it has run out.
    current += 60_000;
    await Promise.all(others.map((s) => s.runAll()));
    expect(runs).toEqual(['i0']);
    current += 60_000;
    await Promise.all(others.map((s) => s.runAll()));
    expect(runs).toHaveLength(2);
    expect(runs[1]).not.toBe('i0');
  });

  test('given an instance that stops cleanly then it hands its leases over at once', async () => {
    const runs: string[] = [];
    const [first, second] = instances(2, uniqueId('job'), runs);
    await first!.runAll();
    await first!.stop();
    await second!.runAll();
    expect(runs).toEqual(['i0', 'i1']);
  });
});
