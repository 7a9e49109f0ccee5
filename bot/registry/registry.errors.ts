import type { FeatureErrorTexts } from '../i18n/feature-error-texts';
import { registryTexts } from './registry.texts';

/** The member form's field messages as error codes (`MEMBER.FORM.<key>`), shown beside their field. */
const formCodes = (lang: 'da' | 'en') => Object.fromEntries(Object.entries(registryTexts[lang].form).map(([key, text]) => [`MEMBER.FORM.${key}`, () => text]));

const nameOf = (context: Readonly<Record<string, unknown>>, fallback: string): string => (typeof context['name'] === 'string' ? context['name'] : fallback);

/** Texts for the error codes only this feature raises (the shared ones are in bot/i18n). */
export const registryErrors: FeatureErrorTexts = {
  da: {
    'MEMBER.ALREADY_MEMBER': (c) => `${nameOf(c, 'Personen')} er allerede medlem af forummet.`,
    'MEMBER.NOT_FOUND': () => 'Personen er ikke (længere) medlem af forummet. Åbn forummet igen for at se, hvem der er med nu.',
    'MEMBER.CHANGED_SINCE': (c) => `En anden har ændret rollerne for ${nameOf(c, 'personen')}, siden kortet blev vist. Åbn forummet igen og se de nye roller, før du ændrer dem.`,
    'MEMBER.NO_ROLE': () => 'Et medlem skal have mindst én rolle. Vil du fjerne personen, så brug "Fjern fra forummet".',
    ...formCodes('da'),
  },
  en: {
    'MEMBER.ALREADY_MEMBER': (c) => `${nameOf(c, 'The person')} is already a member of the forum.`,
    'MEMBER.NOT_FOUND': () => 'The person is not (or no longer) a member of the forum. Open the forum again to see who is in it now.',
    'MEMBER.CHANGED_SINCE': (c) => `Someone else changed the roles of ${nameOf(c, 'the person')} after this card was shown. Open the forum again to see the new roles before you change them.`,
    'MEMBER.NO_ROLE': () => 'A member needs at least one role. To take someone out, use "Remove from the forum".',
    ...formCodes('en'),
  },
};
