import type { FeatureErrorTexts } from '../i18n/feature-error-texts';

/** Texts for the picture's own error codes. */
export const pictureErrors: FeatureErrorTexts = {
  da: {
    'PICTURE.NO_CHANNEL': () => 'Lokalrådet er ikke knyttet til en kanal endnu. Skriv **tilknyt** i Lokalrådets kanal, og prøv igen.',
    'PICTURE.NO_LOKALRAAD': () => 'Der er intet strategisk forum (Lokalråd) i registret at offentliggøre til.',
  },
  en: {
    'PICTURE.NO_CHANNEL': () => 'The Lokalråd is not linked to a channel yet. Type **link** in its channel and try again.',
    'PICTURE.NO_LOKALRAAD': () => 'There is no strategic forum (Lokalråd) in the registry to publish to.',
  },
};
