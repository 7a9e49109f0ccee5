/**
 * A delivery worker in its own process, for the kill-and-restart and several-instances tests and
 * the instances bench: started with the test's tables and emulator, killed with SIGKILL mid-run,
 * replaced by a fresh one. SIGTERM stops it gracefully. Prints `ready` once the worker runs.
 */
import { z } from 'zod';
import { scaleRateLimits, TEAMS_RATE_LIMITS } from '../../domain/outbox/rate-limit.policy';
import { openStores, outboxFor, localSender } from './outbox-fixture';

const env = z
  .object({
    OUTBOX_CONNECTION_STRING: z.string().min(1),
    OUTBOX_PREFIX: z.string().min(1),
    OUTBOX_LEASE_MS: z.coerce.number().int().positive(),
    OUTBOX_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive(),
    OUTBOX_OWNER: z.string().min(1),
    OUTBOX_SHARD_LEASE_MS: z.coerce.number().int().positive().default(3_000),
    /** The emulator's timeScale: Teams' windows shortened alike. */
    OUTBOX_TIME_SCALE: z.coerce.number().positive().default(1),
    OUTBOX_POLL_MS: z.coerce.number().int().positive().default(200),
    /** `off`: no shard leases, every worker reads every shard with the whole budget (as before shards). */
    OUTBOX_SHARDS: z.enum(['on', 'off']).default('on'),
  })
  .parse(process.env);

const stores = openStores(env.OUTBOX_CONNECTION_STRING, env.OUTBOX_PREFIX);
const outbox = outboxFor(stores, {
  sender: localSender(env.OUTBOX_REQUEST_TIMEOUT_MS),
  policy: { leaseMs: env.OUTBOX_LEASE_MS },
  ownerId: env.OUTBOX_OWNER,
  shards: env.OUTBOX_SHARDS === 'off' ? false : { leaseMs: env.OUTBOX_SHARD_LEASE_MS },
  limits: scaleRateLimits(TEAMS_RATE_LIMITS, env.OUTBOX_TIME_SCALE),
  pollIntervalMs: env.OUTBOX_POLL_MS,
});
outbox.start();
process.stdout.write('ready\n');

process.once('SIGTERM', () => {
  void outbox.stop({ timeoutMs: 5_000 }).then(({ abandoned }) => {
    process.stdout.write(`stopped abandoned=${abandoned}\n`);
    process.exit(0);
  });
});
