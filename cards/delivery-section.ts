import type { DeliveryState } from '../domain/reach/delivery-summary';
import { executeAction, paragraph, type CardElement } from './card-kit';

/**
 * The part of a card that says what really happened to a fan-out: a headline that counts
 * deliveries (never intentions), then each person not (yet) reached with why and what to do, and
 * a button to send again to those. Used by the circulation progress card and the confirmations.
 */
export interface DeliverySectionView {
  /** Already in words, e.g. "Sendt til 1 af 3 konsulenter; 2 kan ikke nås endnu". */
  headline: string;
  allDelivered: boolean;
  /** People not delivered to, in words: "Jonas Berg: har ikke Forumbot endnu. Bed ham …". */
  problems: readonly { name: string; state: DeliveryState; explanation: string }[];
  /** Shown when someone can be sent to again. */
  resend?: { title: string; verb: string; data: Record<string, unknown> };
}

export interface DeliverySectionText {
  problemsHeading: string;
  andMore: (count: number) => string;
}

const SHOWN = 15;

export function deliverySection(text: DeliverySectionText, view: DeliverySectionView): { body: CardElement[]; actions: CardElement[] } {
  const body: CardElement[] = [paragraph(view.headline, { weight: 'Bolder', color: view.allDelivered ? 'Good' : view.problems.length > 0 ? 'Warning' : 'Default' })];
  if (view.problems.length > 0) {
    const lines = view.problems.slice(0, SHOWN).map((p) => `- **${p.name}**: ${p.explanation}`);
    if (view.problems.length > SHOWN) lines.push(text.andMore(view.problems.length - SHOWN));
    body.push(paragraph(text.problemsHeading, { weight: 'Bolder', spacing: 'Small' }), paragraph(lines.join('\n'), { spacing: 'None' }));
  }
  const actions = view.resend === undefined ? [] : [executeAction(view.resend.title, view.resend.verb, view.resend.data)];
  return { body, actions };
}
