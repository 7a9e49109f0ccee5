import type { FeatureErrorTexts } from '../i18n/feature-error-texts';

/** Texts for the error codes only this feature raises (the shared ones are in bot/i18n). */
export const tabErrors: FeatureErrorTexts = {
  da: {
    'TAB.NOT_SIGNED_IN': () => 'Du er ikke logget ind. Åbn fanen i Microsoft Teams.',
    'TAB.TOKEN_INVALID': () => 'Teams-login kunne ikke bekræftes. Genindlæs fanen; virker det stadig ikke, så kontakt IT.',
    'TAB.TOKEN_EXPIRED': () => 'Dit Teams-login er udløbet. Genindlæs fanen.',
    'TAB.KEYS_UNAVAILABLE': () => 'Forumbot kan ikke kontrollere dit Teams-login lige nu. Prøv igen om lidt.',
    'TAB.SSO_NOT_CONFIGURED': () => 'Fanen er ikke sat op til Teams-login (MicrosoftAppTenantId mangler). Kontakt IT.',
    'TAB.DEV_IDENTITY_OFF': () => 'Udviklingsidentitet findes kun, når Forumbot kører lokalt.',
    'TAB.BAD_REQUEST': () => 'Forespørgslen var ikke gyldig. Genindlæs fanen.',
    'TAB.BOT_NOT_IN_TEAM': () => 'Forumbot kender ikke dette team endnu. Tilføj Forumbot til teamet, og prøv igen.',
    'PICTURE.VIEW_NOT_ALLOWED': () =>
      'Halvårsbilledet kan kun ses af medlemmer af Lokalrådet og de koordinerende fora samt forummernes formænd. Mener du, at du skal have adgang, så kontakt formanden for dit forum.',
  },
  en: {
    'TAB.NOT_SIGNED_IN': () => 'You are not signed in. Open the tab in Microsoft Teams.',
    'TAB.TOKEN_INVALID': () => 'Your Teams sign-in could not be verified. Reload the tab; if it still fails, contact IT.',
    'TAB.TOKEN_EXPIRED': () => 'Your Teams sign-in has expired. Reload the tab.',
    'TAB.KEYS_UNAVAILABLE': () => 'Forumbot cannot check your Teams sign-in right now. Try again in a moment.',
    'TAB.SSO_NOT_CONFIGURED': () => 'The tab is not set up for Teams sign-in (MicrosoftAppTenantId is missing). Contact IT.',
    'TAB.DEV_IDENTITY_OFF': () => 'The development identity exists only when Forumbot runs locally.',
    'TAB.BAD_REQUEST': () => 'The request was not valid. Reload the tab.',
    'TAB.BOT_NOT_IN_TEAM': () => 'Forumbot does not know this team yet. Add Forumbot to the team and try again.',
    'PICTURE.VIEW_NOT_ALLOWED': () =>
      'The half-yearly picture can be seen only by members of the Lokalråd and the coordinating fora, and by the chairs of the fora. If you think you should have access, contact the chair of your forum.',
  },
};
