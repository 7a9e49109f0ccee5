/**
 * Wall-clock time in an IANA zone ↔ instants, through Intl (the zone rules come from the runtime's
 * ICU data). Recurrences are expanded on "floating" dates: a Date whose UTC fields hold the local
 * wall-clock time, so the recurrence library never sees a daylight-saving jump.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset (ms) at an instant, from Intl: the slow part (formatToParts), hence kept below. */
function offsetFromIntl(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

const MINUTE_MS = 60_000;
/** Offsets known, per zone and minute: today's zones change offset on whole minutes, so one minute has one offset. */
const offsets = new Map<string, number>();
/** Enough for years of meetings in a few zones; cleared (not grown) beyond it. */
const OFFSETS_KEPT = 200_000;

/** The zone's offset at an instant: a series expanded on every read costs one Intl call per new minute, not four per occurrence. */
function offsetOf(instant: number, timeZone: string): number {
  const minute = Math.floor(instant / MINUTE_MS);
  const key = `${timeZone} ${minute}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = offsetFromIntl(minute * MINUTE_MS, timeZone);
    if (offsets.size >= OFFSETS_KEPT) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The wall-clock time at `instant` in `timeZone`, as a floating Date (UTC fields = local fields). */
export function toFloating(instant: Date, timeZone: string): Date {
  const at = instant.getTime();
  return new Date(at + offsetOf(at, timeZone));
}

/** `toFloating` straight from Intl, without what is kept (for tests that compare the two). */
export const toFloatingFromIntl = (instant: Date, timeZone: string): Date => new Date(instant.getTime() + offsetFromIntl(instant.getTime(), timeZone));

const offsetAt = (instant: number, timeZone: string): number => toFloating(new Date(instant), timeZone).getTime() - instant;

/**
 * The instant at which the wall clock in `timeZone` shows `floating`. A time that does not exist
 * (skipped by a spring-forward) is read with the offset from before the jump, i.e. moved later;
 * a time that occurs twice (autumn) is the first of the two.
 */
export function fromFloating(floating: Date, timeZone: string): Date {
  const wall = floating.getTime();
  const before = offsetAt(wall - 36 * 3_600_000, timeZone);
  const after = offsetAt(wall + 36 * 3_600_000, timeZone);
  const candidates = [wall - Math.max(before, after), wall - Math.min(before, after)];
  for (const c of candidates) if (offsetAt(c, timeZone) + c === wall) return new Date(c);
  return new Date(wall - before);
}

/** A floating Date for a local date "YYYY-MM-DD" and time "HH:MM". */
export function floatingOf(date: string, time = '00:00'): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0));
}

/** The instant of a local date and time in `timeZone`. */
export const zonedInstant = (date: string, time: string, timeZone: string): Date => fromFloating(floatingOf(date, time), timeZone);

/** Local date "YYYY-MM-DD" and time "HH:MM" of an instant in `timeZone`. */
export function localParts(instant: Date, timeZone: string): { date: string; time: string } {
  const iso = toFloating(instant, timeZone).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}
