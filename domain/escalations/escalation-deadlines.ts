import type { Escalation, Urgency } from './escalation';

/**
 * How long a forum has to acknowledge a case before it is reminded and then sent one level up.
 * Hours on the calendar clock, counted from when the case arrived in the forum.
 */
export interface DeadlinePolicy {
  remindAfterHours: Record<Urgency, number>;
  escalateAfterHours: Record<Urgency, number>;
  /** False: the forum is only reminded (twice), never passed over. */
  autoEscalate: boolean;
}

export const DEFAULT_DEADLINES: DeadlinePolicy = {
  remindAfterHours: { high: 4, normal: 48, low: 120 },
  escalateAfterHours: { high: 24, normal: 120, low: 336 },
  autoEscalate: true,
};

/** The default policy and each forum's own changes to it. */
export interface DeadlineSettings {
  default: DeadlinePolicy;
  byForum?: Readonly<Record<string, Partial<DeadlinePolicy>>>;
}

export function policyFor(settings: DeadlineSettings, forumId: string): DeadlinePolicy {
  return { ...settings.default, ...settings.byForum?.[forumId] };
}

export type DeadlineAction = { kind: 'none' } | { kind: 'remind'; reminderCount: number } | { kind: 'auto_escalate' };

const HOUR_MS = 3_600_000;

/**
 * What a missed deadline calls for now. Only an unacknowledged case (`raised`) has a deadline.
 * The first reminder comes at `remindAfterHours`; at `escalateAfterHours` the case goes one level up,
 * or, at the top of the chain or where the forum says so, the managers get a second reminder.
 */
export function dueDeadlineAction(escalation: Escalation, policy: DeadlinePolicy, holdingForum: { escalatesTo?: string | undefined }, now: Date): DeadlineAction {
  if (escalation.state !== 'raised') return { kind: 'none' };
  const hours = (now.getTime() - Date.parse(escalation.updatedAt)) / HOUR_MS;
  const sent = escalation.remindedStep === escalation.stepCount ? (escalation.reminderCount ?? 0) : 0;
  if (hours >= policy.escalateAfterHours[escalation.urgency]) {
    if (policy.autoEscalate && holdingForum.escalatesTo !== undefined) return { kind: 'auto_escalate' };
    if (sent < 2) return { kind: 'remind', reminderCount: 2 };
    return { kind: 'none' };
  }
  if (hours >= policy.remindAfterHours[escalation.urgency] && sent < 1) return { kind: 'remind', reminderCount: 1 };
  return { kind: 'none' };
}

/** The case marked as reminded, without touching `updatedAt` (the deadline keeps counting from arrival). */
export const markReminded = (escalation: Escalation, reminderCount: number): Escalation => ({
  ...escalation,
  remindedStep: escalation.stepCount,
  reminderCount,
});
