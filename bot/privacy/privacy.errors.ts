import type { FeatureErrorTexts } from '../i18n/feature-error-texts';

/** Texts for the error codes only the privacy feature raises. */
export const privacyErrors: FeatureErrorTexts = {
  da: {
    'PRIVACY.UNKNOWN_PERSON': () => 'Forumbot har ingen data om en person med det objekt-id. Tjek id\'et i Entra ID.',
    'PRIVACY.LINK_INVALID': () => 'Linket er ugyldigt eller udløbet. Dan et nyt udtræk i Teams.',
    'PRIVACY.LAST_CHAIR': (c) => `Personen er eneste formand for ${String(c['forum'] ?? 'et forum')}. Udpeg en ny formand først.`,
  },
  en: {
    'PRIVACY.UNKNOWN_PERSON': () => 'Forumbot holds no data about a person with that object id. Check the id in Entra ID.',
    'PRIVACY.LINK_INVALID': () => 'The link is invalid or has expired. Produce a new one in Teams.',
    'PRIVACY.LAST_CHAIR': (c) => `The person is the only chair of ${String(c['forum'] ?? 'a forum')}. Appoint a new chair first.`,
  },
};
