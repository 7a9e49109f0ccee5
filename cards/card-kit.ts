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

/**
 * What just happened, at the top of a card: bold text in the default colour on a tinted band.
 * Teams' "Good" and "Warning" text colours are pale on a light theme (green and yellow text are hard
 * to read); the band carries the tone, the text stays readable. `neutral` for a notice that may
 * be good news or not (a conflict, a delivery report).
 */
export const noticeBlock = (text: string, tone: 'good' | 'warning' | 'neutral' = 'good'): CardElement => ({
  type: 'Container',
  style: tone === 'neutral' ? 'emphasis' : tone,
  items: [{ type: 'TextBlock', text, wrap: true, weight: 'Bolder' }],
});

/** A button that sends `verb` and `data` to the bot; the bot answers with the replacement card. */
export const executeAction = (title: string, verb: string, data: Record<string, unknown> = {}, extra: CardElement = {}): CardElement => ({
  type: 'Action.Execute',
  title,
  verb,
  data,
  ...extra,
});

// Markdown that could turn typed text into a link, an image, emphasis or a list: `[x](url)`,
// `![](url)`, `<https://…>`, `**…**`, `- …`. Teams renders TextBlock and FactSet text as Markdown.
const MARKDOWN_INLINE = /[\\`*_[\]<>~]/g;
const MARKDOWN_LINE_START = /^([ \t]*)([-+#>]|\d+[.)])(?=\s|$)/gm;

/**
 * Text a person typed (or Teams sent), shown as typed: its Markdown is escaped, so it can never
 * become a link or a remote image on our cards. Not for input values or choice titles (no Markdown).
 */
export function asText(text: string): string {
  return text.replace(MARKDOWN_INLINE, '\\$&').replace(MARKDOWN_LINE_START, (_match, indent: string, marker: string) => `${indent}${marker.replace(/[-+#>.)]$/, '\\$&')}`);
}

/** A link we make on purpose (a label of ours or typed, to a checked URL) that no typed character can break out of. */
export function markdownLink(label: string, url: string): string {
  return `[${asText(label)}](${url.replace(/[()<>\s\\]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)))})`;
}
