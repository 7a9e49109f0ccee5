import { CardFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/card-kit';

/** What a command answers: text, or a card with the plain-text summary Teams shows in notifications. */
export type Reply = { text: string } | { card: AdaptiveCard; summary: string };

export function toActivity(reply: Reply): Partial<Activity> {
  if ('text' in reply) return { type: 'message', text: reply.text, textFormat: 'markdown' };
  return { type: 'message', summary: reply.summary, attachments: [CardFactory.adaptiveCard(reply.card)] };
}
