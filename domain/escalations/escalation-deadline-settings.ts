import { z } from 'zod';
import type { Member } from '../fora/forum';
import { allowed, refused, type Verdict } from '../shared/domain-error';
import { DEFAULT_DEADLINES, type DeadlinePolicy } from './escalation-deadlines';
import { URGENCIES, type Urgency } from './escalation';

/** The hours a chair may choose (the settings card and the domain share them). */
export const DEADLINE_LIMITS = {
  remindAfterHours: { min: 1, max: 14 * 24 },
  escalateAfterHours: { min: 2, max: 30 * 24 },
} as const;

export type DeadlineField = keyof typeof DEADLINE_LIMITS;

const hours = (field: DeadlineField) => z.number().int().min(DEADLINE_LIMITS[field].min).max(DEADLINE_LIMITS[field].max);
const perUrgency = (field: DeadlineField) => z.object({ low: hours(field), normal: hours(field), high: hours(field) });

/**
 * A forum's own deadlines for acknowledging a case (replaces the defaults as a whole). A reminder
 * must come before the case goes on, or the managers would never be reminded.
 */
export const EscalationDeadlineSettings = z
  .object({
    remindAfterHours: perUrgency('remindAfterHours'),
    escalateAfterHours: perUrgency('escalateAfterHours'),
    /** False: the forum's managers are only reminded, the case never passes them over. */
    autoEscalate: z.boolean(),
  })
  .superRefine((settings, ctx) => {
    for (const urgency of URGENCIES) {
      if (settings.remindAfterHours[urgency] >= settings.escalateAfterHours[urgency]) {
        ctx.addIssue({ code: 'custom', path: ['escalateAfterHours', urgency], message: 'reminder must come before escalation' });
      }
    }
  });
export type EscalationDeadlineSettings = z.infer<typeof EscalationDeadlineSettings>;

/** The policy a forum uses: its own settings, or the defaults. */
export const deadlinesOf = (forum: { escalationDeadlines?: EscalationDeadlineSettings | undefined }): DeadlinePolicy => forum.escalationDeadlines ?? DEFAULT_DEADLINES;

/** Only the chair sets when cases pass over the forum's managers (like who sits in the forum). */
export function canChangeDeadlines(member: Member | undefined): Verdict {
  return member?.roles.includes('chair') === true ? allowed : refused('FORUM.NOT_CHAIR');
}

const isField = (value: unknown): value is DeadlineField => value === 'remindAfterHours' || value === 'escalateAfterHours';
const isUrgency = (value: unknown): value is Urgency => (URGENCIES as readonly unknown[]).includes(value);

/**
 * Checks a chair's choice with the schema and names the first problem, so the refusal can say which
 * value to correct: out of range, or a reminder that would not come before the escalation.
 */
export function checkDeadlineSettings(candidate: DeadlinePolicy): Verdict {
  const parsed = EscalationDeadlineSettings.safeParse(candidate);
  if (parsed.success) return allowed;
  const issue = parsed.error.issues[0];
  const [field, urgency] = issue?.path ?? [];
  if (!isField(field) || !isUrgency(urgency)) return refused('ESCALATION.DEADLINE_INVALID');
  if (issue?.code === 'custom') {
    return refused('ESCALATION.DEADLINE_ORDER', { urgency, remind: candidate.remindAfterHours[urgency], escalate: candidate.escalateAfterHours[urgency] });
  }
  const { min, max } = DEADLINE_LIMITS[field];
  return refused('ESCALATION.DEADLINE_OUT_OF_RANGE', { field, urgency, min, max, value: candidate[field][urgency] });
}
