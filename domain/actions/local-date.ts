/**
 * Calendar dates as people in the municipality read them: due dates are local dates
 * (`2026-03-10`), "today" depends on the time zone, and weeks are ISO weeks (Monday first).
 */
import { localParts, toFloating } from '../meetings/zoned-time';

/** The local date of an instant in the zone. */
export const localDateOf = (instant: Date, timeZone: string): string => localParts(instant, timeZone).date;

/** The local hour (0–23) of an instant in the zone. */
export const localHourOf = (instant: Date, timeZone: string): number => toFloating(instant, timeZone).getUTCHours();

const asUtc = (date: string): Date => new Date(`${date}T00:00:00.000Z`);

/** A local date moved by whole days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = asUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((asUtc(to).getTime() - asUtc(from).getTime()) / 86_400_000);

/** ISO 8601 week of a local date, e.g. `2026-W02` (the week with the year's first Thursday is week 1). */
export function isoWeekOf(date: string): string {
  const d = asUtc(date);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const firstThursday = asUtc(`${year}-01-04`);
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** `2026-03-10` → `10.03.2026`: the short form of a date on every card, list and export. */
export function danishDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}
