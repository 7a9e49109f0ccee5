import { lendingTimesFor, loansFor, planLoan, wantsMore, type BudgetLoan, type BudgetNote, type LendingTimes, type UsableLoan } from '../../domain/outbox/budget-lending';
import type { OutboxShardLeases, ShardLease, WorkerBeat } from '../../domain/outbox/outbox-shards';
import type { RateWindow } from '../../domain/outbox/rate-limit.policy';
import type { Clock } from '../../domain/shared/time';
import type { Logger } from '../logger';

/** The beats and leases, as one read of the leases partition gives them. */
type Beats = { workers: readonly WorkerBeat[]; leases: readonly ShardLease[] };

/** What the worker tells the lending each look. */
export interface WorkerLoad {
  /** Messages due now and not in flight. */
  dueWaiting: number;
  /** Messages known (due later too), in flight, or possibly in a shard not found empty yet: any keeps the instance from lending. */
  pending: number;
  /** When this instance last took a tenant slot (ms). */
  lastSlotAt: number;
  /** Its own share of the tenant budget (shards held / shards). */
  share: number;
}

export interface BudgetLenderSettings {
  owner: string;
  /** The beat's life (the shard lease time), written with every beat. */
  leaseMs: number;
  tenant: readonly RateWindow[];
}

/**
 * Lends this instance's share of the tenant budget while its shards are dry and another instance
 * says it has a backlog, and borrows what others lend it. It reads the beats only while that can
 * matter (another instance is alive, and this one wants more or borrows, lends, saw someone
 * wanting, or just ran dry); otherwise the shard keeper's round (every third of a lease) brings
 * the beats. So one instance alone, or several with nothing to send, read nothing more.
 */
export class BudgetLender {
  private readonly times: LendingTimes;
  private note: BudgetNote = { wants: false };
  private lentUntilMs = 0;
  /** The last loan written (its split binds every renewal until it has ended). */
  private lastLoan: BudgetLoan | undefined;
  private othersWant = false;
  /** Another instance's beat was live at the last read: alone, there is no one to lend to or borrow from. */
  private othersAlive = false;
  private wasIdle = false;
  private borrowing = false;
  private timer: NodeJS.Timeout | undefined;
  private look: Promise<void> | undefined;

  constructor(
    private readonly leases: OutboxShardLeases,
    private readonly settings: BudgetLenderSettings,
    private readonly deps: { clock: Clock; logger: Logger; load: () => WorkerLoad; onLoans: (loans: readonly UsableLoan[]) => void },
  ) {
    this.times = lendingTimesFor(settings.tenant);
  }

  /** What every beat of this instance says (the shard keeper writes it too). */
  current(): BudgetNote {
    return this.note;
  }

  /** This instance lent its share until then: it sends nothing before. */
  lentUntil(): number {
    return this.lentUntilMs;
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.times.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The shard keeper's round read the beats: use them rather than reading again. */
  heard(beats: Beats): void {
    void this.tick(beats);
  }

  /** One look now (a look already running is awaited instead). */
  tick(heard?: Beats): Promise<void> {
    if (this.look !== undefined) return this.look;
    this.look = this.work(heard)
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'outbox: could not lend or borrow budget this round'))
      .finally(() => (this.look = undefined));
    return this.look;
  }

  private async work(heard: Beats | undefined): Promise<void> {
    const load = this.deps.load();
    const now = this.deps.clock.now();
    const idle = load.pending === 0;
    const wants = !idle && wantsMore(load.dueWaiting, load.share, this.settings.tenant);
    const lending = this.note.loan !== undefined;
    const becameIdle = idle && !this.wasIdle;
    this.wasIdle = idle;
    const mustRead = this.othersAlive && (wants || this.borrowing || (idle && (lending || this.othersWant || becameIdle)));
    const beats = heard ?? (mustRead ? await this.leases.read() : undefined);
    if (beats !== undefined) {
      const others = beats.workers.filter((beat) => beat.worker !== this.settings.owner && Date.parse(beat.until) > now.getTime());
      this.othersAlive = others.length > 0;
      this.othersWant = others.some((beat) => beat.note?.wants === true);
      this.borrow(beats.workers);
    }
    const loan =
      idle && beats !== undefined
        ? planLoan({ self: this.settings.owner, share: load.share, now, lastSlotAt: load.lastSlotAt, times: this.times, beats: beats.workers, shardsHeldBy: heldBy(beats.leases, now), ...(this.lastLoan === undefined ? {} : { previous: this.lastLoan }) })
        : undefined;
    if (loan !== undefined) {
      // Bound first, written second: a message arriving during the write already waits for the loan's end.
      this.lentUntilMs = Math.max(this.lentUntilMs, Date.parse(loan.until));
      if (!lending) this.deps.logger.info({ owner: this.settings.owner, to: loan.to }, 'outbox: lending our share of the tenant budget while our shards are dry');
      this.lastLoan = loan;
      return this.write({ wants: false, loan });
    }
    // Alone, a change of want waits for the keeper's next beat: no one reads it sooner.
    if (lending || (wants !== this.note.wants && this.othersAlive)) await this.write({ wants });
    else this.note = { wants };
  }

  private borrow(workers: readonly WorkerBeat[]): void {
    const loans = loansFor({ self: this.settings.owner, now: this.deps.clock.now(), times: this.times, beats: workers });
    if (loans.length > 0 && !this.borrowing) this.deps.logger.info({ owner: this.settings.owner, loans }, 'outbox: borrowing budget from instances whose shards are dry');
    this.borrowing = loans.length > 0;
    this.deps.onLoans(loans);
  }

  private async write(note: BudgetNote): Promise<void> {
    this.note = note;
    await this.leases.beat(this.settings.owner, new Date(this.deps.clock.now().getTime() + this.settings.leaseMs), note);
  }
}

function heldBy(leases: readonly ShardLease[], now: Date): Map<string, number> {
  const counts = new Map<string, number>();
  for (const lease of leases) if (Date.parse(lease.until) > now.getTime()) counts.set(lease.holder, (counts.get(lease.holder) ?? 0) + 1);
  return counts;
}
