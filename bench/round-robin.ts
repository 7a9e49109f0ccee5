/**
 * Variants measured side by side: round r runs every variant once, starting with variant r mod n,
 * so machine noise falls on all of them alike. With `concurrency` > 1 that many turns are in flight,
 * taken from the same schedule in order.
 */
export interface RoundRobinVariant<R> {
  /** Runs one turn with the pool member `i`. */
  turn(i: number): Promise<R>;
}

function schedule(variants: number, rounds: number): { variant: number; round: number }[] {
  const jobs: { variant: number; round: number }[] = [];
  for (let round = 0; round < rounds; round++) for (let k = 0; k < variants; k++) jobs.push({ variant: (round + k) % variants, round });
  return jobs;
}

/** Each variant's results in the order they finished; round r is the pool member `offset + r`. */
export async function runRoundRobin<R>(variants: readonly RoundRobinVariant<R>[], rounds: number, offset: number, concurrency: number): Promise<R[][]> {
  const results: R[][] = variants.map(() => []);
  const jobs = schedule(variants.length, rounds);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      results[job.variant]!.push(await variants[job.variant]!.turn(offset + job.round));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return results;
}
