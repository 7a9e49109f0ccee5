/**
 * The small-number rule: a count of 1 or 2 cases is shown as "under 3", so that nobody can work out
 * which young person a case is about from a cell. Zero says nothing about anyone and is shown.
 */
export const UNDER_3 = 'under3' as const;
export type Shown = number | typeof UNDER_3;

export const shown = (n: number): Shown => (n > 0 && n < 3 ? UNDER_3 : n);

/** Danish or English text for a shown count. */
export const shownText = (value: Shown, lang: 'da' | 'en'): string =>
  value === UNDER_3 ? (lang === 'da' ? 'under 3' : 'under 3') : value.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB');
