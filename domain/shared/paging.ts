/**
 * Where a page of a list that is read whole begins (0-based), asked for from its `from`th entry
 * (1-based, as "Vis flere" sends it). Past the end (entries gone since the last page): the last
 * page there is.
 */
export function pageStart(from: number, total: number, pageSize: number): number {
  const lastPageStart = Math.floor(Math.max(0, total - 1) / pageSize) * pageSize;
  return Math.max(0, Math.min(from - 1, lastPageStart));
}
