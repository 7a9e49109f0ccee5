import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINES, dueDeadlineAction, markReminded, policyFor } from '../../../domain/escalations/escalation-deadlines';
import { anEscalation } from '../support/mothers';

const ARRIVED = '2026-02-02T08:00:00.000Z';
const after = (hours: number): Date => new Date(Date.parse(ARRIVED) + hours * 3_600_000);
const KOORD = { escalatesTo: 'lokalraad' };
const TOP = {};

describe('deadlines for acknowledging a case (normal: remind after 48 h, escalate after 120 h)', () => {
  const raised = anEscalation({ updatedAt: ARRIVED });

  it.each([
    [47, KOORD, { kind: 'none' }],
    [48, KOORD, { kind: 'remind', reminderCount: 1 }],
    [120, KOORD, { kind: 'auto_escalate' }],
    [120, TOP, { kind: 'remind', reminderCount: 2 }],
  ] as const)('given %s hours without acknowledgement then %j', (hours, forum, expected) => {
    expect(dueDeadlineAction(raised, DEFAULT_DEADLINES, forum, after(hours))).toEqual(expected);
  });

  it('given the first reminder was sent for this step then no second one before the escalation deadline', () => {
    expect(dueDeadlineAction(markReminded(raised, 1), DEFAULT_DEADLINES, KOORD, after(100))).toEqual({ kind: 'none' });
  });

  it('given a reminder for an earlier step then the new step starts over', () => {
    const moved = { ...markReminded(raised, 2), stepCount: raised.stepCount + 1 };
    expect(dueDeadlineAction(moved, DEFAULT_DEADLINES, KOORD, after(50))).toEqual({ kind: 'remind', reminderCount: 1 });
  });

  it('given the top of the chain reminded twice then nothing more happens', () => {
    expect(dueDeadlineAction(markReminded(raised, 2), DEFAULT_DEADLINES, TOP, after(500))).toEqual({ kind: 'none' });
  });

  it.each([['acknowledged'], ['on_agenda'], ['awaiting_answer'], ['resolved']] as const)('given a %s case then no deadline applies', (state) => {
    expect(dueDeadlineAction(anEscalation({ state, updatedAt: ARRIVED }), DEFAULT_DEADLINES, KOORD, after(1000))).toEqual({ kind: 'none' });
  });

  it('given a high-urgency case then 4 h to a reminder and 24 h to escalation', () => {
    const urgent = anEscalation({ urgency: 'high', updatedAt: ARRIVED });
    expect(dueDeadlineAction(urgent, DEFAULT_DEADLINES, KOORD, after(4))).toEqual({ kind: 'remind', reminderCount: 1 });
    expect(dueDeadlineAction(urgent, DEFAULT_DEADLINES, KOORD, after(24))).toEqual({ kind: 'auto_escalate' });
  });

  it('given a forum configured not to pass cases over then it is only reminded', () => {
    const policy = policyFor({ default: DEFAULT_DEADLINES, byForum: { koordinationsgruppen: { autoEscalate: false } } }, 'koordinationsgruppen');
    expect(dueDeadlineAction(raised, policy, KOORD, after(120))).toEqual({ kind: 'remind', reminderCount: 2 });
    expect(policyFor({ default: DEFAULT_DEADLINES, byForum: { koordinationsgruppen: { autoEscalate: false } } }, 'lokalraad').autoEscalate).toBe(true);
  });

  it('given a reminder mark then updatedAt (the arrival) is kept', () => {
    expect(markReminded(raised, 1)).toMatchObject({ updatedAt: ARRIVED, remindedStep: raised.stepCount, reminderCount: 1 });
  });
});
