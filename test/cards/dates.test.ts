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

describe('cards/dates kept per minute', () => {
  it('given an instant at 09:59:59.999 then it shows 09.59, also when the minute was formatted before from its first second', () => {
    expect(formatTime('2026-01-13T08:59:00.000Z', 'da', CPH)).toBe('09.59');
    expect(formatTime('2026-01-13T08:59:59.999Z', 'da', CPH)).toBe('09.59');
  });

  it('given instants across two years then what is kept reads as Intl reads each one afresh, in both languages', () => {
    const direct = (lang: 'da' | 'en') => new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: CPH, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    let seed = 7;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 400; i++) {
      const instant = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 730 * 86_400_000));
      for (const lang of ['da', 'en'] as const) {
        const parts = Object.fromEntries(direct(lang).formatToParts(instant).map((p) => [p.type, p.value]));
        const shown = formatDateTime(instant, lang, CPH);
        expect(formatDateTime(instant, lang, CPH)).toBe(shown);
        expect(shown).toContain(`${parts['day']}${lang === 'da' ? '.' : ''} ${parts['month']} ${parts['year']}`);
        expect(shown.endsWith(lang === 'da' ? `${parts['hour']}.${parts['minute']}` : `${parts['hour']}:${parts['minute']}`)).toBe(true);
      }
    }
  });
});
