import { describe, expect, test } from 'vitest';
import { OUTBOX_SHARDS, planShards, shardOf, type ShardLease } from '../../../domain/outbox/outbox-shards';
import { shareOf } from '../../../domain/outbox/rate-limit.policy';

const now = new Date('2026-12-03T12:00:00Z');
const later = new Date(now.getTime() + 10_000).toISOString();
const earlier = new Date(now.getTime() - 1).toISOString();
const beats = (...workers: string[]): { worker: string; until: string }[] => workers.map((worker) => ({ worker, until: later }));
const held = (holder: string, shards: number[], until = later): ShardLease[] => shards.map((shard) => ({ shard, holder, until, version: `v${shard}` }));

describe('outbox shards', () => {
  test('given a recipient then its shard is the same every time and within the count, and 500 recipients spread over every shard', () => {
    expect(shardOf('user:aad-1')).toBe(shardOf('user:aad-1'));
    const counts = new Array<number>(OUTBOX_SHARDS).fill(0);
    for (let i = 0; i < 500; i++) counts[shardOf(`user:aad-${i}`)]!++;
    expect(counts.every((count) => count >= 20 && count <= 70)).toBe(true);
  });

  test('given an instance alone then it takes every shard; with two others alive, its fair third', () => {
    expect(planShards({ count: 12, self: 'a', now, leases: [], workers: [] }).take).toHaveLength(12);
    const plan = planShards({ count: 12, self: 'a', now, leases: [], workers: beats('b', 'c') });
    expect(plan.take).toHaveLength(4);
    expect(plan.release).toEqual([]);
  });

  test('given an instance holding every shard when two more appear then it renews four and gives back the eight highest', () => {
    const plan = planShards({ count: 12, self: 'a', now, leases: held('a', [...Array(12).keys()]), workers: beats('a', 'b', 'c') });
    expect(plan.renew.map((lease) => lease.shard)).toEqual([0, 1, 2, 3]);
    expect(plan.release.map((lease) => lease.shard)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(plan.take).toEqual([]);
  });

  test('given a dead instance whose leases ran out then the survivors take its shards, never a live lease of another', () => {
    const leases = [...held('a', [0, 1, 2, 3]), ...held('b', [4, 5, 6, 7], earlier), ...held('c', [8, 9, 10, 11])];
    // b's beat ran out too: two live instances, six shards each.
    const plan = planShards({ count: 12, self: 'a', now, leases, workers: [...beats('a', 'c'), { worker: 'b', until: earlier }] });
    expect(plan.renew.map((lease) => lease.shard)).toEqual([0, 1, 2, 3]);
    expect(plan.take.map((free) => free.shard).sort((x, y) => x - y).every((shard) => shard >= 4 && shard <= 7)).toBe(true);
    expect(plan.take).toHaveLength(2);
    expect(plan.take.every((free) => free.current?.holder === 'b')).toBe(true);
  });

  test('given a share of the tenant budget then the windows keep that rate in whole requests, and the shares add up to no more than the whole', () => {
    expect(shareOf([{ windowMs: 1_000, max: 50 }], 4 / 12)).toEqual([{ windowMs: 960, max: 16 }]);
    expect(shareOf([{ windowMs: 1_000, max: 50 }], 1)).toEqual([{ windowMs: 1_000, max: 50 }]);
    const rate = (shards: number): number => {
      const [window] = shareOf([{ windowMs: 1_000, max: 50 }], shards / 12);
      return (window!.max * 1_000) / window!.windowMs;
    };
    for (const split of [[4, 4, 4], [6, 6], [5, 5, 2], [1, 11], [3, 3, 3, 3]]) {
      expect(split.map(rate).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(50);
    }
  });
});
