import { refusal, type Refusal } from './refusal';
import type { Member } from '../fora/forum';
import { hasRole } from '../fora/forum.rules';
import { containsCprNumber } from '../shared/cpr-guard';
import { refused, type Verdict } from '../shared/domain-error';
import { BLOCKED_REASON_MAX, type ActionItem, type ActionStatus } from './action-item';
import { canChangeActionItem, canMoveStatus, checkDueDate, isOpen } from './action-item.rules';

/** One change to an action item, as the owner or the chair asks for it on a card. */
export type ActionChange =
  | { kind: 'status'; to: ActionStatus; reason?: string }
  /** The owner asks for a later due date; the chair or secretary accepts or rejects it. */
  | { kind: 'proposeDueDate'; date: string }
  | { kind: 'acceptProposal' }
  | { kind: 'rejectProposal' }
  | { kind: 'setDueDate'; date: string }
  /** Follow-up at the next meeting: still open, new due date. */
  | { kind: 'carryOver'; date: string }
  | { kind: 'linkEscalation'; escalationId: string };

export interface ChangeContext {
  actorId: string;
  /** The actor's membership of the item's forum (undefined: not a member). */
  actor: Member | undefined;
  todayLocal: string;
  now: Date;
}

export type ChangeResult = { ok: true; item: ActionItem } | Refusal;

/** What only the chair or the secretary may do, even to an item they do not own. */
const CHAIR_ONLY: readonly ActionChange['kind'][] = ['acceptProposal', 'rejectProposal', 'setDueDate', 'carryOver', 'linkEscalation'];

function permitted(item: ActionItem, change: ActionChange, ctx: ChangeContext): Verdict {
  const base = canChangeActionItem(item, ctx.actorId, ctx.actor);
  if (!base.ok) return base;
  const chairOnly = CHAIR_ONLY.includes(change.kind) || (change.kind === 'status' && change.to === 'cancelled');
  if (chairOnly && !hasRole(ctx.actor, 'chair', 'secretary')) return refusal(refused('FORUM.NOT_CHAIR_OR_SECRETARY'));
  return { ok: true };
}

function checkReason(reason: string | undefined): Verdict {
  const text = (reason ?? '').trim();
  if (text.length > BLOCKED_REASON_MAX) return refusal(refused('INPUT.TOO_LONG', { max: BLOCKED_REASON_MAX, length: text.length }));
  if (containsCprNumber(text)) return refusal(refused('INPUT.CPR_NUMBER'));
  return { ok: true };
}

/**
 * The item after the change, or why not. Pure and deterministic, so the repository may re-apply it
 * to a newer version after a concurrent write (owner and chair at once: both changes survive).
 */
export function applyActionChange(item: ActionItem, change: ActionChange, ctx: ChangeContext): ChangeResult {
  const permission = permitted(item, change, ctx);
  if (!permission.ok) return permission;
  const updatedAt = ctx.now.toISOString();

  switch (change.kind) {
    case 'status': {
      const reasonCheck = change.to === 'blocked' ? checkReason(change.reason) : { ok: true as const };
      if (!reasonCheck.ok) return reasonCheck;
      const verdict = canMoveStatus(item.status, change.to, change.reason);
      if (!verdict.ok) return verdict;
      const { blockedReason: _reason, closedAt: _closed, ...rest } = item;
      const closing = change.to === 'done' || change.to === 'cancelled';
      return {
        ok: true,
        item: {
          ...rest,
          status: change.to,
          ...(change.to === 'blocked' ? { blockedReason: (change.reason ?? '').trim() } : {}),
          ...(closing ? { closedAt: updatedAt } : {}),
          updatedAt,
        },
      };
    }
    case 'proposeDueDate':
    case 'setDueDate':
    case 'carryOver': {
      if (!isOpen(item)) return refusal(refused('ACTION.NOT_OPEN', { status: item.status }));
      const verdict = checkDueDate(change.date, ctx.todayLocal);
      if (!verdict.ok) return verdict;
      const { proposedDueDate: _proposed, ...rest } = item;
      if (change.kind === 'proposeDueDate') return { ok: true, item: { ...item, proposedDueDate: change.date, updatedAt } };
      if (change.kind === 'setDueDate') return { ok: true, item: { ...rest, dueDate: change.date, updatedAt } };
      return { ok: true, item: { ...rest, dueDate: change.date, carriedOver: (item.carriedOver ?? 0) + 1, updatedAt } };
    }
    case 'acceptProposal':
    case 'rejectProposal': {
      if (item.proposedDueDate === undefined) return refusal(refused('ACTION.NO_PROPOSAL'));
      const { proposedDueDate, ...rest } = item;
      return { ok: true, item: { ...rest, ...(change.kind === 'acceptProposal' ? { dueDate: proposedDueDate } : {}), updatedAt } };
    }
    case 'linkEscalation': {
      if (item.escalationId !== undefined) return refusal(refused('ACTION.ALREADY_ESCALATED', { escalationId: item.escalationId }));
      if (!isOpen(item)) return refusal(refused('ACTION.NOT_OPEN', { status: item.status }));
      return { ok: true, item: { ...item, escalationId: change.escalationId, updatedAt } };
    }
  }
}
