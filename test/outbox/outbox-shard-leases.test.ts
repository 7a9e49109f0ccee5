import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openStores, type OutboxStores } from './outbox-fixture';

let stores: OutboxStores;
beforeAll(() => {
  stores = openStores(inject('storageConnectionString'));
});
afterAll(() => stores.drop());

const inMs = (ms: number): Date => new Date(Date.now() + ms);

describe('outbox shard leases (Azurite)', () => {
  test('given two instances racing for a free shard then exactly one gets it', async () => {
    const results = await Promise.all(['a', 'b'].map((holder) => stores.repository.shardLeases.claim(7, holder, inMs(5_000), undefined)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test('given one of its shards taken over meanwhile then a renewal keeps the others and loses that one', async () => {
    const leases = stores.repository.shardLeases;
    expect(await leases.claim(0, 'r', inMs(5_000), undefined)).toBe(true);
    expect(await leases.claim(1, 'r', inMs(5_000), undefined)).toBe(true);
    const asRead = (await leases.read()).leases.filter((lease) => lease.holder === 'r');
    // t took shard 1 (r's lease had run out, as t saw it).
    expect(await leases.claim(1, 't', inMs(5_000), asRead.find((lease) => lease.shard === 1))).toBe(true);
    expect(await leases.renew(asRead, 'r', inMs(5_000))).toEqual([0]);
    const after = (await leases.read()).leases;
    expect(after.find((lease) => lease.shard === 1)?.holder).toBe('t');
    expect(after.find((lease) => lease.shard === 0)?.holder).toBe('r');
  });

  test('given beats and a release then the read shows the live instances and the shard free', async () => {
    const leases = stores.repository.shardLeases;
    await leases.beat('x~1/2', inMs(5_000));
    expect((await leases.read()).workers.map((beat) => beat.worker)).toContain('x~1/2');
    await leases.leave('x~1/2');
    expect((await leases.read()).workers.map((beat) => beat.worker)).not.toContain('x~1/2');
    expect(await leases.claim(3, 'x', inMs(5_000), undefined)).toBe(true);
    const mine = (await leases.read()).leases.find((lease) => lease.shard === 3)!;
    await leases.release(mine);
    expect((await leases.read()).leases.find((lease) => lease.shard === 3)).toBeUndefined();
  });

  test('given a beat with a loan, then one wanting, then a plain one then each read gives back what the last beat said', async () => {
    const leases = stores.repository.shardLeases;
    const loan = { from: inMs(1_000).toISOString(), until: inMs(6_000).toISOString(), to: { 'b~1': 0.25, c: 1 / 12 } };
    await leases.beat('lender', inMs(5_000), { wants: false, loan });
    const note = async (): Promise<unknown> => (await leases.read()).workers.find((beat) => beat.worker === 'lender')?.note;
    expect(await note()).toEqual({ wants: false, loan });
    await leases.beat('lender', inMs(5_000), { wants: true });
    expect(await note()).toEqual({ wants: true });
    await leases.beat('lender', inMs(5_000));
    expect(await note()).toBeUndefined();
  });
});
