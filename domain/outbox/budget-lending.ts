import type { RateWindow } from './rate-limit.policy';

/**
 * The tenant's budget is split by shards held, so an instance whose shards ran dry would leave its
 * share unused while another still has a backlog. A dry instance may lend its share, by name, to
 * the instances that say they have work waiting, for a short time written in its beat; until that
 * time has passed it sends nothing itself, even when work comes back. A borrower uses a loan from
 * `guardMs` after the lender's last request and up to `guardMs` before the loan ends, so the
 * other's requests have left the service's window (and a clock difference of up to a window is
 * covered) before either sends on that share. What is lent is named per borrower, never "to
 * whoever wants it", so the shares in use never add up to more than the whole.
 */

/** A loan of budget in an idle instance's beat: shares (0–1 of the tenant budget) per borrower, from and until when. */
export interface BudgetLoan {
  /** Not before: the lender's last request plus `guardMs`, so it has left the service's window. */
  from: string;
  until: string;
  to: Readonly<Record<string, number>>;
}

/** What an instance says about the budget in its beat. */
export interface BudgetNote {
  /** Messages are waiting for the tenant's slots: it would send faster with more budget. */
  wants: boolean;
  loan?: BudgetLoan;
}

/** An instance's beat as the lending reads it. */
export interface LendingBeat {
  worker: string;
  /** The beat's own end: a worker whose beat ran out is not lent to. */
  until: string;
  note?: BudgetNote;
}

export interface LendingTimes {
  /** How often an instance that lends or borrows looks again (and a lender renews its loan). */
  refreshMs: number;
  /** How long a loan lasts from the moment it is written; also the longest a lender's own work waits. */
  loanMs: number;
  /** A borrower stops using a loan this long before its end. */
  guardMs: number;
}

/** Timed by the tenant's longest window: its length again for the window to empty, and once more for clocks and latency. */
export function lendingTimesFor(tenant: readonly RateWindow[]): LendingTimes {
  const windowMs = Math.max(...tenant.map((w) => w.windowMs));
  return { refreshMs: windowMs, loanMs: 6 * windowMs, guardMs: 2 * windowMs };
}

/** Has more waiting than one window of its share lets through: worth asking for more. */
export function wantsMore(dueWaiting: number, share: number, tenant: readonly RateWindow[]): boolean {
  const perWindow = Math.min(...tenant.map((w) => w.max * share));
  return dueWaiting > Math.max(1, Math.floor(perWindow));
}

/**
 * What an idle instance lends: its whole share, split between the other live instances that want
 * more, by the shards each holds (equally when none are known). Undefined when no one wants it.
 *
 * While an earlier loan has not ended, a new one keeps its split and only moves the end on, as long
 * as everyone it names still wants more: borrowers may each hold a different version of the loan,
 * and only the same split in every version keeps the parts within the share. When one named no
 * longer wants, the loan is left to end, and a new split follows once it has.
 */
export function planLoan(input: {
  self: string;
  share: number;
  now: Date;
  /** When this instance last sent (ms); undefined when never. */
  lastSlotAt?: number;
  times: LendingTimes;
  beats: readonly LendingBeat[];
  shardsHeldBy: ReadonlyMap<string, number>;
  /** This instance's last loan, if any. */
  previous?: BudgetLoan;
}): BudgetLoan | undefined {
  const now = input.now.getTime();
  const until = new Date(now + input.times.loanMs).toISOString();
  const from = new Date(Math.max(now, (input.lastSlotAt ?? 0) + input.times.guardMs)).toISOString();
  const wanting = input.beats.filter((beat) => beat.worker !== input.self && beat.note?.wants === true && Date.parse(beat.until) > now).map((beat) => beat.worker);
  const previous = input.previous;
  if (previous !== undefined && Date.parse(previous.until) > now) {
    const named = Object.keys(previous.to);
    return named.every((worker) => wanting.includes(worker)) ? { from: previous.from, until, to: previous.to } : undefined;
  }
  if (wanting.length === 0 || input.share <= 0) return undefined;
  const weights = wanting.map((worker) => input.shardsHeldBy.get(worker) ?? 0);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const to: Record<string, number> = {};
  wanting.forEach((worker, i) => (to[worker] = total === 0 ? input.share / wanting.length : (input.share * weights[i]!) / total));
  return { from, until, to };
}

/** One loan as a borrower may use it: its part, from and until when (ms, the guards applied). */
export interface UsableLoan {
  part: number;
  from: number;
  until: number;
}

/** The loans named for this instance that are not over, each with the span it may be used in. */
export function loansFor(input: { self: string; now: Date; times: LendingTimes; beats: readonly LendingBeat[] }): UsableLoan[] {
  const now = input.now.getTime();
  const usable: UsableLoan[] = [];
  for (const beat of input.beats) {
    const loan = beat.note?.loan;
    if (beat.worker === input.self || loan === undefined) continue;
    const part = loan.to[input.self] ?? 0;
    const until = Date.parse(loan.until) - input.times.guardMs;
    const from = Date.parse(loan.from);
    if (part > 0 && until > now && from < until) usable.push({ part, from, until });
  }
  return usable;
}

/** What the loans add to this instance's share at `now`. */
export function borrowedAt(loans: readonly UsableLoan[], now: number): number {
  return loans.reduce((sum, loan) => (loan.from <= now && now < loan.until ? sum + loan.part : sum), 0);
}
