import type { ActionItem } from '../../domain/actions/action-item';
import type { AgendaInput } from '../../domain/agendas/agenda';
import type { AuditEvent } from '../../domain/audit/audit-event';
import type { Escalation } from '../../domain/escalations/escalation';
import type { Forum } from '../../domain/fora/forum';
import type { OutboxMessage } from '../../domain/outbox/outbox-message';
import { InputsWatermark } from '../../domain/privacy/retention-pass';
import { retentionOf } from '../../domain/privacy/retention-settings';
import { actionItemExpired, caseExpired, cutoffsOf, inputsExpired, outboxExpired, type RetentionKind } from '../../domain/privacy/retention.rules';
import { retentionSettingsOf } from '../config';
import type { BotServices } from '../core/services';

export type RetentionServices = Pick<BotServices, 'fora' | 'agendas' | 'agendaInputs' | 'actionItems' | 'escalations' | 'audit' | 'jobState' | 'outboxRecords' | 'config' | 'logger'>;

/** What expired in one forum at one instant: the same list drives the dry run and the deletion. */
export interface ForumPlan {
  forumId: string;
  /** Consultants' inputs, grouped by the agenda whose meeting is long past. */
  agendaInputs: { agendaId: string; inputs: AgendaInput[]; rowKeys: string[] }[];
  actionItems: ActionItem[];
  cases: Escalation[];
  audit: AuditEvent[];
  /**
   * The forum's new "inputs purged before" once this plan went whole: set only when agendas crossed
   * the cut-off since the last pass, so a pass with nothing new writes nothing.
   */
  inputsPurgedBefore?: string;
}

/** What went (or would go), by forum and kind, as stable keys (never contents). */
export interface RetentionEntry {
  forumId: string;
  kind: RetentionKind;
  keys: string[];
}

export const inputKey = (input: AgendaInput): string => `${input.agendaId}/${input.authorId}/${input.itemId ?? '-'}`;

/** The job state row of a forum's inputs watermark (beside the retention cursor). */
export const inputsWatermarkJob = (forumId: string): string => `privacy.retention.inputs.${forumId}`;

async function purgedBefore(services: RetentionServices, forumId: string): Promise<number> {
  const parsed = InputsWatermark.safeParse(await services.jobState.find(inputsWatermarkJob(forumId)));
  // None yet (or unreadable): every expired agenda is looked at, as before there were watermarks.
  return parsed.success ? Date.parse(parsed.data.purgedBefore) : Number.NEGATIVE_INFINITY;
}

/**
 * The expired data of one forum at `at`; audit rows up to `auditLimit` (they can be many). Only
 * agendas that crossed the inputs cut-off since the forum's watermark are looked into: those before
 * it were emptied by an earlier pass, and reading their empty inputs again would grow with history.
 */
export async function planForum(services: RetentionServices, forum: Forum, at: Date, auditLimit: number): Promise<ForumPlan> {
  const cutoffs = cutoffsOf(retentionOf(retentionSettingsOf(services.config), forum), at);
  const [agendas, items, cases, audit, watermark] = await Promise.all([
    services.agendas.listByForum(forum.id),
    services.actionItems.listByForum(forum.id),
    services.escalations.listByOriginForum(forum.id),
    services.audit.listBefore(forum.id, cutoffs.audit, auditLimit),
    purgedBefore(services, forum.id),
  ]);
  const expiredAgendas = agendas.filter((agenda) => inputsExpired(agenda, cutoffs) && Date.parse(agenda.meetingStart) >= watermark);
  // Read once with their row keys, so the delete needs no second read of the agenda.
  const agendaInputs = (await Promise.all(expiredAgendas.map(async (agenda) => ({ agendaId: agenda.id, ...(await services.agendaInputs.listForRemoval(agenda.id)) })))).filter(
    (group) => group.rowKeys.length > 0,
  );
  return {
    forumId: forum.id,
    agendaInputs,
    actionItems: items.filter((item) => actionItemExpired(item, cutoffs)),
    cases: cases.filter((escalation) => caseExpired(escalation, cutoffs)),
    audit,
    ...(expiredAgendas.length === 0 ? {} : { inputsPurgedBefore: cutoffs.agendaInputs.toISOString() }),
  };
}

/** Finished outbox messages past their weeks at `at` (municipality-wide: a message may belong to no forum). */
export async function planOutbox(services: RetentionServices, at: Date, limit: number): Promise<OutboxMessage[]> {
  const cutoffs = cutoffsOf(retentionSettingsOf(services.config), at);
  return (await services.outboxRecords.listFinishedBefore(cutoffs.outbox, limit)).filter((message) => outboxExpired(message, cutoffs));
}

export const planSize = (plan: ForumPlan): number =>
  plan.agendaInputs.reduce((sum, group) => sum + group.inputs.length, 0) + plan.actionItems.length + plan.cases.length + plan.audit.length;

/** A plan as report entries (kinds with nothing left out). */
export function entriesOf(plan: ForumPlan): RetentionEntry[] {
  const entries: RetentionEntry[] = [
    { forumId: plan.forumId, kind: 'agendaInputs', keys: plan.agendaInputs.flatMap((group) => group.inputs.map(inputKey)) },
    { forumId: plan.forumId, kind: 'actionItems', keys: plan.actionItems.map((item) => item.id) },
    { forumId: plan.forumId, kind: 'cases', keys: plan.cases.map((escalation) => escalation.id) },
    { forumId: plan.forumId, kind: 'audit', keys: plan.audit.map((event) => event.id) },
  ];
  return entries.filter((entry) => entry.keys.length > 0);
}

/** Counts per kind over a report, for the audit and the administrator's card. */
export function countsOf(entries: readonly RetentionEntry[]): Record<RetentionKind, number> {
  const counts: Record<RetentionKind, number> = { agendaInputs: 0, actionItems: 0, cases: 0, audit: 0, outbox: 0 };
  for (const entry of entries) counts[entry.kind] += entry.keys.length;
  return counts;
}
