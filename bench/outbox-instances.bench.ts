/**
 * Several bot instances on one outbox: 2,000 proactive messages to 500 conversations (4 each) in one
 * tenant, delivered by 1 or 3 worker processes against one Azurite (in memory) and the Teams
 * connector emulator (Teams' real limits, real time, no injected faults).
 *
 *   npx tsx bench/outbox-instances.bench.ts [messages=2000] [conversations=500]
 *
 * Runs: 1 instance; 3 instances without shard leases (each reads the whole queue and keeps the whole
 * tenant budget: how several instances behaved before shards); 3 instances with shard leases.
 * Per run: throughput between the first and the last delivery as a share of Teams' 50 requests/s,
 * the 429s Teams answered (share of all requests), duplicates. Targets for 3 sharded instances:
 * ≥ 90 % of 50/s, < 1 % 429s, 0 duplicates.
 */
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { startAzurite } from '../storage/azurite';
import { startTeamsConnectorEmulator } from '../test/emulator/teams-connector-emulator';
import { cardMessage, copiesByOutboxId, inGroups, openStores, outboxFor, register } from '../test/outbox/outbox-fixture';
import { exited, startWorkerProcess } from '../test/outbox/worker-processes';

const MESSAGES = Number(process.argv[2] ?? 2_000);
const CONVERSATIONS = Number(process.argv[3] ?? 500);
const TENANT_LIMIT_PER_S = 50;

interface RunResult {
  label: string;
  delivered: number;
  duplicates: number;
  requests: number;
  throttled: number;
  violations: number;
  spanMs: number;
  ratePerS: number;
  steadyPerS: number;
}

async function run(connectionString: string, label: string, instances: number, shards: boolean): Promise<RunResult> {
  const emulator = await startTeamsConnectorEmulator({ conversations: 'known-only', seed: 16 });
  const stores = openStores(connectionString);
  const workers: ChildProcess[] = [];
  try {
    const users = Array.from({ length: CONVERSATIONS }, (_, i) => emulator.addUser({ aadObjectId: `aad-inst-${i}` }));
    await inGroups(users, 50, (user) => register(stores, emulator, user, 'address'));
    const producer = outboxFor(stores);
    const ids = Array.from({ length: MESSAGES }, (_, i) => `bench:${label}:${i}:${users[i % CONVERSATIONS]!.aadObjectId}`);
    await inGroups(ids, 50, (id) => producer.enqueue(cardMessage(id, id.split(':')[3]!)));

    workers.push(
      ...(await Promise.all(
        Array.from({ length: instances }, (_, n) =>
          startWorkerProcess({ connectionString, prefix: stores.prefix, owner: `${label}-${n}`, leaseMs: 60_000, requestTimeoutMs: 10_000, shardLeaseMs: 6_000, pollMs: 1_000, shards }),
        ),
      )),
    );
    await emulator.waitFor((e) => copiesByOutboxId(e).size >= MESSAGES, 15 * 60_000);
    for (const worker of workers) worker.kill('SIGTERM');
    await Promise.all(workers.map(exited));

    const times = emulator.sent().map((entry) => entry.receivedAt).sort((a, b) => a - b);
    const spanMs = (times[times.length - 1] ?? 0) - (times[0] ?? 0);
    // Steady state: from the 10th to the 90th percentile delivery (instances starting up and the last stragglers left out).
    const p10 = times[Math.floor(times.length * 0.1)] ?? 0;
    const p90 = times[Math.floor(times.length * 0.9)] ?? 0;
    const steadyPerS = p90 > p10 ? ((Math.floor(times.length * 0.9) - Math.floor(times.length * 0.1)) * 1000) / (p90 - p10) : Number.NaN;
    const stats = emulator.stats();
    return {
      label,
      delivered: copiesByOutboxId(emulator).size,
      duplicates: [...copiesByOutboxId(emulator).values()].filter((count) => count > 1).length,
      requests: stats.requests,
      throttled: stats.throttled,
      violations: stats.violations,
      spanMs,
      ratePerS: spanMs > 0 ? ((times.length - 1) * 1000) / spanMs : Number.NaN,
      steadyPerS,
    };
  } finally {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await emulator.close();
    await stores.drop();
  }
}

const azurite = await startAzurite();
try {
  const results: RunResult[] = [];
  for (const [label, instances, shards] of [
    ['1 instance', 1, true],
    ['3, no shards (before)', 3, false],
    ['3 instances, shards', 3, true],
  ] as const) {
    results.push(await run(azurite.connectionString, label, instances, shards));
    console.log(`  done: ${label}`);
  }
  console.log(`Outbox on several instances: ${MESSAGES} messages to ${CONVERSATIONS} conversations in one tenant, Teams limit ${TENANT_LIMIT_PER_S} requests/s per tenant`);
  console.log('run                     delivered  duplicates  requests  429s (share)     span(s)  msgs/s  share of 50/s  steady msgs/s  steady share');
  for (const r of results) {
    console.log(
      `${r.label.padEnd(22)} ${String(r.delivered).padStart(10)}  ${String(r.duplicates).padStart(10)}  ${String(r.requests).padStart(8)}  ${String(r.throttled).padStart(5)} (${((100 * r.throttled) / r.requests).toFixed(2).padStart(5)} %)  ${(r.spanMs / 1000).toFixed(1).padStart(7)}  ${r.ratePerS.toFixed(1).padStart(6)}  ${((100 * r.ratePerS) / TENANT_LIMIT_PER_S).toFixed(1).padStart(11)} %  ${r.steadyPerS.toFixed(1).padStart(13)}  ${((100 * r.steadyPerS) / TENANT_LIMIT_PER_S).toFixed(1).padStart(10)} %`,
    );
  }
  console.log(`load average while measuring (1 min, ${os.cpus().length} cores): ${os.loadavg()[0]!.toFixed(1)}: a share far below 100 % with no 429s means CPU, not Teams' limit, was the ceiling`);
  const sharded = results[2]!;
  const ok = sharded.ratePerS / TENANT_LIMIT_PER_S >= 0.9 && sharded.throttled / sharded.requests < 0.01 && results.every((r) => r.duplicates === 0 && r.delivered === MESSAGES);
  console.log(ok ? 'target met: 3 sharded instances at ≥ 90 % of 50/s, < 1 % 429s, zero duplicates' : 'TARGET MISSED (3 sharded instances: ≥ 90 % of 50/s, < 1 % 429s, zero duplicates)');
  process.exitCode = ok ? 0 : 1;
} finally {
  await azurite.stop();
}
