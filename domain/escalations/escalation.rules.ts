import type { Forum, Member } from '../fora/forum';
import { hasRole } from '../fora/forum.rules';
import { allowed, refused, type Verdict } from '../shared/domain-error';
import { CLOSED_STATES, type Escalation, type EscalationAction, type EscalationState, type EscalationStep, type Person } from './escalation';

/** From which states each action may be taken. */
const FROM: Record<EscalationAction, readonly EscalationState[]> = {
  acknowledge: ['raised'],
  ask: ['raised', 'acknowledged', 'on_agenda'],
  answer: ['awaiting_answer'],
  put_on_agenda: ['acknowledged'],
  resolve: ['acknowledged', 'on_agenda'],
  escalate: ['raised', 'acknowledged', 'on_agenda'],
  return: ['acknowledged', 'on_agenda'],
  auto_escalate: ['raised'],
};

/**
 * Steps that mean nothing without words: a decision (resolve, return), a question, the raiser's
 * answer, and why a case goes further up. Only the system's automatic escalation goes without.
 */
export const NOTE_REQUIRED: readonly EscalationAction[] = ['ask', 'answer', 'resolve', 'escalate', 'return'];

export interface EscalationContext {
  /** Who acts; absent for the system (automatic escalation). */
  actor?: Person;
  /** The actor's membership in the forum that holds the case. */
  actorMembership?: Member;
  holdingForum: Pick<Forum, 'id' | 'escalatesTo'>;
  now: Date;
  note?: string;
}

/** Whether `action` is allowed on `escalation` by this actor now. */
export function checkEscalationAction(escalation: Escalation, action: EscalationAction, ctx: EscalationContext): Verdict {
  if (CLOSED_STATES.includes(escalation.state)) return refused('ESCALATION.CLOSED', { state: escalation.state });
  if (!FROM[action].includes(escalation.state)) return refused('ESCALATION.NOT_NOW', { state: escalation.state, action });
  if (ctx.holdingForum.id !== escalation.currentForumId) return refused('ESCALATION.NOT_HOLDING_FORUM');

  if (action === 'auto_escalate') {
    if (ctx.actor !== undefined) return refused('ESCALATION.SYSTEM_ONLY');
  } else if (action === 'answer') {
    if (ctx.actor?.userId !== escalation.raisedBy.userId) return refused('ESCALATION.NOT_RAISER');
  } else if (!hasRole(ctx.actorMembership, 'manager', 'chair')) {
    return refused('ESCALATION.NOT_MANAGER');
  }

  if ((action === 'escalate' || action === 'auto_escalate') && ctx.holdingForum.escalatesTo === undefined) {
    return refused('ESCALATION.TOP_LEVEL');
  }
  if (action === 'return' && escalation.path.length < 2) return refused('ESCALATION.NOTHING_BELOW');
  if (NOTE_REQUIRED.includes(action) && (ctx.note ?? '').trim().length === 0) {
    return refused('ESCALATION.NOTE_REQUIRED', { action });
  }
  return allowed;
}

const TO: Record<EscalationAction, EscalationState> = {
  acknowledge: 'acknowledged',
  ask: 'awaiting_answer',
  answer: 'acknowledged',
  put_on_agenda: 'on_agenda',
  resolve: 'resolved',
  escalate: 'raised',
  return: 'returned',
  auto_escalate: 'raised',
};

export type Transition = { ok: true; escalation: Escalation; step: EscalationStep } | { ok: false; code: string; context?: Record<string, unknown> };

/** Applies an action: the next state of the case and the history step that records it. */
export function applyEscalationAction(escalation: Escalation, action: EscalationAction, ctx: EscalationContext): Transition {
  const verdict = checkEscalationAction(escalation, action, ctx);
  if (!verdict.ok) return verdict;

  let currentForumId = escalation.currentForumId;
  let path = escalation.path;
  if ((action === 'escalate' || action === 'auto_escalate') && ctx.holdingForum.escalatesTo !== undefined) {
    currentForumId = ctx.holdingForum.escalatesTo;
    path = [...path, currentForumId];
  } else if (action === 'return') {
    currentForumId = path[path.length - 2] ?? escalation.originForumId;
  }
  const at = ctx.now.toISOString();
  const toState = TO[action];
  const step: EscalationStep = {
    seq: escalation.stepCount,
    at,
    action,
    fromState: escalation.state,
    toState,
    fromForumId: escalation.currentForumId,
    toForumId: currentForumId,
    ...(ctx.actor === undefined ? {} : { actor: ctx.actor }),
    ...(ctx.note === undefined ? {} : { note: ctx.note }),
  };
  const next: Escalation = {
    ...escalation,
    state: toState,
    currentForumId,
    path,
    updatedAt: at,
    stepCount: escalation.stepCount + 1,
    ...(action === 'resolve' || action === 'return' ? { decision: ctx.note } : {}),
  };
  return { ok: true, escalation: next, step };
}
