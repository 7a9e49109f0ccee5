import { adaptiveCard, executeAction, paragraph, type AdaptiveCard, type CardLang } from './card-kit';
import { HELP_VERBS } from './help.card';

export interface ErrorCardText {
  lang: CardLang;
  title: string;
  showHelp: string;
}

/** Replaces a card whose action could not be carried out; says why, changes nothing. */
export function errorCard(text: ErrorCardText, message: string): AdaptiveCard {
  return adaptiveCard(
    text.lang,
    [
      { type: 'TextBlock', text: text.title, weight: 'Bolder', color: 'Attention', wrap: true, style: 'heading' },
      paragraph(message),
    ],
    [executeAction(text.showHelp, HELP_VERBS.show, { lang: text.lang })],
  );
}
