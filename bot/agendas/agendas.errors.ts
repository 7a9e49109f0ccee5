import { formatDateTime } from '../../cards/dates';
import type { FeatureErrorTexts } from '../i18n/feature-error-texts';

/** The meeting's start as the refusal names it, in the bot's zone ("torsdag 14. januar 2027 kl. 13.00"). */
const meetingWhen = (c: Readonly<Record<string, unknown>>, lang: 'da' | 'en'): string =>
  typeof c.meetingStart === 'string' ? formatDateTime(c.meetingStart, lang, typeof c.timeZone === 'string' ? c.timeZone : 'Europe/Copenhagen') : '';

/** Texts for the error codes only this feature raises (the shared ones are in bot/i18n). */
export const agendasErrors: FeatureErrorTexts = {
  da: {
    'AGENDA.EMPTY': () => 'Dagsordenen har ingen punkter. Tilføj mindst ét punkt, før den offentliggøres.',
    'AGENDA.CIRCULATION_OFF': () => 'Indhentning af input er ikke slået til for denne dagsorden. Formanden kan slå det til på dagsordenskortet.',
    'AGENDA.NOT_PUBLISHED': () => 'Dagsordenen skal offentliggøres, før den sendes til konsulenterne.',
    'AGENDA.ALREADY_CIRCULATED': () => 'Dagsordenen er allerede sendt til konsulenterne.',
    'AGENDA.NO_INPUT_WANTED': () => 'Ingen punkter er markeret med "Input ønskes". Markér mindst ét punkt.',
    'AGENDA.DEADLINE_NOT_FUTURE': () => 'Fristen er allerede gået. Vælg en dato og et klokkeslæt, der ligger ude i fremtiden.',
    'AGENDA.DEADLINE_AFTER_MEETING': (c) => `Fristen skal ligge før mødet ${meetingWhen(c, 'da')}. Vælg en tidligere dato.`,
    'AGENDA.DEADLINE_INVALID': () => 'Angiv fristens dato og klokkeslæt.',
    'AGENDA.NO_CONSULTANTS': () => 'Der er ingen konsulenter i de valgte fora. Vælg andre fora eller tilføj konsulenter.',
    'AGENDA.TOO_MANY_CONSULTANTS': (c) => `Der kan højst være ${String(c['max'])} konsulenter på listen.`,
    'AGENDA.NOBODY_MISSING': () => 'Alle har svaret – der er ingen at påminde.',
    'AGENDA.REMINDED_TODAY': () => 'Der er allerede sendt en påmindelse i dag. Prøv igen i morgen.',
    'AGENDA.BRIEFING_NOT_ALLOWED': () => 'Kun formand, sekretær og dem, formanden deler briefingen med, kan se den.',
    'AGENDA.NOT_FOUND': () => 'Dagsordenen findes ikke længere.',
    'AGENDA.NO_CHANNEL': () => 'Forummet er ikke knyttet til en kanal endnu. Skriv **tilknyt** i forummets kanal først.',
    'AGENDA.MEETING_REQUIRED': () => 'Vælg et møde eller angiv mødets dato og klokkeslæt.',
    'AGENDA.ITEM_TITLE_REQUIRED': () => 'Et punkt skal have en titel (højst 200 tegn).',
    'AGENDA.ITEM_BAD_LINK': () => 'Linket til bilag skal være en fuld webadresse, der begynder med https://.',
    'AGENDA.ITEM_TOO_LONG': () => 'Beskrivelsen er for lang (højst 2.000 tegn).',
    'AGENDA.NO_SUCH_ITEM': () => 'Punktet findes ikke længere på dagsordenen.',
    'AGENDA.NO_FORUM': () => 'Jeg kunne ikke finde et forum, hvor du er formand eller sekretær. Skriv **dagsorden** efterfulgt af forummets navn.',
  },
  en: {
    'AGENDA.EMPTY': () => 'The agenda has no items. Add at least one before publishing it.',
    'AGENDA.CIRCULATION_OFF': () => 'Gathering input is not on for this agenda. The chair can turn it on on the agenda card.',
    'AGENDA.NOT_PUBLISHED': () => 'Publish the agenda before sending it to the consultants.',
    'AGENDA.ALREADY_CIRCULATED': () => 'The agenda has already been sent to the consultants.',
    'AGENDA.NO_INPUT_WANTED': () => 'No item is marked "Input wanted". Mark at least one.',
    'AGENDA.DEADLINE_NOT_FUTURE': () => 'That deadline has passed. Pick a date and time in the future.',
    'AGENDA.DEADLINE_AFTER_MEETING': (c) => `The deadline must come before the meeting on ${meetingWhen(c, 'en')}. Pick an earlier date.`,
    'AGENDA.DEADLINE_INVALID': () => "Give the deadline's date and time.",
    'AGENDA.NO_CONSULTANTS': () => 'There are no consultants in the chosen fora. Choose other fora or add consultants.',
    'AGENDA.TOO_MANY_CONSULTANTS': (c) => `The list can hold at most ${String(c['max'])} consultants.`,
    'AGENDA.NOBODY_MISSING': () => 'Everyone has answered – nobody to remind.',
    'AGENDA.REMINDED_TODAY': () => 'A reminder was already sent today. Try again tomorrow.',
    'AGENDA.BRIEFING_NOT_ALLOWED': () => 'Only the chair, the secretary and those the chair shares the briefing with can see it.',
    'AGENDA.NOT_FOUND': () => 'The agenda no longer exists.',
    'AGENDA.NO_CHANNEL': () => "The forum is not linked to a channel yet. Type **link** in the forum's channel first.",
    'AGENDA.MEETING_REQUIRED': () => "Choose a meeting or give the meeting's date and time.",
    'AGENDA.ITEM_TITLE_REQUIRED': () => 'An item needs a title (at most 200 characters).',
    'AGENDA.ITEM_BAD_LINK': () => 'The link to documents must be a full web address starting with https://.',
    'AGENDA.ITEM_TOO_LONG': () => 'The description is too long (at most 2,000 characters).',
    'AGENDA.NO_SUCH_ITEM': () => 'The item is no longer on the agenda.',
    'AGENDA.NO_FORUM': () => 'I found no forum where you are chair or secretary. Type **agenda** followed by the name of the forum.',
  },
};
