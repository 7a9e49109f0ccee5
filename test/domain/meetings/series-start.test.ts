import { describe, expect, it } from 'vitest';
import { checkSeriesStart } from '../../../domain/meetings/series-start';

const CPH = 'Europe/Copenhagen';
const now = new Date('2027-01-14T09:30:00.000Z'); // 10.30 in Copenhagen

describe('checkSeriesStart: a series starts with a meeting that has not begun', () => {
  it('given a first meeting tomorrow then allowed', () => {
    expect(checkSeriesStart('2027-01-15', '09:00', CPH, now)).toEqual({ ok: true });
  });
  it('given a first meeting today later than now then allowed', () => {
    expect(checkSeriesStart('2027-01-14', '13:00', CPH, now)).toEqual({ ok: true });
  });
  it('given a first meeting today that already began (09.00 local, now 10.30) then MEETINGS.FIRST_DATE_PAST with its start', () => {
    expect(checkSeriesStart('2027-01-14', '09:00', CPH, now)).toEqual({ ok: false, code: 'MEETINGS.FIRST_DATE_PAST', context: { start: '2027-01-14T08:00:00.000Z' } });
  });
  it('given a first date last month then refused', () => {
    expect(checkSeriesStart('2026-12-10', '09:00', CPH, now).ok).toBe(false);
  });
});
