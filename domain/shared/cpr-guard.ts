/**
 * The product carries agendas, trends and decisions, never case data about named persons. Danish
 * personal ID numbers (CPR: DDMMYY-NNNN, or ten digits whose first six are a valid date) are
 * refused wherever free text enters the system.
 *
 * Text is normalised before the check, so a number cannot slip through in another dress: Unicode
 * compatibility forms (NFKC: full-width and mathematical digits), every script's decimal digits,
 * and any run of spaces, dashes, dots, slashes, underscores or line breaks between the parts.
 * Invisible characters (zero-width space, soft hyphen, …) are dropped, as a reader never sees them.
 *
 * What is let through (the false-positive policy, also in the README):
 * - a date followed by a time of day: a date without spaces inside (`010224`, `01.02.24`), white
 *   space, then HHMM with a valid hour and minutes on a five-minute mark (`010224 1400`);
 * - a case number right after its label (`journalnr. 150324-0001`, `j.nr.`, `sagsnr.`);
 * - longer digit runs (EAN codes, account numbers) and invalid dates;
 * - ids in GUID form (Entra and Teams ids, which name people by an id and are shown when a person
 *   has no display name): their hex digits can form a date by chance.
 */

/** A canonical separator in the normalised text: ' ' for white space, '-' for any other. */
const SPACE = ' ';
const OTHER = '-';

const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}]/u;
const WHITE = /[\s\p{Z}]/u;
// Dashes, minus signs, dots, slashes and connector punctuation (underscore) of any script.
const PUNCT_SEPARATOR = /[\p{Pd}\p{Pc}\u2212\u2043\u2027\u00b7\u30fb\u2024\u2044\u2215\u29f8\\/.]/u;
const DIGIT = /\p{Nd}/u;

/** The value of a decimal digit of any script: Unicode keeps each script's 0–9 in one run. */
function digitValue(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return char;
  let start = code;
  while (start > 0 && DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((code - start) % 10);
}

/**
 * The text reduced to what the CPR check looks at: ASCII digits, letters and other characters as
 * they are, and each run of separators as one ' ' (only white space) or '-' (anything else).
 */
export function normaliseForCprCheck(text: string): string {
  let out = '';
  let run = '';
  for (const char of text.normalize('NFKC')) {
    if (INVISIBLE.test(char)) continue;
    if (WHITE.test(char) || PUNCT_SEPARATOR.test(char)) {
      run = run === OTHER || !WHITE.test(char) ? OTHER : SPACE;
      continue;
    }
    out += run;
    run = '';
    out += DIGIT.test(char) ? digitValue(char) : char;
  }
  return out + run;
}

// Day, month and year may be separated; the four serial digits come as one group.
const CPR_CANDIDATE = /(?<!\d)(\d{2})([ -]?)(\d{2})([ -]?)(\d{2})([ -]?)(\d{4})(?!\d)/g;
const CASE_NUMBER_LABEL = /(?:journal|j|sags?|sag)[ -]?(?:nr|nummer|no)[ -]?(?:[:-][ -]?)?$/i;

function isValidDayMonth(day: number, month: number, year2: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Both centuries are possible for a CPR date; Feb 29 is valid if either century makes a leap year.
  const leap = [1900 + year2, 2000 + year2].some((y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * `010224 1400` or `01.02.24 1400`: a date written without spaces inside, white space, and a time
 * of day as meetings are set (five-minute marks).
 */
function isDateThenTime(dateSeparators: readonly string[], separator: string, serial: string): boolean {
  const hour = Number(serial.slice(0, 2));
  const minute = Number(serial.slice(2));
  return !dateSeparators.includes(SPACE) && separator === SPACE && hour <= 23 && minute <= 59 && minute % 5 === 0;
}

/** True when the text holds something that looks like a CPR number. */
const GUID = /(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/gi;

export function containsCprNumber(text: string): boolean {
  const normalised = normaliseForCprCheck(text.replace(GUID, ' guid '));
  for (const match of normalised.matchAll(CPR_CANDIDATE)) {
    const [, dd, first = '', mm, second = '', yy, separator = '', serial = ''] = match;
    if (!isValidDayMonth(Number(dd), Number(mm), Number(yy))) continue;
    if (isDateThenTime([first, second], separator, serial)) continue;
    if (CASE_NUMBER_LABEL.test(normalised.slice(Math.max(0, match.index - 20), match.index))) continue;
    return true;
  }
  return false;
}

const MASK = '•';
// A run of digits with the separators a CPR number may carry between its parts.
const DIGIT_RUN = /[\p{Nd}][\p{Nd}\s\p{Z}\p{Pd}\p{Pc}\u2212./\\\p{Cf}]*[\p{Nd}]|[\p{Nd}]/gu;

/**
 * The text with what looks like a CPR number blanked out ("Drengen ••••••-•••• og hans venner"),
 * the rest as typed. A refused form gives a person's text back this way: their work is kept, but
 * the number is not repeated into the chat (a card answer stays in the conversation's history).
 * Runs of six or more digits are blanked first; if a number still shows (spread out by letters or
 * invisible characters), every digit is; if even that is not enough, nothing is given back.
 */
export function maskCprNumbers(text: string): string {
  if (!containsCprNumber(text)) return text;
  const blank = (run: string) => run.replace(/\p{Nd}/gu, MASK);
  const runs = text.replace(DIGIT_RUN, (run) => ((run.match(/\p{Nd}/gu)?.length ?? 0) >= 6 ? blank(run) : run));
  if (!containsCprNumber(runs)) return runs;
  const digits = blank(text.normalize('NFKC'));
  return containsCprNumber(digits) ? '' : digits;
}
