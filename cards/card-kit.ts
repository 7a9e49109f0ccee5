/**
 * The few shapes every card shares. Teams renders Adaptive Cards up to schema 1.5; buttons use
 * `Action.Execute` (Universal Actions), so a click reaches the bot as an `adaptiveCard/action`
 * invoke and the bot answers with the card that replaces it.
 */
export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** The language a card is written in; also set as the card's `lang`. */
export type CardLang = 'da' | 'en';

export type CardElement = Record<string, unknown>;

/** A type (not an interface) so that it is assignable to the SDK's `Record<string, unknown>`. */
export type AdaptiveCard = {
  type: 'AdaptiveCard';
  $schema: typeof CARD_SCHEMA;
  version: typeof CARD_VERSION;
  lang: CardLang;
  body: CardElement[];
  actions?: CardElement[];
};

export function adaptiveCard(lang: CardLang, body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    lang,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export const heading = (text: string): CardElement => ({ type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' });

export const paragraph = (text: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text, wrap: true, ...extra });

/** A button that sends `verb` and `data` to the bot; the bot answers with the replacement card. */
export const executeAction = (title: string, verb: string, data: Record<string, unknown> = {}, extra: CardElement = {}): CardElement => ({
  type: 'Action.Execute',
  title,
  verb,
  data,
  ...extra,
});
