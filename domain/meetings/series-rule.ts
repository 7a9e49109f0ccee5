import type { MeetingSeries } from './meeting';
import { RRule } from './rrule-lib';
import { floatingOf, fromFloating, toFloating } from './zoned-time';

const DAY_MS = 86_400_000;

/** The RRULE part of a stored rule, without an `RRULE:` prefix. */
export const rulePart = (rrule: string): string => rrule.trim().replace(/^RRULE:/i, '');

/**
 * The series' rule over floating dates (local wall-clock time in the series' zone), starting at
 * its first date and time and ending at the earlier of the rule's own UNTIL and the series' `until`
 * (inclusive: the whole local day).
 */
export function floatingRule(series: Pick<MeetingSeries, 'rrule' | 'firstDate' | 'startTime' | 'until'>): RRule {
  const options = RRule.parseString(rulePart(series.rrule));
  const untilOfSeries = series.until === undefined ? undefined : new Date(floatingOf(series.until).getTime() + DAY_MS - 1);
  const untils = [options.until ?? undefined, untilOfSeries].filter((d): d is Date => d instanceof Date);
  const until = untils.length === 0 ? null : new Date(Math.min(...untils.map((d) => d.getTime())));
  return new RRule({ ...options, tzid: null, dtstart: floatingOf(series.firstDate, series.startTime), until });
}

type SeriesTiming = Pick<MeetingSeries, 'rrule' | 'firstDate' | 'startTime' | 'until' | 'timeZone'>;

/** Original starts (instants) of the series' occurrences whose local start lies in [fromLocal, toLocal]. */
export function seriesStartsBetween(series: SeriesTiming, from: Date, to: Date): Date[] {
  const rule = floatingRule(series);
  const lo = toFloating(from, series.timeZone);
  const hi = toFloating(to, series.timeZone);
  return rule.between(lo, hi, true).map((floating) => fromFloating(floating, series.timeZone));
}

/** True when `start` is where the series puts one of its occurrences. */
export function isSeriesStart(series: SeriesTiming, start: Date): boolean {
  const floating = toFloating(start, series.timeZone);
  const hits = floatingRule(series).between(new Date(floating.getTime() - 1), new Date(floating.getTime() + 1), true);
  return hits.some((h) => fromFloating(h, series.timeZone).getTime() === start.getTime());
}

/** The first occurrence start at or after `from`, if any. */
export function nextSeriesStart(series: SeriesTiming, from: Date): Date | undefined {
  const next = floatingRule(series).after(toFloating(from, series.timeZone), true);
  if (next === null) return undefined;
  const start = fromFloating(next, series.timeZone);
  return start.getTime() >= from.getTime() ? start : nextSeriesStart(series, new Date(from.getTime() + 60_000));
}
