/**
 * The product carries agendas, trends and decisions, never case data about named persons. Danish
 * personal ID numbers (CPR: DDMMYY-NNNN, or ten digits whose first six are a valid date) are
 * refused wherever free text enters the system.
 */
// The separator may also be a typographic dash or a no-break space: text pasted from a word
// processor often carries those instead of a plain hyphen or space.
const CPR_CANDIDATE = /(?<!\d)(\d{2})(\d{2})(\d{2})[-\u2010-\u2013\u2212 \u00a0]?(\d{4})(?!\d)/g;

function isValidDayMonth(day: number, month: number, year2: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Both centuries are possible for a CPR date; Feb 29 is valid if either century makes a leap year.
  const leap = [1900 + year2, 2000 + year2].some((y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** True when the text holds something that looks like a CPR number. */
export function containsCprNumber(text: string): boolean {
  for (const match of text.matchAll(CPR_CANDIDATE)) {
    const [, dd, mm, yy] = match;
    if (isValidDayMonth(Number(dd), Number(mm), Number(yy))) return true;
  }
  return false;
}
