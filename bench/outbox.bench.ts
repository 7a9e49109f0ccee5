/**
 * Outbox throughput against the Teams connector emulator (Teams' real limits, real time) and an
 * in-memory Azurite: delivered messages per second as a share of what Teams allows one app in one
 * tenant (50 requests/s), and duplicates (must be 0).
 *
 *   npx tsx bench/outbox.bench.ts [messages=600]
 *
 * Every message goes to a different user with a stored 1:1 address, so the per-conversation limits
 * do not bind and the tenant's 50/s is the ceiling. Messages are enqueued before the clock starts.
 * Run 1 has no faults; run 2 injects 5 % 429 (Retry-After 1 s) and 3 % 503. Also counts the
 * storage requests the delivery made (from start to stop, the queue's polling included) per
 * delivered message, by kind.
 */
import { startAzurite } from '../storage/azurite';
import { countRequestsTo } from './storage-round-trips';
import { startTeamsConnectorEmulator, type EmulatorFaults } from '../test/emulator/teams-connector-emulator';
import { cardMessage, copiesByOutboxId, inGroups, openStores, outboxFor, register } from '../test/outbox/outbox-fixture';

const MESSAGES = Number(process.argv[2] ?? 600);
const TENANT_LIMIT_PER_S = 50;

interface RunResult {
  label: string;
  delivered: number;
  duplicates: number;
  violations: number;
  throttled: number;
  spanMs: number;
  ratePerS: number;
  share: number;
  shareOfWindows: number;
  storagePerMessage: number;
  storageByKind: [string, number][];
}

async function run(connectionString: string, storagePort: number, label: string, faults: EmulatorFaults): Promise<RunResult> {
  const emulator = await startTeamsConnectorEmulator({ conversations: 'known-only', faults, seed: 5 });
  const stores = openStores(connectionString);
  try {
    const users = Array.from({ length: MESSAGES }, (_, i) => emulator.addUser({ aadObjectId: `aad-bench-${i}` }));
    await inGroups(users, 25, (user) => register(stores, emulator, user, 'address'));
    const outbox = outboxFor(stores, { pollIntervalMs: 1_000, backoff: { baseMs: 1_000, capMs: 60_000 } });
    await inGroups(users, 25, (user) => outbox.enqueue(cardMessage(`bench:${label}:${user.aadObjectId}`, user.aadObjectId)));

    const requests = countRequestsTo(storagePort);
    outbox.start();
    await emulator.waitFor((e) => e.sent().length >= MESSAGES, 10 * 60_000);
    await outbox.stop({ timeoutMs: 10_000 });
    requests.close();

    const times = emulator.sent().map((entry) => entry.receivedAt).sort((a, b) => a - b);
    const first = times[0] ?? 0;
    const last = times[times.length - 1] ?? 0;
    const spanMs = last - first;
    const copies = [...copiesByOutboxId(emulator).values()];
    const stats = emulator.stats();
    // Throughput between the first and the last delivery, against Teams' 50/s.
    const ratePerS = spanMs > 0 ? ((times.length - 1) * 1000) / spanMs : Number.NaN;
    // Stricter: the most the tenant window could have admitted in that span (a full burst at every edge).
    const allowedInSpan = TENANT_LIMIT_PER_S * (Math.floor(spanMs / 1000) + 1);
    return {
      label,
      delivered: times.length,
      duplicates: copies.filter((count) => count > 1).length,
      violations: stats.violations,
      throttled: stats.throttled,
      spanMs,
      ratePerS,
      share: ratePerS / TENANT_LIMIT_PER_S,
      shareOfWindows: times.length / allowedInSpan,
      storagePerMessage: requests.count() / Math.max(1, times.length),
      storageByKind: requests.byKind(),
    };
  } finally {
    await emulator.close();
    await stores.drop();
  }
}

const azurite = await startAzurite();
try {
  const results = [
    await run(azurite.connectionString, azurite.port, 'clean', {}),
    await run(azurite.connectionString, azurite.port, 'faults', { throttleRate: 0.05, transientRate: 0.03 }),
  ];
  console.log(`Outbox benchmark: ${MESSAGES} messages to ${MESSAGES} users, Teams limit ${TENANT_LIMIT_PER_S} requests/s per tenant`);
  console.log('run     delivered  duplicates  violations  429s  span(s)  msgs/s  share of 50/s  share of window budget');
  for (const r of results) {
    console.log(
      `${r.label.padEnd(7)} ${String(r.delivered).padStart(9)}  ${String(r.duplicates).padStart(10)}  ${String(r.violations).padStart(10)}  ${String(r.throttled).padStart(4)}  ${(r.spanMs / 1000).toFixed(2).padStart(7)}  ${r.ratePerS.toFixed(1).padStart(6)}  ${(r.share * 100).toFixed(1).padStart(12)} %  ${(r.shareOfWindows * 100).toFixed(1).padStart(21)} %`,
    );
  }
  for (const r of results) {
    const kinds = r.storageByKind.map(([kind, n]) => `${kind} ${(n / r.delivered).toFixed(2)}`).join(', ');
    console.log(`${r.label}: ${r.storagePerMessage.toFixed(2)} storage requests per delivered message (${kinds})`);
  }
  const clean = results[0]!;
  const ok = clean.share >= 0.9 && results.every((r) => r.duplicates === 0 && r.delivered === MESSAGES);
  console.log(ok ? 'target met: ≥ 90 % of the allowed rate, zero duplicates' : 'TARGET MISSED');
  process.exitCode = ok ? 0 : 1;
} finally {
  await azurite.stop();
}
