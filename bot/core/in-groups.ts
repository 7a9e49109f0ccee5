/** Runs `work` over `values`, `width` at a time: side by side enough to overlap storage round trips, few enough not to flood the account. */
export async function inGroups<T>(values: readonly T[], width: number, work: (value: T) => Promise<unknown>): Promise<void> {
  for (let at = 0; at < values.length; at += width) await Promise.all(values.slice(at, at + width).map(work));
}
