/** Months and half-years in the municipality's time zone. */
const TIME_ZONE = 'Europe/Copenhagen';
const monthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit' });
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** `2026-03` for an instant, in Copenhagen. */
export function monthOf(instant: string | Date): string {
  const parts = monthFormat.formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** `2026-03-05` for an instant, in Copenhagen. */
export const dayOf = (instant: Date): string => dayFormat.format(instant);

/** The month `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A run of whole months, `from` first, `to` last. */
export interface Period {
  from: string;
  to: string;
}

export function monthsOf(period: Period): string[] {
  const out: string[] = [];
  for (let m = period.from; m <= period.to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/**
 * The last finished half-year before `now` (January–June or July–December), which is what the
 * Lokalråd discusses; `previous` is the one before it.
 */
export function lastHalfYear(now: Date): { current: Period; previous: Period } {
  const month = monthOf(now);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const current = m <= 6 ? { from: `${y - 1}-07`, to: `${y - 1}-12` } : { from: `${y}-01`, to: `${y}-06` };
  return { current, previous: previousOf(current) };
}

/** The period of the same length just before. */
export function previousOf(period: Period): Period {
  const length = monthsOf(period).length;
  return { from: addMonths(period.from, -length), to: addMonths(period.from, -1) };
}
