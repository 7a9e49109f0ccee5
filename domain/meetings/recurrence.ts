import { z } from 'zod';
import { DomainError } from '../shared/domain-error';
import type { LocalDate } from '../shared/time';
import { RRule, type RRuleOptions } from './rrule-lib';
import { floatingOf } from './zoned-time';

/** 1–4: the first … fourth weekday of the month; -1: the last. */
export const NthWeekday = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]);
export type NthWeekday = z.infer<typeof NthWeekday>;

/**
 * How a chair asks a series to repeat. The weekday (and day of month) come from the first date, so
 * the first date is always the first meeting; `nth`, when given, must agree with the first date.
 */
export const RecurrenceChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weekly') }),
  z.object({ kind: z.literal('everyNWeeks'), interval: z.number().int().min(2).max(52) }),
  z.object({ kind: z.literal('monthlyNthWeekday'), nth: NthWeekday.optional() }),
  z.object({ kind: z.literal('quarterly'), on: z.enum(['nthWeekday', 'sameDay']), nth: NthWeekday.optional() }),
  z.object({ kind: z.literal('rrule'), rrule: z.string().trim().min(1).max(1000) }),
]);
export type RecurrenceChoice = z.infer<typeof RecurrenceChoice>;
export const RECURRENCE_KINDS = ['weekly', 'everyNWeeks', 'monthlyNthWeekday', 'quarterly', 'rrule'] as const;

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const ALLOWED_FREQ = new Set<number>([RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY]);

/** Weekday code and position of a local date in its month: 2026-01-27 → TU, 4th, and the last. */
export function weekdayInMonth(date: LocalDate): { code: (typeof WEEKDAY_CODES)[number]; nth: number; isLast: boolean; day: number } {
  const d = floatingOf(date);
  const day = d.getUTCDate();
  const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  return { code: WEEKDAY_CODES[d.getUTCDay()]!, nth: Math.ceil(day / 7), isLast: day + 7 > daysInMonth, day };
}

function nthWeekdayPart(firstDate: LocalDate, nth: NthWeekday | undefined): string {
  const w = weekdayInMonth(firstDate);
  // Unasked, the 5th weekday of a month can only mean "the last".
  const wanted = nth ?? (w.nth === 5 ? -1 : w.nth);
  if (wanted === -1 ? !w.isLast : wanted !== w.nth) {
    throw new DomainError('MEETINGS.FIRST_DATE_NOT_IN_RULE', { firstDate, nth: wanted, weekday: w.code });
  }
  return `BYDAY=${wanted}${w.code}`;
}

/** The RRULE text the user typed, checked: parsable, a frequency fit for meetings, nothing unknown. */
function checkedRruleText(text: string): string {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (/[\r\n]|DTSTART|RDATE|EXDATE/i.test(body)) throw new DomainError('MEETINGS.RRULE_UNSUPPORTED', { part: 'DTSTART/RDATE/EXDATE' });
  let options: Partial<RRuleOptions>;
  try {
    options = RRule.parseString(body);
  } catch (error) {
    throw new DomainError('MEETINGS.RRULE_INVALID', { reason: error instanceof Error ? error.message : String(error) });
  }
  if (options.freq === undefined || options.freq === null) throw new DomainError('MEETINGS.RRULE_INVALID', { reason: 'FREQ' });
  if (!ALLOWED_FREQ.has(options.freq)) throw new DomainError('MEETINGS.RRULE_UNSUPPORTED', { part: 'FREQ' });
  if (options.interval !== undefined && !(Number.isInteger(options.interval) && options.interval >= 1 && options.interval <= 520)) {
    throw new DomainError('MEETINGS.RRULE_INVALID', { reason: 'INTERVAL' });
  }
  if (options.count !== undefined && options.count !== null && !(Number.isInteger(options.count) && options.count >= 1)) {
    throw new DomainError('MEETINGS.RRULE_INVALID', { reason: 'COUNT' });
  }
  for (const part of ['byyearday', 'byweekno', 'byhour', 'byminute', 'bysecond', 'byeaster'] as const) {
    if (options[part] !== undefined && options[part] !== null) throw new DomainError('MEETINGS.RRULE_UNSUPPORTED', { part: part.toUpperCase() });
  }
  const list = <T,>(v: T | T[] | null | undefined): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
  const periodic = options.freq === RRule.MONTHLY || options.freq === RRule.YEARLY;
  for (const w of list(options.byweekday)) {
    if (w === undefined || w === null) throw new DomainError('MEETINGS.RRULE_INVALID', { reason: 'BYDAY' });
    const n = typeof w === 'object' && 'n' in w ? w.n : undefined;
    // "the 2nd Tuesday" needs a month (or year) to count in; there are at most 5 in a month, 53 in a year.
    if (n !== undefined && n !== null && (n === 0 || !periodic || Math.abs(n) > (options.freq === RRule.MONTHLY ? 5 : 53))) {
      throw new DomainError('MEETINGS.RRULE_INVALID', { reason: 'BYDAY' });
    }
  }
  if (list(options.bymonthday).some((d) => !Number.isInteger(d) || d === 0 || Math.abs(d) > 31)) throw new DomainError('MEETINGS.RRULE_INVALID', { reason: 'BYMONTHDAY' });
  if (list(options.bymonth).some((m) => !Number.isInteger(m) || m < 1 || m > 12)) throw new DomainError('MEETINGS.RRULE_INVALID', { reason: 'BYMONTH' });
  if (list(options.bysetpos).some((p) => !Number.isInteger(p) || p === 0 || Math.abs(p) > 366) || (list(options.bysetpos).length > 0 && !periodic)) {
    throw new DomainError('MEETINGS.RRULE_INVALID', { reason: 'BYSETPOS' });
  }
  if (options.until instanceof Date && Number.isNaN(options.until.getTime())) throw new DomainError('MEETINGS.RRULE_INVALID', { reason: 'UNTIL' });
  // Written back by the library, so what we store is in its canonical form.
  // "+1WE" is valid RFC 5545, but some calendar apps only read "1WE".
  return RRule.optionsToString(options).replace(/^RRULE:/, '').replace(/([=,])\+(\d)/g, '$1$2');
}

/** Gregorian dates repeat exactly (weekdays included) every 400 years. */
const CALENDAR_CYCLE_YEARS = 400;
const LAST_YEAR = 9999;

/**
 * Whether the rule's first occurrence from `firstDate` is `firstDate` itself. The recurrence
 * library searches up to the year 9999 for a rule that never matches (seconds of CPU for a daily
 * rule), so the question is asked a whole number of 400-year cycles later, where the calendar is
 * the same and at most 400 years remain to search.
 */
function producesFirstDate(rrule: string, firstDate: LocalDate, startTime: string): boolean {
  const options = RRule.parseString(rrule);
  const year = Number(firstDate.slice(0, 4));
  const shiftYears = Math.max(0, Math.floor((LAST_YEAR - 1 - year) / CALENDAR_CYCLE_YEARS)) * CALENDAR_CYCLE_YEARS;
  const shift = (d: Date): Date => {
    const shifted = new Date(d.getTime());
    shifted.setUTCFullYear(d.getUTCFullYear() + shiftYears);
    return shifted;
  };
  const dtstart = shift(floatingOf(firstDate, startTime));
  const rule = new RRule({ ...options, tzid: null, dtstart, until: options.until instanceof Date ? shift(options.until) : null });
  return rule.after(new Date(dtstart.getTime() - 1), true)?.getTime() === dtstart.getTime();
}

/**
 * The RFC 5545 RRULE for a choice, starting on `firstDate` (local). Throws a DomainError when the
 * choice cannot be a meeting series (unreadable rule, or a first date the rule never produces).
 */
export function recurrenceRule(choice: RecurrenceChoice, firstDate: LocalDate, startTime = '09:00'): string {
  const w = weekdayInMonth(firstDate);
  let rrule: string;
  switch (choice.kind) {
    case 'weekly':
      rrule = `FREQ=WEEKLY;BYDAY=${w.code}`;
      break;
    case 'everyNWeeks':
      rrule = `FREQ=WEEKLY;INTERVAL=${choice.interval};BYDAY=${w.code}`;
      break;
    case 'monthlyNthWeekday':
      rrule = `FREQ=MONTHLY;${nthWeekdayPart(firstDate, choice.nth)}`;
      break;
    case 'quarterly':
      if (choice.on === 'sameDay') {
        // The 29th–31st do not exist in every month; RFC 5545 would silently skip those quarters.
        if (w.day > 28) throw new DomainError('MEETINGS.DAY_TOO_LATE', { firstDate });
        rrule = `FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=${w.day}`;
      } else {
        rrule = `FREQ=MONTHLY;INTERVAL=3;${nthWeekdayPart(firstDate, choice.nth)}`;
      }
      break;
    case 'rrule':
      rrule = checkedRruleText(choice.rrule);
      break;
  }
  // RFC 5545 counts DTSTART as the first occurrence even when the rule does not produce it; most
  // calendars do not. Requiring the first date to be in the rule keeps everyone in agreement.
  if (!producesFirstDate(rrule, firstDate, startTime)) {
    throw new DomainError('MEETINGS.FIRST_DATE_NOT_IN_RULE', { firstDate, rrule });
  }
  return rrule;
}
