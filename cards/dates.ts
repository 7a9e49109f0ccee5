import type { CardLang } from './card-kit';

/**
 * Dates as Danish (and English) staff write them, in a given IANA zone:
 * da "tirsdag 13. januar 2026 kl. 09.00", en "Tuesday 13 January 2026 at 09:00".
 * Built from Intl parts (names and zone rules from ICU), joined our way: ICU's Danish long date
 * says "tirsdag den 13. januar", which the municipality does not write on cards.
 */

type Parts = { weekday: string; day: string; month: string; year: string; hour: string; minute: string };

// Kept per language and zone: building a formatter costs far more than formatting with one.
const formatters = new Map<string, Intl.DateTimeFormat>();
const isoDateFormatters = new Map<string, Intl.DateTimeFormat>();

const MINUTE_MS = 60_000;
/** Parts already formatted, per language, zone and minute: a card lists the same meetings turn after turn. */
const formatted = new Map<string, Readonly<Parts>>();
/** Enough for every meeting and deadline on the cards of a busy day; cleared (not grown) beyond it. */
const FORMATTED_KEPT = 20_000;

/** The parts of an instant's minute (what every format below shows), formatted once and kept. */
function partsOf(instant: Date | string, lang: CardLang, timeZone: string): Readonly<Parts> {
  const minute = Math.floor(new Date(instant).getTime() / MINUTE_MS);
  const key = `${lang}|${timeZone}|${minute}`;
  let parts = formatted.get(key);
  if (parts === undefined) {
    parts = Object.freeze(partsFromIntl(minute * MINUTE_MS, lang, timeZone));
    if (formatted.size >= FORMATTED_KEPT) formatted.clear();
    formatted.set(key, parts);
  }
  return parts;
}

function partsFromIntl(instant: number, lang: CardLang, timeZone: string): Parts {
  const id = `${lang}|${timeZone}`;
  let f = formatters.get(id);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(id, f);
  }
  const parts: Parts = { weekday: '', day: '', month: '', year: '', hour: '', minute: '' };
  for (const p of f.formatToParts(instant)) if (p.type in parts) parts[p.type as keyof Parts] = p.value;
  return parts;
}

/** "tirsdag 13. januar 2026" / "Tuesday 13 January 2026". */
export function formatDate(instant: Date | string, lang: CardLang, timeZone: string): string {
  const p = partsOf(instant, lang, timeZone);
  return lang === 'da' ? `${p.weekday} ${p.day}. ${p.month} ${p.year}` : `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "09.00" / "09:00". */
export function formatTime(instant: Date | string, lang: CardLang, timeZone: string): string {
  const p = partsOf(instant, lang, timeZone);
  return lang === 'da' ? `${p.hour}.${p.minute}` : `${p.hour}:${p.minute}`;
}

/** "tirsdag 13. januar 2026 kl. 09.00" / "Tuesday 13 January 2026 at 09:00". */
export function formatDateTime(instant: Date | string, lang: CardLang, timeZone: string): string {
  const p = partsOf(instant, lang, timeZone);
  return lang === 'da' ? `${p.weekday} ${p.day}. ${p.month} ${p.year} kl. ${p.hour}.${p.minute}` : `${p.weekday} ${p.day} ${p.month} ${p.year} at ${p.hour}:${p.minute}`;
}

/** "09.00–10.30" / "09:00–10:30". */
export function formatTimeRange(start: Date | string, end: Date | string, lang: CardLang, timeZone: string): string {
  return `${formatTime(start, lang, timeZone)}–${formatTime(end, lang, timeZone)}`;
}

/** "14.01.2027" / "14/01/2027": the short form, where a whole date would not fit. */
export function formatShortDate(instant: Date | string, lang: CardLang, timeZone: string): string {
  let f = isoDateFormatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    isoDateFormatters.set(timeZone, f);
  }
  const local = f.format(new Date(instant));
  const [y, m, d] = local.split('-');
  return lang === 'da' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}
