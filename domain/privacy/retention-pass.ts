import { z } from 'zod';
import { EntityId } from '../shared/ids';
import { Instant } from '../shared/time';

/** A full pass over every forum and the outbox runs at most once a day. */
export const PASS_INTERVAL_MS = 24 * 3_600_000;

/**
 * Where the retention job stands, stored between runs so a run that ran out of budget, or an
 * instance that died, continues where the last one stopped instead of starting over.
 */
export const RetentionCursor = z.object({
  /** When the current (or last) pass began; its cut-offs are taken from this instant. */
  passStartedAt: Instant,
  /** The last forum whose expired data is all gone in this pass; absent: none yet. */
  afterForumId: EntityId.optional(),
  /** All fora done; the outbox is next. */
  foraDone: z.boolean().default(false),
  finishedAt: Instant.optional(),
});
export type RetentionCursor = z.infer<typeof RetentionCursor>;

export type PassDecision = { kind: 'idle' } | { kind: 'continue'; cursor: RetentionCursor } | { kind: 'start'; cursor: RetentionCursor };

/** Continue an unfinished pass; start a new one a day after the last began; otherwise nothing to do. */
export function nextPass(cursor: RetentionCursor | undefined, now: Date): PassDecision {
  if (cursor !== undefined && cursor.finishedAt === undefined) return { kind: 'continue', cursor };
  if (cursor !== undefined && now.getTime() - Date.parse(cursor.passStartedAt) < PASS_INTERVAL_MS) return { kind: 'idle' };
  return { kind: 'start', cursor: { passStartedAt: now.toISOString(), foraDone: false } };
}

/**
 * The one-off backfill of the outbox's finished-by-day index (messages finished before it existed):
 * the last message position it went over, or done. Stored beside the cursor, read once per pass.
 */
export const OutboxBackfillState = z.object({
  after: z.string().min(1).optional(),
  done: z.boolean(),
});
export type OutboxBackfillState = z.infer<typeof OutboxBackfillState>;

/**
 * A forum's "inputs purged before": every agenda of the forum whose meeting began before this
 * instant has had its consultants' inputs deleted, so a pass need not look at those agendas again.
 */
export const InputsWatermark = z.object({ purgedBefore: Instant });
export type InputsWatermark = z.infer<typeof InputsWatermark>;
