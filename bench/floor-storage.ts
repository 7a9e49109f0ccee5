import type { Storage } from '../storage/index';

/**
 * The floor of a turn on this machine: what any design that reads storage once per turn could reach
 * (a projection per person kept on every change, at its best). Every repository read is answered
 * from memory after its first answer; the first read of each turn waits for one real point read
 * first. Writes go through and forget what was kept of their repository and of the change marks
 * (which the forum's writers move beside their own rows). For the benchmark only: nothing here
 * would be correct for another process's writes.
 */
export interface FloorStorage {
  storage: Storage;
  /** The next read waits for one real point read: call when a turn starts. */
  startTurn(): void;
}

// Reads by their verb; anything else (save, markSeen, dequeue …) goes through as a write.
const READS = /^(find|list|count|history|marks$|cursor$|contributionOf$)/;
// Reads that ask from "now" carry the instant; the answer is the same within a run.
const INSTANT = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;
const MARKS = 'reminderIndex';

export function floorStorage(real: Storage, pointRead: () => Promise<unknown>): FloorStorage {
  const kept = new Map<string, Map<string, Promise<unknown>>>();
  let owesRead = false;
  const keptOf = (repo: string): Map<string, Promise<unknown>> => {
    let map = kept.get(repo);
    if (map === undefined) kept.set(repo, (map = new Map()));
    return map;
  };

  const wrap = (repo: string, target: object): object =>
    new Proxy(target, {
      get(object, prop, receiver) {
        const value = Reflect.get(object, prop, receiver) as unknown;
        if (typeof value !== 'function' || typeof prop !== 'string') return value;
        const method = value as (...args: unknown[]) => Promise<unknown>;
        if (!READS.test(prop)) {
          return (...args: unknown[]) => {
            kept.delete(repo);
            kept.delete(MARKS);
            return method.apply(object, args);
          };
        }
        return async (...args: unknown[]) => {
          if (owesRead) {
            owesRead = false;
            await pointRead();
          }
          const key = `${prop}(${JSON.stringify(args).replace(INSTANT, 'now')})`;
          const map = keptOf(repo);
          let answer = map.get(key);
          if (answer === undefined) {
            answer = method.apply(object, args);
            map.set(key, answer);
            answer.catch(() => map.delete(key));
          }
          return answer;
        };
      },
    });

  const storage = Object.fromEntries(Object.entries(real).map(([name, part]) => [name, typeof part === 'object' && part !== null ? wrap(name, part) : part])) as unknown as Storage;
  return {
    storage,
    startTurn: () => {
      owesRead = true;
    },
  };
}
