import type { CellDelta, PictureCell } from './picture-cell';

/** What kind of record a contribution comes from (its id is unique within the kind). */
export type ContributionKind = 'case' | 'item' | 'circulation' | 'meeting';

export interface PictureRepository {
  /** Adds each change's counters to the stored cell (read, add, write if unchanged; retried on conflict). */
  add(changes: readonly PictureCell[]): Promise<void>;
  /** The cells of these months ("2026-03"); one partition read per month. */
  listMonths(months: readonly string[]): Promise<PictureCell[]>;
  /** What a record last added, so its next change adds only the difference; empty when never seen. */
  contributionOf(kind: ContributionKind, id: string): Promise<CellDelta[]>;
  setContribution(kind: ContributionKind, id: string, deltas: readonly CellDelta[]): Promise<void>;
  /** Forgets every cell and contribution (before a rebuild). */
  clear(): Promise<void>;
}
