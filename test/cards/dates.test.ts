import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatShortDate, formatTime, formatTimeRange } from '../../cards/dates';

const CPH = 'Europe/Copenhagen';

describe('cards/dates', () => {
  it('given a winter instant then Danish reads "tirsdag 13. januar 2026 kl. 09.00" in Copenhagen time', () => {
    expect(formatDateTime('2026-01-13T08:00:00.000Z', 'da', CPH)).toBe('tirsdag 13. januar 2026 kl. 09.00');
  });

  it('given the same instant then English reads "Tuesday 13 January 2026 at 09:00"', () => {
    expect(formatDateTime(new Date('2026-01-13T08:00:00.000Z'), 'en', CPH)).toBe('Tuesday 13 January 2026 at 09:00');
  });

  it('given a summer instant then the local time uses summer time (+02:00)', () => {
    expect(formatDateTime('2026-06-30T07:00:00.000Z', 'da', CPH)).toBe('tirsdag 30. juni 2026 kl. 09.00');
  });

  it('given an instant just before local midnight in UTC terms then the local date is the next day', () => {
    expect(formatDate('2026-12-31T23:30:00.000Z', 'da', CPH)).toBe('fredag 1. januar 2027');
    expect(formatDate('2026-12-31T23:30:00.000Z', 'en', CPH)).toBe('Friday 1 January 2027');
  });

  it('given another zone then the wall clock of that zone is shown', () => {
    expect(formatTime('2026-01-13T08:00:00.000Z', 'en', 'America/New_York')).toBe('03:00');
  });

  it('given a start and end then the range uses the language separator', () => {
    expect(formatTimeRange('2026-01-13T08:00:00.000Z', '2026-01-13T09:30:00.000Z', 'da', CPH)).toBe('09.00–10.30');
    expect(formatTimeRange('2026-01-13T08:00:00.000Z', '2026-01-13T09:30:00.000Z', 'en', CPH)).toBe('09:00–10:30');
  });
});

describe('cards/dates short form', () => {
  it('given an instant then the short form is "14.01.2027" in Danish and "14/01/2027" in English, on the local date', () => {
    expect(formatShortDate('2027-01-14T12:00:00.000Z', 'da', 'Europe/Copenhagen')).toBe('14.01.2027');
    expect(formatShortDate('2027-01-13T23:30:00.000Z', 'da', 'Europe/Copenhagen')).toBe('14.01.2027');
    expect(formatShortDate('2027-01-14T12:00:00.000Z', 'en', 'Europe/Copenhagen')).toBe('14/01/2027');
  });
  it('given the meeting of the issue then the long form reads "torsdag 14. januar 2027 kl. 13.00"', () => {
    expect(formatDateTime('2027-01-14T12:00:00.000Z', 'da', 'Europe/Copenhagen')).toBe('torsdag 14. januar 2027 kl. 13.00');
  });
});
