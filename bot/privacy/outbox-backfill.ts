import { OutboxBackfillState } from '../../domain/privacy/retention-pass';
import type { RetentionServices } from './retention-plan';

/** Where the backfill of the outbox's finished-by-day index stands (a job state row of its own). */
export const OUTBOX_BACKFILL_JOB = 'privacy.retention.outbox-index';
/** Message rows the backfill reads per step; it saves where it stands after each. */
const STEP = 1_000;
/** Message rows one retention run lets the backfill read (a few columns each, a page per request). */
export const BACKFILL_ROWS_PER_RUN = 20_000;

async function readState(services: RetentionServices): Promise<OutboxBackfillState> {
  const stored = await services.jobState.find(OUTBOX_BACKFILL_JOB);
  if (stored === undefined) return { done: false };
  const parsed = OutboxBackfillState.safeParse(stored);
  if (parsed.success) return parsed.data;
  // Going over the messages again only costs time: every step is idempotent.
  services.logger.warn({ job: OUTBOX_BACKFILL_JOB }, 'outbox index backfill state unreadable; starting it over');
  return { done: false };
}

/**
 * Files the outbox messages that finished before the index existed, up to `maxRows` message rows
 * read, resuming where the last call stopped. Answers whether every message row has been gone over
 * (then the index alone answers retention, and later calls cost one point read).
 */
export async function backfillOutboxIndex(services: RetentionServices, maxRows = BACKFILL_ROWS_PER_RUN): Promise<boolean> {
  let state = await readState(services);
  let read = 0;
  while (!state.done && read < maxRows) {
    const step = await services.outboxRecords.indexFinished(state.after, Math.min(STEP, maxRows - read));
    read += step.read;
    state = { ...(step.after === undefined ? {} : { after: step.after }), done: step.done };
    await services.jobState.save(OUTBOX_BACKFILL_JOB, state);
    if (step.read === 0 && !step.done) break;
  }
  if (read > 0) services.logger.info({ job: OUTBOX_BACKFILL_JOB, read, done: state.done }, 'outbox index backfill');
  return state.done;
}
