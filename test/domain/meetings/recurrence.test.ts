import { describe, expect, it } from 'vitest';
import { occurrencesBetween } from '../../../domain/meetings/meeting-schedule';
import type { RecurrenceChoice} from '../../../domain/meetings/recurrence';
import { recurrenceRule, weekdayInMonth } from '../../../domain/meetings/recurrence';
import { localParts } from '../../../domain/meetings/zoned-time';
import { DomainError } from '../../../domain/shared/domain-error';
import { aSeries } from './meeting-mothers';

const CPH = 'Europe/Copenhagen';

/** Local "YYYY-MM-DD HH:MM" of the series' meetings in [from, to). */
function expand(choice: RecurrenceChoice, firstDate: string, from: string, to: string, startTime = '09:00'): string[] {
  const rrule = recurrenceRule(choice, firstDate, startTime);
  const s = aSeries({ firstDate, startTime, rrule });
  return occurrencesBetween([s], [], new Date(from), new Date(to)).map((o) => {
    const p = localParts(new Date(o.start), CPH);
    return `${p.date} ${p.time}`;
  });
}

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
};

describe('recurrenceRule — kinds', () => {
  it('given weekly from Tuesday 13 January then FREQ=WEEKLY;BYDAY=TU', () => {
    expect(recurrenceRule({ kind: 'weekly' }, '2026-01-13')).toBe('FREQ=WEEKLY;BYDAY=TU');
  });

  it('given weekly across the last Sunday of March then 09:00 local on both sides of the change', () => {
    expect(expand({ kind: 'weekly' }, '2026-03-15', '2026-03-14T00:00:00Z', '2026-04-06T00:00:00Z')).toEqual([
      '2026-03-15 09:00',
      '2026-03-22 09:00',
      '2026-03-29 09:00',
      '2026-04-05 09:00',
    ]);
  });

  it('given every 2 weeks on Mondays across the last Sunday of October then 09:00 local, fortnightly', () => {
    expect(recurrenceRule({ kind: 'everyNWeeks', interval: 2 }, '2026-10-12')).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO');
    expect(expand({ kind: 'everyNWeeks', interval: 2 }, '2026-10-12', '2026-10-01T00:00:00Z', '2026-11-20T00:00:00Z')).toEqual([
      '2026-10-12 09:00',
      '2026-10-26 09:00',
      '2026-11-09 09:00',
    ]);
  });

  it('given monthly from the 2nd Tuesday then FREQ=MONTHLY;BYDAY=2TU, also through the DST months', () => {
    expect(recurrenceRule({ kind: 'monthlyNthWeekday' }, '2026-01-13')).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(expand({ kind: 'monthlyNthWeekday', nth: 2 }, '2026-01-13', '2026-02-01T00:00:00Z', '2026-11-30T00:00:00Z')).toEqual([
      '2026-02-10 09:00',
      '2026-03-10 09:00',
      '2026-04-14 09:00',
      '2026-05-12 09:00',
      '2026-06-09 09:00',
      '2026-07-14 09:00',
      '2026-08-11 09:00',
      '2026-09-08 09:00',
      '2026-10-13 09:00',
      '2026-11-10 09:00',
    ]);
  });

  it('given monthly on the last Sunday then BYDAY=-1SU gives the DST change days themselves at 09:00 local', () => {
    expect(recurrenceRule({ kind: 'monthlyNthWeekday', nth: -1 }, '2026-01-25')).toBe('FREQ=MONTHLY;BYDAY=-1SU');
    const dates = expand({ kind: 'monthlyNthWeekday', nth: -1 }, '2026-01-25', '2026-03-01T00:00:00Z', '2026-11-01T00:00:00Z');
    expect(dates).toContain('2026-03-29 09:00');
    expect(dates).toContain('2026-10-25 09:00');
    expect(dates).toHaveLength(8);
  });

  it('given monthly on the last Tuesday then months with four and five Tuesdays both get their last one', () => {
    // March 2026 has five Tuesdays (31st is the last), February four (24th).
    expect(expand({ kind: 'monthlyNthWeekday', nth: -1 }, '2026-01-27', '2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([
      '2026-01-27 09:00',
      '2026-02-24 09:00',
      '2026-03-31 09:00',
    ]);
  });

  it('given a first date that is the 5th weekday of its month and no nth then it means the last one', () => {
    expect(recurrenceRule({ kind: 'monthlyNthWeekday' }, '2026-03-31')).toBe('FREQ=MONTHLY;BYDAY=-1TU');
  });

  it('given quarterly on the nth weekday then every third month on that weekday', () => {
    expect(recurrenceRule({ kind: 'quarterly', on: 'nthWeekday' }, '2026-01-08')).toBe('FREQ=MONTHLY;INTERVAL=3;BYDAY=2TH');
    expect(expand({ kind: 'quarterly', on: 'nthWeekday' }, '2026-01-08', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
      '2026-01-08 09:00',
      '2026-04-09 09:00',
      '2026-07-09 09:00',
      '2026-10-08 09:00',
    ]);
  });

  it('given quarterly on the same day then every third month on that day of the month', () => {
    expect(recurrenceRule({ kind: 'quarterly', on: 'sameDay' }, '2026-02-15')).toBe('FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15');
    expect(expand({ kind: 'quarterly', on: 'sameDay' }, '2026-02-15', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', '14:30')).toEqual([
      '2026-02-15 14:30',
      '2026-05-15 14:30',
      '2026-08-15 14:30',
      '2026-11-15 14:30',
    ]);
  });

  it('given a full RRULE text then it is stored in canonical form and expanded by it', () => {
    expect(recurrenceRule({ kind: 'rrule', rrule: 'RRULE:FREQ=MONTHLY;BYDAY=1WE;COUNT=3' }, '2026-01-07')).toBe('FREQ=MONTHLY;BYDAY=1WE;COUNT=3');
    expect(expand({ kind: 'rrule', rrule: 'FREQ=MONTHLY;BYDAY=1WE;COUNT=3' }, '2026-01-07', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
      '2026-01-07 09:00',
      '2026-02-04 09:00',
      '2026-03-04 09:00',
    ]);
  });
});

describe('recurrenceRule — refusals', () => {
  it.each([
    ['hello', 'MEETINGS.RRULE_INVALID'],
    ['FREQ=BOGUS', 'MEETINGS.RRULE_INVALID'],
    ['FREQ=WEEKLY;FOO=1', 'MEETINGS.RRULE_INVALID'],
    ['FREQ=WEEKLY;BYDAY=XX', 'MEETINGS.RRULE_INVALID'],
    ['FREQ=WEEKLY;INTERVAL=0', 'MEETINGS.RRULE_INVALID'],
    ['FREQ=HOURLY', 'MEETINGS.RRULE_UNSUPPORTED'],
    ['DTSTART:20260113T090000\nRRULE:FREQ=WEEKLY', 'MEETINGS.RRULE_UNSUPPORTED'],
    ['FREQ=MONTHLY;BYDAY=9TU', 'MEETINGS.RRULE_INVALID'],
    ['FREQ=WEEKLY;BYDAY=2TU', 'MEETINGS.RRULE_INVALID'],
    ['FREQ=DAILY;BYSETPOS=5', 'MEETINGS.RRULE_INVALID'],
    ['FREQ=MONTHLY;BYMONTHDAY=40', 'MEETINGS.RRULE_INVALID'],
    ['FREQ=YEARLY;BYWEEKNO=3', 'MEETINGS.RRULE_UNSUPPORTED'],
    ['FREQ=WEEKLY;BYDAY=MO', 'MEETINGS.FIRST_DATE_NOT_IN_RULE'],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'MEETINGS.FIRST_DATE_NOT_IN_RULE'],
  ])('given the RRULE text %j then it is refused with %s', (text, code) => {
    expect(codeOf(() => recurrenceRule({ kind: 'rrule', rrule: text }, '2026-01-13'))).toBe(code);
  });

  it('given a rule that never produces a date then the refusal still comes quickly (no search to the year 9999)', () => {
    const started = performance.now();
    expect(codeOf(() => recurrenceRule({ kind: 'rrule', rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31' }, '2026-01-13'))).toBe('MEETINGS.FIRST_DATE_NOT_IN_RULE');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('given a leap-day rule from 29 February 2028 then it is accepted (the 400-year shift keeps leap years)', () => {
    expect(recurrenceRule({ kind: 'rrule', rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29' }, '2028-02-29')).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29');
  });

  it('given "last Tuesday" with a first date that is not the last Tuesday then it is refused', () => {
    expect(codeOf(() => recurrenceRule({ kind: 'monthlyNthWeekday', nth: -1 }, '2026-01-13'))).toBe('MEETINGS.FIRST_DATE_NOT_IN_RULE');
    expect(codeOf(() => recurrenceRule({ kind: 'monthlyNthWeekday', nth: 3 }, '2026-01-13'))).toBe('MEETINGS.FIRST_DATE_NOT_IN_RULE');
  });

  it('given quarterly on the same day from the 30th then it is refused (not every month has it)', () => {
    expect(codeOf(() => recurrenceRule({ kind: 'quarterly', on: 'sameDay' }, '2026-01-30'))).toBe('MEETINGS.DAY_TOO_LATE');
  });

  it('given dates then weekdayInMonth tells weekday, position and whether it is the last', () => {
    expect(weekdayInMonth('2026-03-31')).toEqual({ code: 'TU', nth: 5, isLast: true, day: 31 });
    expect(weekdayInMonth('2026-03-24')).toEqual({ code: 'TU', nth: 4, isLast: false, day: 24 });
    expect(weekdayInMonth('2026-02-24')).toEqual({ code: 'TU', nth: 4, isLast: true, day: 24 });
  });
});
