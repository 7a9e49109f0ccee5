import type { ActionItem } from '../actions/action-item';
import type { Agenda } from '../agendas/agenda';
import { CLOSED_STATES, type Escalation } from '../escalations/escalation';
import { isFinal, type OutboxMessage } from '../outbox/outbox-message';
import type { RetentionSettings } from './retention-settings';

/** What the retention job deletes, by kind; counts in the audit and the report use these names. */
export const RETENTION_KINDS = ['agendaInputs', 'actionItems', 'cases', 'audit', 'outbox'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** The instants before which each kind has expired at `now`. */
export interface Cutoffs {
  agendaInputs: Date;
  actionItems: Date;
  cases: Date;
  audit: Date;
  outbox: Date;
}

/** Calendar months and years back in UTC; a day or two either way around month ends does not matter here. */
function monthsBefore(now: Date, months: number): Date {
  const at = new Date(now.getTime());
  at.setUTCMonth(at.getUTCMonth() - months);
  return at;
}

export const cutoffsOf = (settings: RetentionSettings, now: Date): Cutoffs => ({
  agendaInputs: monthsBefore(now, settings.agendaInputMonths),
  actionItems: monthsBefore(now, 12 * settings.closedActionItemYears),
  cases: monthsBefore(now, 12 * settings.closedCaseYears),
  audit: monthsBefore(now, 12 * settings.auditYears),
  outbox: new Date(now.getTime() - settings.outboxWeeks * 7 * 24 * 3_600_000),
});

const before = (instant: string | undefined, cutoff: Date): boolean => instant !== undefined && Date.parse(instant) < cutoff.getTime();

/** Consultants' inputs go some months after the meeting they were for; the agenda itself stays. */
export const inputsExpired = (agenda: Agenda, cutoffs: Cutoffs): boolean => before(agenda.meetingStart, cutoffs.agendaInputs);

/** Only done or cancelled items expire, counted from when they were closed. */
export const actionItemExpired = (item: ActionItem, cutoffs: Cutoffs): boolean =>
  (item.status === 'done' || item.status === 'cancelled') && before(item.closedAt ?? item.updatedAt, cutoffs.actionItems);

/** Only resolved or returned cases expire (with their history), counted from their last change. */
export const caseExpired = (escalation: Escalation, cutoffs: Cutoffs): boolean =>
  CLOSED_STATES.includes(escalation.state) && before(escalation.updatedAt, cutoffs.cases);

/** Where a finished message's weeks count from: its delivery, or its queueing when it never arrived. */
export const outboxRetainedFrom = (message: Pick<OutboxMessage, 'deliveredAt' | 'enqueuedAt'>): string => message.deliveredAt ?? message.enqueuedAt;

/** A message still queued or being sent never expires; a finished one some weeks after `outboxRetainedFrom`. */
export const outboxExpired = (message: OutboxMessage, cutoffs: Cutoffs): boolean => isFinal(message.status) && before(outboxRetainedFrom(message), cutoffs.outbox);
