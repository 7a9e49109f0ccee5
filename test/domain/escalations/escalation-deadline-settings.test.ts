import { describe, expect, it } from 'vitest';
import { canChangeDeadlines, checkDeadlineSettings, deadlinesOf, EscalationDeadlineSettings } from '../../../domain/escalations/escalation-deadline-settings';
import { DEFAULT_DEADLINES, type DeadlinePolicy } from '../../../domain/escalations/escalation-deadlines';

const changed = (field: 'remindAfterHours' | 'escalateAfterHours', urgency: 'low' | 'normal' | 'high', value: number): DeadlinePolicy => ({
  ...DEFAULT_DEADLINES,
  [field]: { ...DEFAULT_DEADLINES[field], [urgency]: value },
});

describe('a forum\'s own deadlines for escalated cases', () => {
  it('given the defaults then they are valid settings and a forum without its own uses them', () => {
    expect(checkDeadlineSettings(DEFAULT_DEADLINES)).toEqual({ ok: true });
    expect(EscalationDeadlineSettings.parse(DEFAULT_DEADLINES)).toEqual(DEFAULT_DEADLINES);
    expect(deadlinesOf({})).toBe(DEFAULT_DEADLINES);
    const own = { ...DEFAULT_DEADLINES, autoEscalate: false };
    expect(deadlinesOf({ escalationDeadlines: own })).toBe(own);
  });

  it.each([
    ['remindAfterHours', 'high', 0, { min: 1, max: 336 }],
    ['remindAfterHours', 'low', 337, { min: 1, max: 336 }],
    ['escalateAfterHours', 'normal', 721, { min: 2, max: 720 }],
    ['escalateAfterHours', 'high', 2.5, { min: 2, max: 720 }],
  ] as const)('given %s for %s = %s then refused as out of range, naming the field', (field, urgency, value, range) => {
    expect(checkDeadlineSettings(changed(field, urgency, value))).toEqual({ ok: false, code: 'ESCALATION.DEADLINE_OUT_OF_RANGE', context: { field, urgency, value, ...range } });
  });

  it('given a reminder not before the escalation then refused with both values', () => {
    const late = { ...changed('remindAfterHours', 'normal', 130), autoEscalate: false };
    expect(checkDeadlineSettings(late)).toEqual({ ok: false, code: 'ESCALATION.DEADLINE_ORDER', context: { urgency: 'normal', remind: 130, escalate: 120 } });
    expect(EscalationDeadlineSettings.safeParse(late).success).toBe(false);
  });

  it('given the roles then only the chair may change them', () => {
    const member = (roles: ('chair' | 'secretary' | 'manager')[]) => ({ userId: 'u1', displayName: 'Åse', roles });
    expect(canChangeDeadlines(member(['chair']))).toEqual({ ok: true });
    expect(canChangeDeadlines(member(['secretary', 'manager']))).toEqual({ ok: false, code: 'FORUM.NOT_CHAIR' });
    expect(canChangeDeadlines(undefined)).toEqual({ ok: false, code: 'FORUM.NOT_CHAIR' });
  });
});
