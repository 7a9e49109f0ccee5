import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { OutboxMessage } from '../../domain/outbox/outbox-message';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { cardMessage, copiesByOutboxId, inGroups, openStores, outboxFor, register, type OutboxStores } from './outbox-fixture';
import { exited, startWorkerProcess } from './worker-processes';

const MESSAGES = 200;
const LEASE_MS = 2_000;

let emulator: TeamsConnectorEmulator;
let stores: OutboxStores;
const children: ChildProcess[] = [];

beforeAll(async () => {
  emulator = await startTeamsConnectorEmulator({ conversations: 'known-only', seed: 11, faults: { throttleRate: 0.03, transientRate: 0.03 } });
  stores = openStores(inject('storageConnectionString'));
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await emulator.close();
  await stores.drop();
});

const startWorker = async (owner: string): Promise<ChildProcess> => {
  const child = await startWorkerProcess({ connectionString: inject('storageConnectionString'), prefix: stores.prefix, owner, leaseMs: LEASE_MS });
  children.push(child);
  return child;
};

async function readAll(ids: readonly string[]): Promise<OutboxMessage[]> {
  const messages = await Promise.all(ids.map((id) => stores.repository.findById(id)));
  return messages.filter((message): message is OutboxMessage => message !== undefined);
}

describe('outbox across a crash', () => {
  test('given a worker killed with SIGKILL mid-run then a new worker on the same tables loses none silently and sends none twice', async () => {
    const users = Array.from({ length: MESSAGES }, (_, i) => emulator.addUser({ aadObjectId: `aad-crash-${i}` }));
    await inGroups(users, 25, (user) => register(stores, emulator, user, 'address'));
    const producer = outboxFor(stores); // enqueues only: never started
    const ids = users.map((user) => `decision:kredsraad-2026-03:${user.aadObjectId}`);
    await inGroups(users, 25, (user) => producer.enqueue(cardMessage(`decision:kredsraad-2026-03:${user.aadObjectId}`, user.aadObjectId)));

    const first = await startWorker('worker-1');
    await emulator.waitFor((e) => e.sent().length >= 60, 30_000);
    first.kill('SIGKILL');
    await exited(first);
    const deliveredBeforeKill = emulator.sent().length;
    const atKill = await readAll(ids);
    const sendingAtKill = new Set(atKill.filter((message) => message.status === 'sending').map((message) => message.id));
    const pendingAtKill = atKill.filter((message) => message.status === 'pending').length;
    expect(deliveredBeforeKill).toBeLessThan(MESSAGES); // really mid-run
    expect(pendingAtKill).toBeGreaterThan(0);

    const second = await startWorker('worker-2');
    const final = async (): Promise<OutboxMessage[]> => readAll(ids);
    const deadline = Date.now() + 60_000;
    let messages = await final();
    while (messages.some((message) => message.status === 'pending' || message.status === 'sending')) {
      if (Date.now() > deadline) throw new Error(`not finished: ${JSON.stringify(messages.filter((m) => m.status === 'pending' || m.status === 'sending').map((m) => [m.id, m.status]))}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      messages = await final();
    }
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);

    const copies = copiesByOutboxId(emulator);
    // Never twice.
    expect([...copies.values()].filter((count) => count > 1)).toEqual([]);
    expect(messages).toHaveLength(MESSAGES);
    for (const message of messages) {
      const count = copies.get(message.id) ?? 0;
      if (message.status === 'sent') {
        expect(count).toBe(1);
        expect(emulator.sent().find((entry) => entry.id === message.deliveredActivityId)).toBeDefined();
      } else {
        // Only a message caught mid-send by the kill may be in doubt; it is reported, never silently dropped.
        expect(message.status).toBe('inDoubt');
        expect(sendingAtKill.has(message.id)).toBe(true);
      }
    }
    const inDoubt = messages.filter((message) => message.status === 'inDoubt');
    const lost = inDoubt.filter((message) => (copies.get(message.id) ?? 0) === 0);
    // The second worker resumed what was pending.
    expect(emulator.sent().length - deliveredBeforeKill).toBeGreaterThanOrEqual(pendingAtKill);
    // In doubt are at most the messages in flight at the kill (the worker holds at most 16).
    expect(inDoubt.length).toBeLessThanOrEqual(16);
    expect(emulator.stats().violations).toBe(0);
    const inDoubtForCauser = (await stores.repository.listByCauser('aad-chair', MESSAGES)).filter((message) => message.status === 'inDoubt');
    expect(inDoubtForCauser.map((message) => message.id).sort()).toEqual(inDoubt.map((message) => message.id).sort());
    console.info(
      `restart: ${deliveredBeforeKill} delivered before SIGKILL, ${sendingAtKill.size} mid-send at the kill, ${inDoubt.length} in doubt (${inDoubt.length - lost.length} had arrived, ${lost.length} had not), ${messages.filter((m) => m.status === 'sent').length} sent`,
    );
  }, 120_000);
});
