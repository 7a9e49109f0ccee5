import { hasRole } from '../fora/forum.rules';
import type { Member } from '../fora/forum';
import { allowed, refused, type Verdict } from '../shared/domain-error';
import type { ActionItem, ActionStatus } from './action-item';

/** Only the owner, the chair or the secretary may change an action item. */
export function canChangeActionItem(item: ActionItem, actorId: string, actor: Member | undefined): Verdict {
  if (item.owner.kind === 'member' && item.owner.userId === actorId) return allowed;
  return hasRole(actor, 'chair', 'secretary') ? allowed : refused('ACTION.NOT_OWNER_OR_CHAIR');
}

const NEXT: Record<ActionStatus, readonly ActionStatus[]> = {
  open: ['started', 'blocked', 'done', 'cancelled'],
  started: ['blocked', 'done', 'cancelled', 'open'],
  blocked: ['started', 'done', 'cancelled', 'open'],
  done: ['open'],
  cancelled: ['open'],
};

/** Status moves: done and cancelled items can only be reopened. */
export function canMoveStatus(from: ActionStatus, to: ActionStatus, blockedReason?: string): Verdict {
  if (!NEXT[from].includes(to)) return refused('ACTION.BAD_STATUS_CHANGE', { from, to });
  if (to === 'blocked' && (blockedReason ?? '').trim().length === 0) return refused('ACTION.BLOCKED_NEEDS_REASON');
  return allowed;
}

export const isOpen = (item: Pick<ActionItem, 'status'>): boolean => item.status !== 'done' && item.status !== 'cancelled';

/** Overdue: still open and its due date (a local date) is before today's local date. */
export const isOverdue = (item: Pick<ActionItem, 'status' | 'dueDate'>, todayLocal: string): boolean =>
  isOpen(item) && item.dueDate < todayLocal;

/** Recording action items (after or during a meeting) is for the chair or the secretary. */
export function canRecordActionItems(actor: Member | undefined): Verdict {
  return hasRole(actor, 'chair', 'secretary') ? allowed : refused('FORUM.NOT_CHAIR_OR_SECRETARY');
}

/** A new due date may not lie in the past (today is fine). */
export function checkDueDate(dueDate: string, todayLocal: string): Verdict {
  return dueDate < todayLocal ? refused('ACTION.DUE_IN_PAST', { dueDate }) : allowed;
}
