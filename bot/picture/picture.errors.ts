import { formatDateTime } from '../../cards/dates';
import type { FeatureErrorTexts } from '../i18n/feature-error-texts';

/** When the report went out, in the bot's zone. */
const when = (c: Readonly<Record<string, unknown>>, lang: 'da' | 'en'): string =>
  typeof c.at === 'string' && c.at !== '' ? formatDateTime(c.at, lang, typeof c.timeZone === 'string' ? c.timeZone : 'Europe/Copenhagen') : '';

/** Texts for the picture's own error codes. */
export const pictureErrors: FeatureErrorTexts = {
  da: {
    'PICTURE.NO_CHANNEL': () => 'Lokalrådet er ikke knyttet til en kanal endnu. Skriv **tilknyt** i Lokalrådets kanal, og prøv igen.',
    'PICTURE.NO_LOKALRAAD': () => 'Der er intet strategisk forum (Lokalråd) i registret at offentliggøre til.',
    'PICTURE.NO_DESK': () => 'Registret har intet koordinerende forum under et strategisk forum (Koordinationsgruppen under Lokalrådet), så der er ingen at skrive halvårsbilledet til.',
    'PICTURE.NOT_ANALYST': () => 'Kun kommunens analytiker kan kommentere og offentliggøre halvårsbilledet. Analytikeren står i fora-filen; står der ingen, er det formanden for Koordinationsgruppen.',
    'PICTURE.PERIOD_NOT_OVER': () => 'Halvåret er ikke slut endnu. Du kan skrive og gemme kommentarer nu og offentliggøre, når halvåret er omme.',
    'PICTURE.ALREADY_PUBLISHED': (c) => `Halvårsbilledet er allerede offentliggjort${when(c, 'da') === '' ? '' : ` den ${when(c, 'da')}`}, og kommentarerne kan ikke ændres længere.`,
  },
  en: {
    'PICTURE.NO_CHANNEL': () => 'The Lokalråd is not linked to a channel yet. Type **link** in its channel and try again.',
    'PICTURE.NO_LOKALRAAD': () => 'There is no strategic forum (Lokalråd) in the registry to publish to.',
    'PICTURE.NO_DESK': () => 'The registry has no coordinating forum below a strategic one (Koordinationsgruppen below the Lokalråd), so there is nobody to write the half-yearly picture for.',
    'PICTURE.NOT_ANALYST': () => "Only the municipality's analyst can comment on and publish the half-yearly picture. The analyst is named in the fora file; if nobody is, it is the chair of Koordinationsgruppen.",
    'PICTURE.PERIOD_NOT_OVER': () => 'The half-year is not over yet. You can write and save commentary now and publish once the half-year has ended.',
    'PICTURE.ALREADY_PUBLISHED': (c) => `The half-yearly picture has already been published${when(c, 'en') === '' ? '' : ` on ${when(c, 'en')}`}, and the commentary can no longer change.`,
  },
};
