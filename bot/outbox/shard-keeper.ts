import { planShards, type OutboxShardLeases, type ShardLease } from '../../domain/outbox/outbox-shards';
import type { Clock } from '../../domain/shared/time';
import type { Logger } from '../logger';
import type { BudgetLender } from './budget-lender';

export interface ShardKeeperSettings {
  owner: string;
  count: number;
  /** How long a lease (and a beat) lasts; renewed every third of it, so a holder that dies is replaced within this. */
  leaseMs: number;
}

/**
 * Holds this instance's share of the outbox shards: each round (a third of the lease time) it reads
 * every lease and beat, says it is alive, renews what it holds, gives back what is beyond its fair
 * share and takes free or run-out shards up to it. `onChange` hears the held set after every round
 * that changed it.
 */
export class ShardKeeper {
  private mine = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private early: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly leases: OutboxShardLeases,
    private readonly settings: ShardKeeperSettings,
    private readonly deps: {
      clock: Clock;
      logger: Logger;
      onChange: (held: ReadonlySet<number>) => void;
      onRound?: (heldShardZero: boolean) => Promise<void>;
      /** The budget lending: its note goes into every beat, and it hears what the round read. */
      budget?: Pick<BudgetLender, 'current' | 'lentUntil' | 'heard'>;
    },
  ) {}

  held(): ReadonlySet<number> {
    return this.mine;
  }

  /** Takes the first shares now (resolves after the first round), then keeps them. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.tick();
    this.timer = setInterval(() => void this.tick(), Math.max(50, Math.floor(this.settings.leaseMs / 3)));
    this.timer.unref();
  }

  /** One round now (a round already running is awaited instead). */
  tick(): Promise<void> {
    if (this.round !== undefined) return this.round;
    this.round = this.work()
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'outbox: could not renew the shard leases; trying again next round'))
      .finally(() => (this.round = undefined));
    return this.round;
  }

  /** Hands every shard over at once (instead of letting the leases run out) and says goodbye. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.early);
    await this.round;
    // A share lent out is ours until the loan ends: handing its shards over sooner would count it twice.
    const lentFor = (this.deps.budget?.lentUntil() ?? 0) - this.deps.clock.now().getTime();
    if (lentFor > 0) await new Promise((resolve) => setTimeout(resolve, lentFor));
    const { leases } = await this.leases.read();
    await Promise.allSettled(leases.filter((lease) => lease.holder === this.settings.owner).map((lease) => this.leases.release(lease)));
    await this.leases.leave(this.settings.owner);
    this.set(new Set());
  }

  private async work(): Promise<void> {
    if (this.stopped) return;
    const { owner, count, leaseMs } = this.settings;
    const now = this.deps.clock.now();
    const until = new Date(now.getTime() + leaseMs);
    const budget = this.deps.budget;
    const [{ leases, workers }] = await Promise.all([this.leases.read(), this.leases.beat(owner, until, budget?.current())]);
    const planned = planShards({ count, self: owner, now, leases, workers });
    // While our share is lent, the shares it was reckoned from stay ours: a shard handed over now would count twice.
    const lent = (budget?.lentUntil() ?? 0) > now.getTime();
    const plan = lent ? { ...planned, renew: [...planned.renew, ...planned.release], release: [] } : planned;
    const next = new Set<number>();
    // Stop working a shard before its lease goes, so two instances never send into one conversation.
    if (plan.release.length > 0) {
      const given = new Set(plan.release.map((lease) => lease.shard));
      this.set(new Set([...this.mine].filter((shard) => !given.has(shard))));
    }
    await Promise.all([
      this.leases.renew(plan.renew, owner, until).then((renewed) => renewed.forEach((shard) => next.add(shard))),
      ...plan.take.map(async (free) => {
        if (await this.leases.claim(free.shard, owner, until, free.current)) next.add(free.shard);
      }),
      ...plan.release.map((lease) => this.leases.release(lease)),
    ]);
    if (this.stopped) return;
    this.set(next);
    budget?.heard({ workers, leases });
    // Short of a fair share (an instance joining while others still hold the shards it should get):
    // look again soon rather than a third of a lease later, so handed-over shards do not lie idle.
    if (next.size < plan.fair && (plan.take.length > 0 || this.someoneHoldsMore(leases, plan.fair))) this.soon();
    await this.deps.onRound?.(next.has(0));
  }

  private someoneHoldsMore(leases: readonly ShardLease[], fair: number): boolean {
    const counts = new Map<string, number>();
    for (const lease of leases) if (lease.holder !== this.settings.owner) counts.set(lease.holder, (counts.get(lease.holder) ?? 0) + 1);
    return [...counts.values()].some((count) => count > fair);
  }

  private soon(): void {
    if (this.early !== undefined) return;
    this.early = setTimeout(() => {
      this.early = undefined;
      void this.tick();
    }, Math.max(50, Math.floor(this.settings.leaseMs / 12)));
    this.early.unref();
  }

  private set(next: Set<number>): void {
    const changed = next.size !== this.mine.size || [...next].some((shard) => !this.mine.has(shard));
    this.mine = next;
    if (changed) this.deps.onChange(this.mine);
  }
}
