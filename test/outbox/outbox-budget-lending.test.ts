import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Outbox } from '../../bot/outbox/outbox';
import type { BudgetLoan } from '../../domain/outbox/budget-lending';
import { shardOf } from '../../domain/outbox/outbox-shards';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { cardMessage, copiesByOutboxId, inGroups, openStores, outboxFor, register, type OutboxStores } from './outbox-fixture';

const CONVERSATIONS = 100;
const PER_CONVERSATION = 4;
const MESSAGES = CONVERSATIONS * PER_CONVERSATION;

let emulator: TeamsConnectorEmulator;
let stores: OutboxStores;
const started: Outbox[] = [];

beforeAll(async () => {
  emulator = await startTeamsConnectorEmulator({ conversations: 'known-only', seed: 5 });
  stores = openStores(inject('storageConnectionString'));
});

afterAll(async () => {
  await Promise.allSettled(started.map((outbox) => outbox.stop({ timeoutMs: 2_000 })));
  await emulator.close();
  await stores.drop();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function shardsOf(owner: string): Promise<Set<number>> {
  const now = Date.now();
  return new Set((await stores.repository.shardLeases.read()).leases.filter((lease) => lease.holder === owner && Date.parse(lease.until) > now).map((lease) => lease.shard));
}

/** Users (new to the emulator, their addresses stored) whose messages fall in the given shards. */
async function usersIn(shards: ReadonlySet<number>, count: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; ids.length < count; i++) if (shards.has(shardOf(`user:aad-${tag}-${i}`))) ids.push(`aad-${tag}-${i}`);
  await inGroups(ids, 25, (aadObjectId) => register(stores, emulator, emulator.addUser({ aadObjectId }), 'address'));
  return ids;
}

describe('outbox: an instance with dry shards lends its share of the tenant budget', () => {
  test('given two instances and a backlog in one of them only then the other lends it its share: faster than its own share allows, within the limits, and the lender waits out its loan before sending', async () => {
    const lender = outboxFor(stores, { ownerId: 'lender', shards: { leaseMs: 1_500 } });
    const borrower = outboxFor(stores, { ownerId: 'borrower', shards: { leaseMs: 1_500 } });
    started.push(lender, borrower);
    lender.start();
    borrower.start();
    for (let waited = 0; (await shardsOf('borrower')).size !== 6 || (await shardsOf('lender')).size !== 6; waited += 100) {
      if (waited > 15_000) throw new Error('the shards were not shared out');
      await sleep(100);
    }
    const busy = await usersIn(await shardsOf('borrower'), CONVERSATIONS, 'b');
    const quiet = await usersIn(await shardsOf('lender'), 1, 'l');

    // Watch the lender's beat: the loans it writes.
    const loans: BudgetLoan[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const beat = (await stores.repository.shardLeases.read()).workers.find((worker) => worker.worker === 'lender');
        if (beat?.note?.loan !== undefined) loans.push(beat.note.loan);
        await sleep(100);
      }
    })();

    const producer = outboxFor(stores); // enqueues only: never started
    const ids = busy.flatMap((user) => Array.from({ length: PER_CONVERSATION }, (_, n) => `lend:${n}:${user}`));
    await inGroups(ids, 50, (id) => producer.enqueue(cardMessage(id, id.split(':')[2]!)));
    await emulator.waitFor((e) => copiesByOutboxId(e).size >= MESSAGES, 30_000);
    // Work for the lender while its last loan runs: it must wait for the loan's end.
    expect(loans.length).toBeGreaterThan(0);
    const quietIds = [0, 1].map((n) => `lend:q${n}:${quiet[0]!}`);
    const quietEnqueuedAt = Date.now();
    await Promise.all(quietIds.map((id) => producer.enqueue(cardMessage(id, quiet[0]!))));
    await emulator.waitFor((e) => copiesByOutboxId(e).size >= MESSAGES + quietIds.length, 30_000);
    watching = false;
    await watcher;

    const copies = copiesByOutboxId(emulator);
    expect([...ids, ...quietIds].filter((id) => copies.get(id) !== 1)).toEqual([]);
    expect(emulator.stats().violations).toBe(0);
    // Every loan the lender wrote named the borrower with the lender's whole share, 6 of 12 shards.
    expect(loans.every((loan) => Object.keys(loan.to).join() === 'borrower' && Math.abs((loan.to['borrower'] ?? 0) - 0.5) < 1e-9)).toBe(true);
    const lastLoanEnd = Math.max(...loans.map((loan) => Date.parse(loan.until)));
    expect(lastLoanEnd).toBeGreaterThan(quietEnqueuedAt);
    const quietAt = emulator.sent().filter((entry) => quietIds.includes(String((entry.activity['channelData'] as { forumbot?: { outboxId?: string } }).forumbot?.outboxId))).map((entry) => entry.receivedAt);
    expect(Math.min(...quietAt)).toBeGreaterThanOrEqual(lastLoanEnd);

    // On its own half of 50/s (25 per 1,040 ms with the margin) the borrower needs 15 s for 400; with the loan it does not.
    const busyAt = emulator.sent().filter((entry) => ids.includes(String((entry.activity['channelData'] as { forumbot?: { outboxId?: string } }).forumbot?.outboxId))).map((entry) => entry.receivedAt).sort((a, b) => a - b);
    const spanMs = busyAt[busyAt.length - 1]! - busyAt[0]!;
    console.info(
      `lending: ${MESSAGES} messages in one instance's shards took ${spanMs} ms (own share alone: ≥ 15,000 ms); ${loans.length} loan reads; ` +
        `the lender's own message, enqueued ${lastLoanEnd - quietEnqueuedAt} ms before its last loan ended, came ${Math.min(...quietAt) - lastLoanEnd} ms after that`,
    );
    expect(spanMs).toBeLessThan(12_000);
  }, 90_000);
});
