import { differenceOf, type CellDelta, type PictureCell } from './picture-cell';
import type { ContributionKind, PictureRepository } from './picture.repository';

/** The sensitive fora among some fora: a set known beforehand, or a lookup of just those fora. */
export type SensitiveFora = ReadonlySet<string> | ((forumIds: readonly string[]) => Promise<ReadonlySet<string>>);

const forumIdsOf = (deltas: readonly CellDelta[]): string[] => [...new Set(deltas.map((d) => d.key.forumId))];

/**
 * Brings the cells up to date with one record's new contribution: adds new − old and remembers new.
 * The contribution is remembered after the cells are written, so a crash in between counts the change
 * again on the next write of the same record at worst; `rebuildPicture` repairs any drift.
 */
export async function recordContribution(
  repo: PictureRepository,
  kind: ContributionKind,
  id: string,
  next: readonly CellDelta[],
  sensitive: SensitiveFora,
): Promise<void> {
  const lookup = typeof sensitive === 'function' ? sensitive : async () => sensitive;
  // The fora of the new contribution are looked up beside the read of the old one; the old one's
  // other fora (rare: a record that moved) only after it.
  const nextFora = forumIdsOf(next);
  const [before, sensitiveOfNext] = await Promise.all([repo.contributionOf(kind, id), lookup(nextFora)]);
  const changes = differenceOf(before, next);
  if (changes.length === 0 && before.length === next.length) return;
  const others = [...new Set(changes.map((c) => c.forumId))].filter((f) => !nextFora.includes(f));
  const sensitiveForumIds = others.length === 0 ? sensitiveOfNext : new Set([...sensitiveOfNext, ...(await lookup(others))]);
  await Promise.all([repo.add(changes), repo.add(summaryOf(changes, sensitiveForumIds), 'summary')]);
  await repo.setContribution(kind, id, next);
}

/**
 * Open fora folded into `*`; a sensitive forum keeps its own cells (sealed for outsiders). The summary
 * has circulation rates for all open fora together; rates per forum come from the detail of the fora
 * chosen (a row per forum and month would make the summary grow with the number of fora).
 */
export function summaryOf(changes: readonly PictureCell[], sensitiveForumIds: ReadonlySet<string>): PictureCell[] {
  return differenceOf(
    [],
    changes.map((c) => ({
      key: { month: c.month, category: c.category, area: c.area, forumId: sensitiveForumIds.has(c.forumId) ? c.forumId : SUMMARY_FORUM },
      add: c.counters,
    })),
  );
}

/** The forum id of the summary's folded cells. */
export const SUMMARY_FORUM = '*';
