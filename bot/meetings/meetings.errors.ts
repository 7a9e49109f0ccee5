import { formatDateTime } from '../../cards/dates';
import type { FeatureErrorTexts } from '../i18n/feature-error-texts';

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** The refused start as people read it ("torsdag 14. januar 2027 kl. 13.00"). */
const when = (c: Readonly<Record<string, unknown>>, lang: 'da' | 'en'): string =>
  typeof c.start === 'string' ? formatDateTime(c.start, lang, typeof c.timeZone === 'string' ? c.timeZone : 'Europe/Copenhagen') : '';

/** Texts for the error codes only this feature raises (the shared ones are in bot/i18n). */
export const meetingsErrors: FeatureErrorTexts = {
  da: {
    'MEETINGS.RRULE_INVALID': (c) =>
      `Gentagelsesreglen kan ikke læses${c.reason ? ` (${str(c.reason)})` : ''}. Skriv den som RFC 5545 RRULE, fx FREQ=MONTHLY;BYDAY=2TU (2. tirsdag hver måned). Intet er gemt.`,
    'MEETINGS.RRULE_UNSUPPORTED': (c) =>
      `Gentagelsesreglen bruger noget, møder ikke kan have (${str(c.part)}). Brug FREQ=DAILY, WEEKLY, MONTHLY eller YEARLY uden DTSTART og EXDATE. Intet er gemt.`,
    'MEETINGS.FIRST_DATE_NOT_IN_RULE': (c) => `Første dato (${str(c.firstDate)}) passer ikke med gentagelsen. Vælg en første dato, som gentagelsen selv giver — fx en sidste tirsdag, hvis møderne er den sidste tirsdag i måneden. Intet er gemt.`,
    'MEETINGS.DAY_TOO_LATE': () => 'Den 29., 30. og 31. findes ikke i alle måneder. Vælg en dato til og med den 28., eller "samme ugedag". Intet er gemt.',
    'MEETINGS.NO_SUCH_OCCURRENCE': () => 'Mødet findes ikke (længere). Skriv **møder** for at se de aktuelle møder.',
    'MEETINGS.OCCURRENCE_PAST': () => 'Mødet er allerede holdt og kan ikke ændres.',
    'MEETINGS.MOVE_TO_PAST': () => 'Et møde kan ikke flyttes til et tidspunkt, der er gået. Intet er ændret.',
    'MEETINGS.FIRST_DATE_PAST': (c) => `Det første møde (${when(c, 'da')}) er allerede begyndt eller holdt. Vælg en første dato og et tidspunkt ude i fremtiden. Intet er gemt.`,
    'MEETINGS.END_BEFORE_START': () => 'Mødet skal slutte efter, det begynder. Intet er ændret.',
    'MEETINGS.MOVE_INPUT': () => 'Angiv en ny dato og et tidspunkt (TT:MM) for mødet. Intet er ændret.',
  },
  en: {
    'MEETINGS.RRULE_INVALID': (c) =>
      `The recurrence rule cannot be read${c.reason ? ` (${str(c.reason)})` : ''}. Write it as an RFC 5545 RRULE, e.g. FREQ=MONTHLY;BYDAY=2TU (2nd Tuesday of each month). Nothing was saved.`,
    'MEETINGS.RRULE_UNSUPPORTED': (c) => `The recurrence rule uses something meetings cannot have (${str(c.part)}). Use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY without DTSTART and EXDATE. Nothing was saved.`,
    'MEETINGS.FIRST_DATE_NOT_IN_RULE': (c) => `The first date (${str(c.firstDate)}) does not fit the recurrence. Pick a first date the recurrence itself gives — e.g. a last Tuesday if meetings are on the last Tuesday of the month. Nothing was saved.`,
    'MEETINGS.DAY_TOO_LATE': () => 'The 29th, 30th and 31st do not exist in every month. Pick a date up to the 28th, or "same weekday". Nothing was saved.',
    'MEETINGS.NO_SUCH_OCCURRENCE': () => 'That meeting does not exist (any more). Type **meetings** to see the current ones.',
    'MEETINGS.OCCURRENCE_PAST': () => 'That meeting has already taken place and cannot be changed.',
    'MEETINGS.MOVE_TO_PAST': () => 'A meeting cannot be moved to a time that has passed. Nothing was changed.',
    'MEETINGS.FIRST_DATE_PAST': (c) => `The first meeting (${when(c, 'en')}) has already begun or taken place. Pick a first date and time in the future. Nothing was saved.`,
    'MEETINGS.END_BEFORE_START': () => 'A meeting must end after it starts. Nothing was changed.',
    'MEETINGS.MOVE_INPUT': () => 'Give the meeting a new date and a time (HH:MM). Nothing was changed.',
  },
};
