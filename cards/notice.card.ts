import { adaptiveCard, heading, paragraph, type AdaptiveCard, type CardLang } from './card-kit';

/** A short confirmation that replaces the card the user acted on. */
export function noticeCard(lang: CardLang, title: string, message: string): AdaptiveCard {
  return adaptiveCard(lang, [heading(title), paragraph(message)]);
}
