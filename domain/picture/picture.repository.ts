import type { CellDelta, PictureCell } from './picture-cell';

/** What kind of record a contribution comes from (its id is unique within the kind). */
export type ContributionKind = 'case' | 'item' | 'circulation' | 'meeting';

/**
 * Cells come in two layers: `detail`, one per forum, category and area; and `summary`, the same with
 * every open forum folded into `*` (sensitive fora and circulations keep their forum), so a view of
 * all fora reads a few hundred cells whatever the number of fora.
 */
export type PictureLayer = 'detail' | 'summary';

export interface PictureRepository {
  /** Adds each change's counters to the stored cell (read, add, write if unchanged; retried on conflict). */
  add(changes: readonly PictureCell[], layer?: PictureLayer): Promise<void>;
  /** The cells of these months ("2026-03"); one partition read per month, or one range per forum when given. */
  listMonths(months: readonly string[], options?: { layer?: PictureLayer; forumIds?: readonly string[] }): Promise<PictureCell[]>;
  /** What a record last added, so its next change adds only the difference; empty when never seen. */
  contributionOf(kind: ContributionKind, id: string): Promise<CellDelta[]>;
  setContribution(kind: ContributionKind, id: string, deltas: readonly CellDelta[]): Promise<void>;
  /** Forgets every cell and contribution (before a rebuild). */
  clear(): Promise<void>;
}
