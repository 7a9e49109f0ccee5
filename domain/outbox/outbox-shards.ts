import type { BudgetNote } from './budget-lending';

/**
 * The outbox queue is split into a fixed number of shards. A message's shard follows from its
 * recipient alone, so every message to one conversation (or one person's 1:1 chat) sits in the same
 * shard, and the one instance that holds that shard's lease is the only one sending into that
 * conversation: the per-conversation limits hold across instances without talking to each other.
 * The tenant's budget (50 requests/s) is split by shards held: leases are exclusive, so the shares
 * of all instances never add up to more than the whole. An instance whose shards ran dry lends its
 * share to those with a backlog (budget-lending.ts).
 *
 * The count is fixed for a deployment: changing it would move conversations between shards.
 */
export const OUTBOX_SHARDS = 12;

/** FNV-1a over the UTF-16 code units: the same number on every instance and every release. */
export function shardOf(recipientKey: string, count = OUTBOX_SHARDS): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < recipientKey.length; i++) {
    hash ^= recipientKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/** Who works a shard until when. `version` is the stored row's ETag (conditional writes). */
export interface ShardLease {
  shard: number;
  holder: string;
  until: string;
  version?: string;
}

/** An instance says it is alive (and so counts when the shards are shared out), and what it wants or lends of the budget. */
export interface WorkerBeat {
  worker: string;
  until: string;
  note?: BudgetNote;
}

export interface OutboxShardLeases {
  /** Every shard lease and every worker beat, in one read. */
  read(): Promise<{ leases: ShardLease[]; workers: WorkerBeat[] }>;
  /**
   * Takes or renews a shard until `until`: creates the lease when `current` is undefined, else
   * replaces it only if unchanged since read (If-Match). False when another instance was quicker.
   */
  claim(shard: number, holder: string, until: Date, current: ShardLease | undefined): Promise<boolean>;
  /** Renews held leases together (one request where the store allows); answers the shards still ours. */
  renew(leases: readonly ShardLease[], holder: string, until: Date): Promise<number[]>;
  /** Gives a shard up (only if unchanged since read), so another instance takes it at once. */
  release(lease: ShardLease): Promise<void>;
  /** Alive until `until`; the note replaces the one written before (none: nothing wanted or lent). */
  beat(worker: string, until: Date, note?: BudgetNote): Promise<void>;
  /** This instance stops: its beat goes, so the others share the shards without it. */
  leave(worker: string): Promise<void>;
}

export interface ShardPlan {
  /** Held by us: renew. */
  renew: ShardLease[];
  /** Free or run out: try to take (with the lease read, if there was one). */
  take: { shard: number; current: ShardLease | undefined }[];
  /** Held by us beyond our fair share: hand over. */
  release: ShardLease[];
  /** Our fair share: ceil(shards / live instances). */
  fair: number;
}

/**
 * What one instance does with the leases this round. Each live instance aims at its fair share,
 * ceil(shards / live instances); one holding more gives the surplus back (its highest shards), one
 * holding fewer takes free or run-out shards, starting at a place of its own so that instances
 * starting together do not all race for shard 0.
 */
export function planShards(input: { count: number; self: string; now: Date; leases: readonly ShardLease[]; workers: readonly WorkerBeat[] }): ShardPlan {
  const now = input.now.getTime();
  const live = new Set(input.workers.filter((beat) => Date.parse(beat.until) > now).map((beat) => beat.worker));
  live.add(input.self);
  const fair = Math.ceil(input.count / live.size);
  const byShard = new Map(input.leases.map((lease) => [lease.shard, lease]));
  const mine = input.leases.filter((lease) => lease.holder === input.self && lease.shard < input.count).sort((a, b) => a.shard - b.shard);
  if (mine.length > fair) return { renew: mine.slice(0, fair), take: [], release: mine.slice(fair), fair };
  const take: ShardPlan['take'] = [];
  const start = shardOf(input.self, input.count);
  for (let step = 0; step < input.count && mine.length + take.length < fair; step++) {
    const shard = (start + step) % input.count;
    const current = byShard.get(shard);
    if (current === undefined || (current.holder !== input.self && Date.parse(current.until) <= now)) take.push({ shard, current });
  }
  return { renew: mine, take, release: [], fair };
}
