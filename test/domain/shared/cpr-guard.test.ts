import { describe, expect, it } from 'vitest';
import { containsCprNumber } from '../../../domain/shared/cpr-guard';

describe('containsCprNumber', () => {
  it.each([
    ['DDMMYY-NNNN', '010190-1234'],
    ['the last day of a year', '311299-0001'],
    ['ten digits with a valid date', '0101901234'],
    ['a space as separator', '120508 1234'],
    ['an en dash pasted from a word processor', '120508\u20131234'],
    ['a no-break space', '120508\u00a01234'],
  ])('given %s (%s) then flagged', (_case, text) => {
    expect(containsCprNumber(text)).toBe(true);
  });

  describe('29 February', () => {
    it.each([
      ['290200-1234', true, '2000 is a leap year (1900 is not, either century may apply)'],
      ['290296-1234', true, '1996 is a leap year'],
      ['290204-1234', true, '2004 is a leap year'],
      ['290201-1234', false, 'neither 1901 nor 2001 is a leap year'],
      ['290297-1234', false, 'neither 1997 nor 2097 is a leap year'],
      ['300296-1234', false, 'there is no 30 February'],
    ])('given %s then flagged=%s (%s)', (text, flagged) => {
      expect(containsCprNumber(text)).toBe(flagged);
    });
  });

  it.each([
    ['day 32', '320190-1234'],
    ['day 0', '000190-1234'],
    ['month 13', '011390-1234'],
    ['month 0', '010090-1234'],
    ['31 April', '310490-1234'],
    ['31 November as ten digits', '3111901234'],
  ])('given an invalid date (%s: %s) then not flagged', (_case, text) => {
    expect(containsCprNumber(text)).toBe(false);
  });

  it.each([
    ['a Danish phone number', 'Ring på 43 57 70 00'],
    ['a phone number with country code', '+45 43577000'],
    ['eight digits', '12345678'],
    ['eleven digits', '01019012345'],
    ['a date-like number inside a longer one', '123010190-1234'],
    ['five digits after the separator', '010190-12345'],
    ['thirteen digits (an EAN number)', '5790001234567'],
    ['an ISO date and a time', 'Mødet 2026-03-10 kl. 10:00-12:00'],
    ['a case number', 'Sag 24/01234'],
  ])('given %s then not flagged', (_case, text) => {
    expect(containsCprNumber(text)).toBe(false);
  });

  it.each([
    ['in a sentence', 'Drengen med cpr 010190-1234 er set ved stationen.'],
    ['in parentheses', 'Anmeldt (0101901234).'],
    ['after letters', 'cpr:010190-1234'],
    ['after an invalid candidate', '320190-1234 og 010190-1234'],
    ['on a later line', 'Første linje\nAnden linje 0101901234'],
  ])('given a CPR number %s then flagged', (_case, text) => {
    expect(containsCprNumber(text)).toBe(true);
  });

  it('given the same text twice then the answer is the same (no regex state leaks between calls)', () => {
    const text = 'x 010190-1234';
    expect([containsCprNumber(text), containsCprNumber(text), containsCprNumber(text)]).toEqual([true, true, true]);
  });

  // The formats a security review found passing every field (issue 15), one case each.
  it.each([
    ['spaces inside the date', '01 02 03-1234'],
    ['dots inside the date', '01.02.03-1234'],
    ['full-width digits', '\uff10\uff11\uff10\uff12\uff10\uff13-\uff11\uff12\uff13\uff14'],
    ['a slash', '010203/1234'],
    ['an em dash', '010203\u20141234'],
    ['a spaced hyphen', '010203 - 1234'],
    ['a narrow no-break space (U+202F)', '010203\u202f1234'],
    ['a thin space (U+2009)', '010203\u20091234'],
    ['a soft hyphen', '010203\u00ad1234'],
    ['zero-width spaces', '01\u200b02\u200b03\u200b1234'],
    ['Arabic-Indic digits', '\u0660\u0661\u0660\u0662\u0660\u0663-\u0661\u0662\u0663\u0664'],
    ['mathematical digits', '\u{1d7ce}\u{1d7cf}\u{1d7ce}\u{1d7d0}\u{1d7ce}\u{1d7d1}-\u{1d7cf}\u{1d7d0}\u{1d7d1}\u{1d7d2}'],
    ['a line break', '010203\n1234'],
    ['an underscore', '010203_1234'],
  ])('given a CPR number with %s then flagged', (_case, text) => {
    expect(containsCprNumber(text)).toBe(true);
  });

  it.each([
    ['a date and a time of day', '010224 1400'],
    ['a dotted date and a time of day', 'Mødet 01.02.24 0930'],
    ['a journal number', 'journalnr. 150324-0001'],
    ['a j.nr.', 'j.nr. 150324-0001'],
    ['a case number with a colon', 'Sagsnr.: 150324-0001'],
    ['a GUID whose hex digits happen to form a date (an Entra id shown as a name)', 'abcdef01-0203-1234-9a55-1a2b3c4d5e6f'],
  ])('given %s then not flagged (false-positive policy)', (_case, text) => {
    expect(containsCprNumber(text)).toBe(false);
  });

  it.each([
    ['a time off the five-minute marks', '010224 1403'],
    ['a spaced date and a "time"', '01 02 24 1400'],
    ['a dash before the "time"', '010224-1400'],
    ['a case label far before the number', 'journalnr. 1 og så 150324-0001'],
  ])('given %s then still flagged (the exemptions are narrow)', (_case, text) => {
    expect(containsCprNumber(text)).toBe(true);
  });
});
