import { differenceOf, type CellDelta } from './picture-cell';
import type { ContributionKind, PictureRepository } from './picture.repository';

/**
 * Brings the cells up to date with one record's new contribution: adds new − old and remembers new.
 * The contribution is remembered after the cells are written, so a crash in between counts the change
 * again on the next write of the same record at worst; `rebuildPicture` repairs any drift.
 */
export async function recordContribution(repo: PictureRepository, kind: ContributionKind, id: string, next: readonly CellDelta[]): Promise<void> {
  const before = await repo.contributionOf(kind, id);
  const changes = differenceOf(before, next);
  if (changes.length === 0 && before.length === next.length) return;
  await repo.add(changes);
  await repo.setContribution(kind, id, next);
}
