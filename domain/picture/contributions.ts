import type { ActionItem } from '../actions/action-item';
import type { Escalation, EscalationStep } from '../escalations/escalation';
import { deadlinesOf } from '../escalations/escalation-deadline-settings';
import { levelRank, type Forum, type Level } from '../fora/forum';
import type { CellCounters, CellDelta, CounterName } from './picture-cell';
import { dayOf, monthOf } from './months';

/**
 * What each kind of record adds to the picture's cells. Cases are counted in the month they were
 * raised (a cohort): their later acknowledgement, decision and "Læst" land in that month's cell.
 */

const MINUTE = 60_000;
const minutesBetween = (from: string, to: string): number => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / MINUTE));

/** Who was expected to read a case's decision, and how many did. */
export interface DecisionReading {
  audience: number;
  readers: number;
}

export type ForumFacts = Pick<Forum, 'id' | 'level' | 'escalationDeadlines'>;

const REACHED: Record<Level, CounterName> = { executing: 'reachedExecuting', coordinating: 'reachedCoordinating', strategic: 'reachedStrategic' };

export function caseContribution(escalation: Escalation, history: readonly EscalationStep[], fora: ReadonlyMap<string, ForumFacts>, reading?: DecisionReading): CellDelta[] {
  const add: Partial<CellCounters> = { raised: 1 };
  const levels = escalation.path.flatMap((id) => {
    const level = fora.get(id)?.level;
    return level === undefined ? [] : [level];
  });
  const reached = levels.reduce<Level | undefined>((top, l) => (top === undefined || levelRank(l) > levelRank(top) ? l : top), undefined);
  if (reached !== undefined) add[REACHED[reached]] = 1;

  const ack = history.find((s) => s.action === 'acknowledge');
  if (ack !== undefined) {
    const minutes = minutesBetween(escalation.raisedAt, ack.at);
    const firstHolder = fora.get(history[0]?.toForumId ?? escalation.currentForumId);
    const deadlineHours = firstHolder === undefined ? undefined : deadlinesOf(firstHolder).escalateAfterHours[escalation.urgency];
    add.acknowledged = 1;
    add.ackMinutes = { [minutes]: 1 };
    // An acknowledgement after the case was sent on automatically was not in time, whatever its clock says.
    const autoFirst = history.some((s) => s.action === 'auto_escalate' && s.seq < ack.seq);
    if (deadlineHours !== undefined && minutes <= deadlineHours * 60 && !autoFirst) add.acknowledgedInTime = 1;
  }
  const decision = history.find((s) => s.action === 'resolve');
  if (decision !== undefined) {
    add.decided = 1;
    add.decisionMinutes = { [minutesBetween(escalation.raisedAt, decision.at)]: 1 };
    add.decisionsSent = 1;
    if (reading !== undefined) {
      add.decisionAudience = reading.audience;
      add.decisionReaders = Math.min(reading.readers, reading.audience);
    }
  }
  const autos = history.filter((s) => s.action === 'auto_escalate').length;
  if (autos > 0) add.autoEscalations = autos;
  return [{ key: { month: monthOf(escalation.raisedAt), forumId: escalation.originForumId, category: escalation.category, area: escalation.area ?? '' }, add }];
}

export function actionItemContribution(item: ActionItem): CellDelta[] {
  const add: Partial<CellCounters> = { itemsOpened: 1 };
  if (item.status === 'done') {
    const doneDay = item.closedAt === undefined ? item.dueDate : dayOf(new Date(item.closedAt));
    if (doneDay <= item.dueDate) add.itemsDoneOnTime = 1;
    else add.itemsDoneLate = 1;
  } else if (item.status !== 'cancelled') add.itemsOpenByDue = { [item.dueDate]: 1 };
  return [{ key: { month: monthOf(item.createdAt), forumId: item.forumId, category: '', area: '' }, add }];
}

/** A circulation before a meeting: consultants asked for input and those who answered (also "no comments"). */
export function circulationContribution(forumId: string, meetingStart: string, asked: number, answered: number): CellDelta[] {
  return [{ key: { month: monthOf(meetingStart), forumId, category: '', area: '' }, add: { circulationAsked: asked, circulationAnswered: Math.min(answered, asked) } }];
}

/** A meeting in the month it starts: kept (held, for a finished period), moved, or cancelled. */
export function meetingContribution(forumId: string, start: string, status: 'scheduled' | 'moved' | 'cancelled'): CellDelta[] {
  const add: Partial<CellCounters> = status === 'cancelled' ? { meetingsCancelled: 1 } : status === 'moved' ? { meetingsMoved: 1, meetingsHeld: 1 } : { meetingsHeld: 1 };
  return [{ key: { month: monthOf(start), forumId, category: '', area: '' }, add }];
}
