import type { AdaptiveCard } from '../../cards/card-kit';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** What a proactive card message is made of: the plain-text summary Teams shows in notifications, and the card. */
export interface CardMessage {
  summary: string;
  attachments: { contentType: typeof CARD_CONTENT_TYPE; content: AdaptiveCard }[];
}

/** How much of a summary a notification shows; a longer one is shortened visibly, with an ellipsis. */
const SUMMARY_MAX = 300;

/** One card as a message, for the outbox or an in-place update. */
export const cardMessage = (summary: string, card: AdaptiveCard): CardMessage => ({
  summary: summary.length > SUMMARY_MAX ? `${summary.slice(0, SUMMARY_MAX - 1)}…` : summary,
  attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }],
});
