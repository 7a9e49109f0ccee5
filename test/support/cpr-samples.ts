/**
 * Seeded generators for the CPR property tests: CPR numbers in every dress a security review
 * found slipping through, and benign numbers (phones, dates, times, case numbers, EAN codes)
 * that must still pass. Seeded, so a failure names a seed and a run that reproduce it.
 */

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
const int = (rng: Random, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Random, items: readonly T[]): T => items[int(rng, 0, items.length - 1)] as T;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The zero of each script's digits the generator writes numbers in. */
const DIGIT_ZEROS = {
  ascii: 0x30,
  fullWidth: 0xff10,
  arabicIndic: 0x660,
  persian: 0x6f0,
  devanagari: 0x966,
  bengali: 0x9e6,
  thai: 0xe50,
  mathBold: 0x1d7ce,
  mathDoubleStruck: 0x1d7d8,
  mathMonospace: 0x1d7f6,
} as const;
export const DIGIT_SCRIPTS = Object.keys(DIGIT_ZEROS) as (keyof typeof DIGIT_ZEROS)[];

const inScript = (digits: string, script: keyof typeof DIGIT_ZEROS): string =>
  digits.replace(/\d/g, (d) => String.fromCodePoint(DIGIT_ZEROS[script] + Number(d)));

/** Between the date and the serial; white-space ones are listed apart (see the time-of-day rule). */
export const SERIAL_SEPARATORS = {
  none: '',
  hyphen: '-',
  slash: '/',
  enDash: '\u2013',
  emDash: '\u2014',
  minus: '\u2212',
  spacedHyphen: ' - ',
  underscore: '_',
  dot: '.',
  softHyphen: '\u00ad',
  zeroWidthSpace: '\u200b',
  zeroWidthJoiner: '\u200d',
  wordJoiner: '\u2060',
  fullWidthHyphen: '\uff0d',
  space: ' ',
  noBreakSpace: '\u00a0',
  narrowNoBreakSpace: '\u202f',
  thinSpace: '\u2009',
  lineBreak: '\n',
  crlf: '\r\n',
  tab: '\t',
} as const;
const WHITE_SEPARATORS = new Set<string>([' ', '\u00a0', '\u202f', '\u2009', '\n', '\r\n', '\t']);
export const SEPARATOR_NAMES = Object.keys(SERIAL_SEPARATORS) as (keyof typeof SERIAL_SEPARATORS)[];

/** Between day, month and year. */
const DATE_SEPARATORS = ['', ' ', '.', '-', '/', '\u2009', '\u200b'] as const;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(rng: Random): { dd: string; mm: string; yy: string } {
  const month = int(rng, 1, 12);
  let day = int(rng, 1, DAYS_IN_MONTH[month - 1] ?? 28);
  const year = int(rng, 0, 99);
  // 29 February only in a year that is a leap year in one of the two centuries.
  if (month === 2 && day === 29 && year % 4 !== 0) day = 28;
  return { dd: pad(day, 2), mm: pad(month, 2), yy: pad(year, 2) };
}

/** A serial that is not a time of day on a five-minute mark (those are let through after white space). */
function serialFor(rng: Random, whiteBefore: boolean, spacedDate: boolean): string {
  for (;;) {
    const serial = pad(int(rng, 0, 9999), 4);
    const hour = Number(serial.slice(0, 2));
    const minute = Number(serial.slice(2));
    const looksLikeTime = hour <= 23 && minute <= 59 && minute % 5 === 0;
    if (!whiteBefore || spacedDate || !looksLikeTime) return serial;
  }
}

const SURROUNDINGS: readonly [string, string][] = [
  ['', ''],
  ['Drengen med cpr ', ' er set ved stationen.'],
  ['(', ')'],
  ['cpr:', ''],
  ['Se ', '\nmvh. Lise'],
  ['«', '»'],
  ['Navn: Jens ', ''],
];

export interface Sample {
  text: string;
  /** How it was made, printed when a property fails. */
  label: string;
}

/** A CPR number: valid date, any serial, any script, any separator, inside some text. */
export function cprSample(rng: Random): Sample {
  const { dd, mm, yy } = validDate(rng);
  const script = pick(rng, DIGIT_SCRIPTS);
  const separatorName = pick(rng, SEPARATOR_NAMES);
  const separator = SERIAL_SEPARATORS[separatorName];
  const dateSeparator = pick(rng, DATE_SEPARATORS);
  const spacedDate = /\s/.test(dateSeparator);
  const serial = serialFor(rng, WHITE_SEPARATORS.has(separator), spacedDate);
  const [before, after] = pick(rng, SURROUNDINGS);
  const number = [dd, mm, yy].map((part) => inScript(part, script)).join(dateSeparator) + separator + inScript(serial, script);
  return { text: `${before}${number}${after}`, label: `cpr script=${script} separator=${separatorName} date=${JSON.stringify(dateSeparator)}` };
}

function ean(rng: Random, length: 8 | 13): string {
  const body = Array.from({ length: length - 1 }, () => int(rng, 0, 9)).join('');
  const weighted = [...body].reverse().reduce((sum, d, i) => sum + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return body + String((10 - (weighted % 10)) % 10);
}

const phoneDigits = (rng: Random): string => String(int(rng, 2, 9)) + pad(int(rng, 0, 9_999_999), 7);
const pairs = (digits: string): string => digits.replace(/(\d{2})(?=\d)/g, '$1 ');
const fives = (rng: Random): string => pad(int(rng, 0, 23), 2) + pad(int(rng, 0, 11) * 5, 2);

/** Numbers people write about meetings and cases that are not CPR numbers. */
const BENIGN: readonly [string, (rng: Random) => string][] = [
  ['phone', (rng) => phoneDigits(rng)],
  ['phone in pairs', (rng) => `Ring på ${pairs(phoneDigits(rng))}`],
  ['phone +45', (rng) => `+45 ${pairs(phoneDigits(rng))}`],
  ['phone +45 in fours', (rng) => `+45 ${phoneDigits(rng).replace(/(\d{4})(?=\d)/, '$1 ')}`],
  ['phone 0045', (rng) => `0045${phoneDigits(rng)}`],
  ['phone +45 solid', (rng) => `+45${phoneDigits(rng)}`],
  ['ISO date', (rng) => `${int(rng, 1990, 2040)}-${pad(int(rng, 1, 12), 2)}-${pad(int(rng, 1, 28), 2)}`],
  ['Danish date', (rng) => `${pad(int(rng, 1, 28), 2)}.${pad(int(rng, 1, 12), 2)}.${int(rng, 1990, 2040)}`],
  ['short date', (rng) => `d. ${int(rng, 1, 28)}/${int(rng, 1, 12)}-${int(rng, 2020, 2030)}`],
  ['time span', (rng) => `kl. ${pad(int(rng, 0, 23), 2)}:${pad(int(rng, 0, 59), 2)}-${pad(int(rng, 0, 23), 2)}.${pad(int(rng, 0, 59), 2)}`],
  ['ISO date and time', (rng) => `Mødet ${int(rng, 2020, 2030)}-${pad(int(rng, 1, 12), 2)}-${pad(int(rng, 1, 28), 2)} kl. ${fives(rng)}`],
  ['date and time', (rng) => { const { dd, mm, yy } = validDate(rng); return `${dd}${mm}${yy} ${fives(rng)}`; }],
  ['dotted date and time', (rng) => { const { dd, mm, yy } = validDate(rng); return `Mødet ${dd}.${mm}.${yy} ${fives(rng)}`; }],
  ['journal number', (rng) => { const { dd, mm, yy } = validDate(rng); return `journalnr. ${dd}${mm}${yy}-${pad(int(rng, 0, 9999), 4)}`; }],
  ['j.nr.', (rng) => { const { dd, mm, yy } = validDate(rng); return `j.nr. ${dd}${mm}${yy}-${pad(int(rng, 0, 9999), 4)}`; }],
  ['case number', (rng) => { const { dd, mm, yy } = validDate(rng); return `Sagsnr.: ${dd}${mm}${yy}-${pad(int(rng, 0, 9999), 4)}`; }],
  ['year/case', (rng) => `Sag ${int(rng, 10, 30)}/${pad(int(rng, 0, 99999), 5)}`],
  ['EAN-13', (rng) => ean(rng, 13)],
  ['EAN-8', (rng) => ean(rng, 8)],
  ['EAN-13 printed', (rng) => ean(rng, 13).replace(/^(\d)(\d{6})(\d{6})$/, '$1 $2 $3')],
  ['invalid date', (rng) => `${pad(int(rng, 32, 99), 2)}${pad(int(rng, 1, 12), 2)}${pad(int(rng, 0, 99), 2)}-${pad(int(rng, 0, 9999), 4)}`],
  ['eleven digits', (rng) => pad(int(rng, 0, 99_999), 5) + pad(int(rng, 0, 999_999), 6)],
];
export const BENIGN_KINDS = BENIGN.map(([kind]) => kind);

export function benignSample(rng: Random): Sample {
  const [kind, make] = pick(rng, BENIGN);
  return { text: make(rng), label: `benign ${kind}` };
}
