import { ConcurrencyError } from '../domain/shared/repository-errors';

export const UPDATE_TRIES = 12;
/** Pauses double from 50 ms up to this; with full jitter, 20 writers of one row spread out within a few tries. */
const MAX_PAUSE_MS = 1000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a read-change-write attempt again when someone else wrote in between (ConcurrencyError),
 * with a growing, jittered pause so contenders spread out. After the last try the conflict stands.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, tries = UPDATE_TRIES): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || n >= tries) throw error;
      await sleep(Math.random() * Math.min(MAX_PAUSE_MS, 25 * 2 ** n));
    }
  }
}
