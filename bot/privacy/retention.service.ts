import { RetentionCursor, nextPass, type InputsWatermark } from '../../domain/privacy/retention-pass';
import { audit } from '../core/audit';
import type { BotServices } from '../core/services';
import { backfillOutboxIndex } from './outbox-backfill';
import { countsOf, entriesOf, inputsWatermarkJob, planForum, planOutbox, planSize, type ForumPlan, type RetentionEntry, type RetentionServices } from './retention-plan';

export const RETENTION_JOB = 'privacy.retention';
/** Audit partition for what belongs to no forum (the outbox, the dry run, removed people). */
export const SYSTEM_AUDIT = 'system';
/** Rows one run deletes at most; the next run continues from the stored cursor. */
export const DEFAULT_MAX_ROWS_PER_RUN = 5_000;
const OUTBOX_CHUNK = 500;

type Services = RetentionServices & Pick<BotServices, 'clock'>;

export interface RetentionRun {
  outcome: 'idle' | 'dryRun' | 'partial' | 'finished';
  /** What this run deleted (or, for the first dry run, would delete). */
  entries: RetentionEntry[];
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * What a pass started at `at` deletes, without deleting anything: fora in id order, then the outbox.
 * It first completes the outbox index's backfill (no data changes, only the index), so it lists the
 * messages that finished before the index existed exactly as the pass will.
 */
export async function retentionDryRun(services: RetentionServices, at: Date): Promise<RetentionEntry[]> {
  const entries: RetentionEntry[] = [];
  const fora = (await services.fora.list()).sort(byId);
  for (let start = 0; start < fora.length; start += FORA_AT_ONCE) {
    const plans = await Promise.all(fora.slice(start, start + FORA_AT_ONCE).map((forum) => planForum(services, forum, at, Number.POSITIVE_INFINITY)));
    entries.push(...plans.flatMap(entriesOf));
  }
  await backfillOutboxIndex(services, Number.POSITIVE_INFINITY);
  const outbox = await planOutbox(services, at, Number.POSITIVE_INFINITY);
  if (outbox.length > 0) entries.push({ forumId: SYSTEM_AUDIT, kind: 'outbox', keys: outbox.map((message) => message.id) });
  return entries;
}

/** Runs `work` over `items`, `width` at a time (storage takes parallel deletes well; unbounded would not). */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}
const WIDTH = 8;

/**
 * What of a forum's plan fits the budget: audit rows, then agendas' inputs (whole), items, cases.
 * `firstOfRun`: nothing went yet in this run, so one agenda's inputs larger than the whole budget may
 * still go (alone) — otherwise such an agenda would never go.
 */
function withinBudget(plan: ForumPlan, budget: number, firstOfRun: boolean): ForumPlan {
  let left = budget;
  const audit = plan.audit.slice(0, left);
  left -= audit.length;
  const agendaInputs: ForumPlan['agendaInputs'] = [];
  for (const group of plan.agendaInputs) {
    if (left < group.inputs.length && !(firstOfRun && left === budget)) break;
    agendaInputs.push(group);
    left -= group.inputs.length;
  }
  const actionItems = plan.actionItems.slice(0, Math.max(left, 0));
  left -= actionItems.length;
  const cases = plan.cases.slice(0, Math.max(left, 0));
  return { forumId: plan.forumId, audit, agendaInputs, actionItems, cases };
}

/** Deletes a chosen plan; each delete is idempotent, so a crash only leaves work for the next run. */
async function deleteChosen(services: RetentionServices, chosen: ForumPlan): Promise<void> {
  if (chosen.audit.length > 0) await services.audit.remove(chosen.audit);
  await inParallel(chosen.agendaInputs, WIDTH, (group) => services.agendaInputs.removeRows(group.agendaId, group.rowKeys));
  await inParallel(chosen.actionItems, WIDTH, (item) => services.actionItems.delete(item.forumId, item.id));
  await inParallel(chosen.cases, WIDTH, (escalation) => services.escalations.delete(escalation.id));
}

/**
 * Fora planned and deleted at once. Fora are separate partitions, so they do not contend; one by one,
 * a pass over 1,000 fora waited on some ten round trips per forum in a row.
 */
export const FORA_AT_ONCE = 4;

/**
 * What of each plan fits the budget, shared in forum order exactly as one forum after another would
 * (the first forum of a run may take an agenda larger than the budget). `complete` is how many of the
 * leading plans go whole.
 */
function shareBudget(plans: readonly ForumPlan[], budget: number, maxRows: number): { chosen: ForumPlan[]; complete: number; left: number } {
  const chosen: ForumPlan[] = [];
  let left = budget;
  let complete = 0;
  for (const plan of plans) {
    if (left <= 0) break;
    const part = withinBudget(plan, left, left === maxRows);
    chosen.push(part);
    left -= planSize(part);
    if (planSize(part) < planSize(plan)) break;
    complete += 1;
  }
  return { chosen, complete, left };
}

/** Moves the inputs watermark of the fora whose plan went whole, where agendas crossed the cut-off. */
async function saveWatermarks(services: Services, whole: readonly ForumPlan[]): Promise<void> {
  await Promise.all(
    whole.flatMap((plan) =>
      plan.inputsPurgedBefore === undefined ? [] : [services.jobState.save(inputsWatermarkJob(plan.forumId), { purgedBefore: plan.inputsPurgedBefore } satisfies InputsWatermark)],
    ),
  );
}

async function auditCounts(services: Services, forumId: string, action: string, entries: readonly RetentionEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await audit(services, { forumId, action, subject: 'retention', after: countsOf(entries) });
}

async function readCursor(services: Services): Promise<RetentionCursor | undefined> {
  const stored = await services.jobState.find(RETENTION_JOB);
  if (stored === undefined) return undefined;
  const parsed = RetentionCursor.safeParse(stored);
  if (parsed.success) return parsed.data;
  // A cursor we cannot read only costs a fresh pass; say so rather than fail every day.
  services.logger.warn({ job: RETENTION_JOB }, 'retention cursor unreadable; starting a new pass');
  return { passStartedAt: new Date(0).toISOString(), foraDone: true, finishedAt: new Date(0).toISOString() };
}

/**
 * One bounded run of the daily retention pass. The very first run only reports what would go (a dry
 * run in the audit, counts per kind), so the municipality sees it a day before anything is deleted.
 * After that, a pass starts once a day and deletes what expired at its start; a run that hits
 * `maxRows`, or dies, leaves the cursor at the last finished forum and the next run goes on from there.
 */
export async function runRetention(services: Services, now: Date, maxRows = DEFAULT_MAX_ROWS_PER_RUN): Promise<RetentionRun> {
  const stored = await readCursor(services);
  if (stored === undefined) {
    const entries = await retentionDryRun(services, now);
    await audit(services, { forumId: SYSTEM_AUDIT, action: 'retention.dryRun', subject: 'retention', after: countsOf(entries) });
    await services.jobState.save(RETENTION_JOB, { passStartedAt: now.toISOString(), foraDone: true, finishedAt: now.toISOString() } satisfies RetentionCursor);
    return { outcome: 'dryRun', entries };
  }
  const decision = nextPass(stored, now);
  if (decision.kind === 'idle') return { outcome: 'idle', entries: [] };
  let cursor = decision.cursor;
  const save = (next: RetentionCursor): Promise<void> => services.jobState.save(RETENTION_JOB, (cursor = next));
  if (decision.kind === 'start') await save(cursor);
  const at = new Date(cursor.passStartedAt);
  const deleted: RetentionEntry[] = [];
  let budget = maxRows;

  if (!cursor.foraDone) {
    const after = cursor.afterForumId;
    const fora = (await services.fora.list()).filter((forum) => after === undefined || forum.id > after).sort(byId);
    for (let start = 0; start < fora.length; start += FORA_AT_ONCE) {
      if (budget <= 0) return { outcome: 'partial', entries: deleted };
      const group = fora.slice(start, start + FORA_AT_ONCE);
      const plans = await Promise.all(group.map((forum) => planForum(services, forum, at, budget + 1)));
      const { chosen, complete, left } = shareBudget(plans, budget, maxRows);
      // Every forum's deletes run to their end; if one fails, the cursor still moves past those before it that went whole.
      const settled = await Promise.allSettled(chosen.map((part) => deleteChosen(services, part)));
      const failed = settled.findIndex((result) => result.status === 'rejected');
      const went = failed === -1 ? chosen : chosen.slice(0, failed);
      await Promise.all(went.map((part) => auditCounts(services, part.forumId, 'retention.deleted', entriesOf(part))));
      await saveWatermarks(services, plans.slice(0, Math.min(complete, went.length)));
      deleted.push(...went.flatMap(entriesOf));
      budget = left;
      // The cursor moves past the fora whose plan went whole; the next run plans the rest again (what went is gone by then).
      const lastWhole = group[Math.min(complete, went.length) - 1];
      if (lastWhole !== undefined) await save({ ...cursor, afterForumId: lastWhole.id });
      if (failed !== -1) throw (settled[failed] as PromiseRejectedResult).reason;
      if (complete < group.length) return { outcome: 'partial', entries: deleted };
    }
    await save({ ...cursor, foraDone: true });
  }

  // Messages finished before the outbox's index existed are filed first; until then the pass is not over.
  if (!(await backfillOutboxIndex(services))) return { outcome: 'partial', entries: deleted };
  const outboxKeys: string[] = [];
  try {
    while (budget > 0) {
      const expired = await planOutbox(services, at, Math.min(budget, OUTBOX_CHUNK));
      if (expired.length === 0) break;
      await services.outboxRecords.removeFinished(expired);
      outboxKeys.push(...expired.map((message) => message.id));
      budget -= expired.length;
    }
  } finally {
    const entries = outboxKeys.length === 0 ? [] : [{ forumId: SYSTEM_AUDIT, kind: 'outbox' as const, keys: outboxKeys }];
    await auditCounts(services, SYSTEM_AUDIT, 'retention.deleted', entries);
    deleted.push(...entries);
  }
  if (budget <= 0) return { outcome: 'partial', entries: deleted };
  await save({ ...cursor, finishedAt: now.toISOString() });
  return { outcome: 'finished', entries: deleted };
}
