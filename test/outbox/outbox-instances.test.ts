import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { OutboxMessage } from '../../domain/outbox/outbox-message';
import { OUTBOX_SHARDS, type ShardLease } from '../../domain/outbox/outbox-shards';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { cardMessage, copiesByOutboxId, inGroups, openStores, outboxFor, register, type OutboxStores } from './outbox-fixture';
import { exited, startWorkerProcess } from './worker-processes';

const CONVERSATIONS = 100;
const PER_CONVERSATION = 3;
const MESSAGES = CONVERSATIONS * PER_CONVERSATION;
const SHARD_LEASE_MS = 2_000;
const MESSAGE_LEASE_MS = 2_000;

let emulator: TeamsConnectorEmulator;
let stores: OutboxStores;
const children: ChildProcess[] = [];

beforeAll(async () => {
  emulator = await startTeamsConnectorEmulator({ conversations: 'known-only', seed: 16, faults: { throttleRate: 0.02 } });
  stores = openStores(inject('storageConnectionString'));
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await emulator.close();
  await stores.drop();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function liveLeases(): Promise<ShardLease[]> {
  const now = Date.now();
  return (await stores.repository.shardLeases.read()).leases.filter((lease) => Date.parse(lease.until) > now);
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Resolves once nothing is queued any more: every message sent, or given up on, or in doubt. */
const drained = (timeoutMs: number): Promise<true> =>
  until('the queue to drain', timeoutMs, async () => ((await stores.repository.listDue(new Date(Date.now() + 3_600_000), 1)).length === 0 ? true : undefined));

describe('outbox: three instances share the sharded queue', () => {
  test('given 3 worker processes, injected 429s and one killed mid-run then its shards are taken over, every message arrives and none twice, within the limits', async () => {
    const t0 = Date.now();
    const users = Array.from({ length: CONVERSATIONS }, (_, i) => emulator.addUser({ aadObjectId: `aad-inst-${i}` }));
    await inGroups(users, 25, (user) => register(stores, emulator, user, 'address'));
    const producer = outboxFor(stores); // enqueues only: never started
    const ids = users.flatMap((user) => Array.from({ length: PER_CONVERSATION }, (_, n) => `reminder:r${n}:${user.aadObjectId}`));
    const owners = ['instance-a', 'instance-b', 'instance-c'];
    // The instances start while the messages are enqueued, as they would in a running deployment.
    const [workers] = await Promise.all([
      Promise.all(
        owners.map((owner) => startWorkerProcess({ connectionString: inject('storageConnectionString'), prefix: stores.prefix, owner, leaseMs: MESSAGE_LEASE_MS, shardLeaseMs: SHARD_LEASE_MS })),
      ).then((started) => {
        children.push(...started);
        return started;
      }),
      inGroups(ids, 50, (id) => producer.enqueue(cardMessage(id, id.split(':')[2]!))),
    ]);
    const enqueuedAt = Date.now();

    // The shards settle at 4 each (12 shards, 3 instances).
    const shared = await until('the shards to be shared out', 15_000, async () => {
      const leases = await liveLeases();
      const counts = owners.map((owner) => leases.filter((lease) => lease.holder === owner).length);
      return counts.every((count) => count === OUTBOX_SHARDS / owners.length) ? leases : undefined;
    });
    const sharedAt = Date.now();
    await emulator.waitFor((e) => e.sent().length >= MESSAGES / 3, 60_000);
    const victim = owners[1]!;
    const victimShards = shared.filter((lease) => lease.holder === victim).map((lease) => lease.shard);
    workers[1]!.kill('SIGKILL');
    await exited(workers[1]!);
    const killedAt = Date.now();
    const deliveredAtKill = emulator.sent().length;
    expect(deliveredAtKill).toBeLessThan(MESSAGES); // really mid-run

    // Its shards go to the two survivors once its leases run out.
    const takenOver = await until('the shards of the killed instance to be taken over', SHARD_LEASE_MS * 4, async () => {
      const leases = await liveLeases();
      const moved = victimShards.map((shard) => leases.find((lease) => lease.shard === shard));
      return moved.every((lease) => lease !== undefined && lease.holder !== victim) ? Date.now() : undefined;
    });
    // Within the lease (counted from its last renewal) plus one round of the survivors; slack for a loaded machine.
    expect(takenOver - killedAt).toBeLessThanOrEqual(SHARD_LEASE_MS * 3);

    await drained(60_000);
    const drainedAt = Date.now();
    // What the killed instance had mid-send is in doubt: the person who caused it checks and
    // releases those that did not arrive (possibly-delivered ones that did arrive stay as they are).
    const inDoubt = (await Promise.all(ids.map((id) => stores.repository.findById(id)))).filter((message): message is OutboxMessage => message?.status === 'inDoubt');
    expect(inDoubt.length).toBeLessThanOrEqual(16); // at most what one worker holds in flight
    const arrivedBefore = copiesByOutboxId(emulator);
    for (const message of inDoubt) if ((arrivedBefore.get(message.id) ?? 0) === 0) await producer.release(message.id);
    await drained(30_000);
    await emulator.waitFor((e) => copiesByOutboxId(e).size >= MESSAGES, 10_000);

    const copies = copiesByOutboxId(emulator);
    expect([...copies.entries()].filter(([, count]) => count > 1)).toEqual([]);
    expect(ids.filter((id) => copies.get(id) !== 1)).toEqual([]);
    const stats = emulator.stats();
    expect(stats.injectedThrottles).toBeGreaterThan(0);
    // Retry-After honoured; the limits kept across instances (each conversation has one sender; the tenant budget is split).
    expect(stats.retryAfterIgnored).toBe(0);
    expect(stats.windowViolations).toBe(0);

    for (const survivor of [workers[0]!, workers[2]!]) survivor.kill('SIGTERM');
    expect(await Promise.all([exited(workers[0]!), exited(workers[2]!)])).toEqual([0, 0]);
    // A graceful stop hands the shards over at once.
    expect((await liveLeases()).filter((lease) => owners.includes(lease.holder))).toEqual([]);
    console.info(
      `phases: enqueue ${enqueuedAt - t0} ms, start+share ${sharedAt - enqueuedAt} ms, to kill ${killedAt - sharedAt} ms, drain ${drainedAt - killedAt} ms, rest ${Date.now() - drainedAt} ms; ` +
      `instances: ${deliveredAtKill} of ${MESSAGES} delivered at the kill, shards ${victimShards.join(',')} taken over after ${takenOver - killedAt} ms, ${inDoubt.length} in doubt (${inDoubt.filter((m) => (arrivedBefore.get(m.id) ?? 0) === 0).length} released), ${stats.throttled} 429s (${stats.injectedThrottles} injected)`,
    );
  }, 90_000);
});
