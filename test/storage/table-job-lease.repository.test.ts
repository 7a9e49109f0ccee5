import { afterAll, describe, expect, test } from 'vitest';
import { openTestStorage, uniqueId } from './storage-kit';

const { storage } = openTestStorage();
afterAll(() => storage.dropAll());

const at = (iso: string) => new Date(iso);

describe('job leases on Table storage', () => {
  test('given five instances asking at once for a free lease then exactly one gets it', async () => {
    const job = uniqueId('job');
    const now = at('2030-01-01T10:00:00.000Z');
    const until = at('2030-01-01T10:02:00.000Z');
    const won = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((holder) => storage.jobLeases.tryAcquire(job, holder, now, until)));
    expect(won.filter(Boolean)).toHaveLength(1);
  });

  test('given a lease held by one instance then others are refused until it runs out, and then one takes over', async () => {
    const job = uniqueId('job');
    expect(await storage.jobLeases.tryAcquire(job, 'a', at('2030-01-01T10:00:00.000Z'), at('2030-01-01T10:02:00.000Z'))).toBe(true);
    expect(await storage.jobLeases.tryAcquire(job, 'b', at('2030-01-01T10:01:00.000Z'), at('2030-01-01T10:03:00.000Z'))).toBe(false);
    // The holder renews.
    expect(await storage.jobLeases.tryAcquire(job, 'a', at('2030-01-01T10:01:00.000Z'), at('2030-01-01T10:03:00.000Z'))).toBe(true);
    // The holder dies; after its lease ran out the next instance takes over, and the old one is refused.
    expect(await storage.jobLeases.tryAcquire(job, 'b', at('2030-01-01T10:03:00.000Z'), at('2030-01-01T10:05:00.000Z'))).toBe(true);
    expect(await storage.jobLeases.tryAcquire(job, 'a', at('2030-01-01T10:03:30.000Z'), at('2030-01-01T10:05:30.000Z'))).toBe(false);
    expect((await storage.jobLeases.find(job))?.holder).toBe('b');
  });

  test('given a released lease then another instance takes it at once; only the holder can release', async () => {
    const job = uniqueId('job');
    await storage.jobLeases.tryAcquire(job, 'a', at('2030-01-01T10:00:00.000Z'), at('2030-01-01T10:02:00.000Z'));
    await storage.jobLeases.release(job, 'b');
    expect((await storage.jobLeases.find(job))?.holder).toBe('a');
    await storage.jobLeases.release(job, 'a');
    expect(await storage.jobLeases.tryAcquire(job, 'b', at('2030-01-01T10:00:10.000Z'), at('2030-01-01T10:02:10.000Z'))).toBe(true);
  });
});
