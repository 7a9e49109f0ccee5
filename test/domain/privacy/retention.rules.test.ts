import { describe, expect, test } from 'vitest';
import { nextPass, PASS_INTERVAL_MS } from '../../../domain/privacy/retention-pass';
import { DEFAULT_RETENTION, RetentionOverrides, retentionOf } from '../../../domain/privacy/retention-settings';
import { actionItemExpired, caseExpired, cutoffsOf, inputsExpired } from '../../../domain/privacy/retention.rules';
import { anActionItem, anAgenda, anEscalation } from '../../storage/storage.mothers';

const NOW = new Date('2029-06-01T10:00:00.000Z');

describe('retention rules', () => {
  test('given a forum override then it wins for that kind only', () => {
    expect(retentionOf(DEFAULT_RETENTION, { retention: { auditYears: 10 } })).toEqual({ ...DEFAULT_RETENTION, auditYears: 10 });
    expect(retentionOf(DEFAULT_RETENTION, {})).toEqual(DEFAULT_RETENTION);
    expect(RetentionOverrides.safeParse({ auditYears: 0 }).success).toBe(false);
    expect(RetentionOverrides.safeParse({ forever: 1 }).success).toBe(false);
  });

  test('given the default periods then the cut-offs are months and years back', () => {
    expect(cutoffsOf(DEFAULT_RETENTION, NOW)).toEqual({
      agendaInputs: new Date('2028-12-01T10:00:00.000Z'),
      actionItems: new Date('2027-06-01T10:00:00.000Z'),
      cases: new Date('2026-06-01T10:00:00.000Z'),
      audit: new Date('2024-06-01T10:00:00.000Z'),
      outbox: new Date('2029-05-04T10:00:00.000Z'),
    });
  });

  test('given open things then they never expire, however old; closed ones from when they closed', () => {
    const cutoffs = cutoffsOf(DEFAULT_RETENTION, NOW);
    expect(actionItemExpired(anActionItem('f', { status: 'blocked', updatedAt: '2020-01-01T00:00:00.000Z' }), cutoffs)).toBe(false);
    expect(actionItemExpired(anActionItem('f', { status: 'done', closedAt: '2027-05-01T00:00:00.000Z' }), cutoffs)).toBe(true);
    expect(actionItemExpired(anActionItem('f', { status: 'done', closedAt: '2027-07-01T00:00:00.000Z', updatedAt: '2020-01-01T00:00:00.000Z' }), cutoffs)).toBe(false);
    expect(caseExpired(anEscalation('f', { state: 'on_agenda', updatedAt: '2020-01-01T00:00:00.000Z' }).escalation, cutoffs)).toBe(false);
    expect(caseExpired(anEscalation('f', { state: 'resolved', updatedAt: '2026-05-31T00:00:00.000Z' }).escalation, cutoffs)).toBe(true);
    expect(inputsExpired(anAgenda('f', { meetingStart: '2028-11-30T08:00:00.000Z' }), cutoffs)).toBe(true);
    expect(inputsExpired(anAgenda('f', { meetingStart: '2028-12-02T08:00:00.000Z' }), cutoffs)).toBe(false);
  });

  test('given a pass finished within the day then it waits; an unfinished one continues; a day later a new one starts', () => {
    const finished = { passStartedAt: NOW.toISOString(), foraDone: true, finishedAt: NOW.toISOString() };
    expect(nextPass(finished, new Date(NOW.getTime() + PASS_INTERVAL_MS - 1)).kind).toBe('idle');
    expect(nextPass(finished, new Date(NOW.getTime() + PASS_INTERVAL_MS))).toEqual({ kind: 'start', cursor: { passStartedAt: new Date(NOW.getTime() + PASS_INTERVAL_MS).toISOString(), foraDone: false } });
    const unfinished = { passStartedAt: NOW.toISOString(), foraDone: false, afterForumId: 'lokalraad' };
    expect(nextPass(unfinished, new Date(NOW.getTime() + 5 * PASS_INTERVAL_MS))).toEqual({ kind: 'continue', cursor: unfinished });
  });
});
