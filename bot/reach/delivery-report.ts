import type { DeliverySectionView } from '../../cards/delivery-section';
import type { OutboxMessage } from '../../domain/outbox/outbox-message';
import { resendable, summarizeDeliveries, type DeliverySummary } from '../../domain/reach/delivery-summary';
import type { Lang } from '../i18n';
import type { Outbox } from '../outbox/outbox';
import { deliveryHeadline, deliveryTexts, explainDelivery, type Noun } from './delivery.texts';

/**
 * What really happened to one fan-out (the messages about a subject whose ids start with
 * `idPrefix`), per person, in words for a card: the confirmations and progress cards use this, so
 * they count deliveries and never intentions.
 */
export interface DeliveryReportRequest {
  outbox: Pick<Outbox, 'listBySubject'>;
  /** The fan-out: messages about these subjects whose ids start with its prefix (e.g. `agenda:<id>:circulate:`). */
  fanOut: readonly { subject: { type: string; id: string }; idPrefix: string }[];
  people: readonly { userId: string; name: string }[];
  lang: Lang;
  noun: Noun;
  /** The button that sends again to those not reached; shown only when someone can be. */
  resend?: { verb: string; data: Record<string, unknown> };
  appLink?: string;
  /** Waits up to this long for messages on their way to settle (a confirmation right after a click). */
  settleMs?: number;
}

export interface DeliveryReport {
  summary: DeliverySummary;
  section: DeliverySectionView;
}

const onTheWay = (summary: DeliverySummary): boolean => summary.counts.onTheWay > 0;

export async function deliveryReport(request: DeliveryReportRequest): Promise<DeliveryReport> {
  const deadline = Date.now() + (request.settleMs ?? 0);
  let summary = summarizeDeliveries(request.people.map((p) => p.userId), await fanOut(request));
  while (onTheWay(summary) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    summary = summarizeDeliveries(request.people.map((p) => p.userId), await fanOut(request));
  }
  const names = new Map(request.people.map((p) => [p.userId, p.name]));
  const problems = summary.people
    .filter((person) => person.state !== 'delivered' && person.state !== 'onTheWay')
    .map((person) => {
      const name = names.get(person.userId) ?? person.userId;
      return { name, state: person.state, explanation: explainDelivery(request.lang, name, person.state, person.reason, request.appLink) };
    });
  const anyResendable = summary.people.some((person) => resendable(person.state));
  return {
    summary,
    section: {
      headline: deliveryHeadline(request.lang, summary, request.noun),
      allDelivered: summary.counts.delivered === summary.total,
      problems,
      ...(anyResendable && request.resend !== undefined ? { resend: { title: deliveryTexts[request.lang].resend, ...request.resend } } : {}),
    },
  };
}

async function fanOut(request: DeliveryReportRequest): Promise<OutboxMessage[]> {
  const lists = await Promise.all(
    request.fanOut.map(async ({ subject, idPrefix }) => (await request.outbox.listBySubject(subject.type, subject.id)).filter((message) => message.id.startsWith(idPrefix))),
  );
  return lists.flat();
}

/** One message as it stands after waiting up to `settleMs` for it to leave "on its way". */
export async function settledMessage(outbox: Pick<Outbox, 'findById'>, id: string, settleMs: number): Promise<OutboxMessage | undefined> {
  const deadline = Date.now() + settleMs;
  let message = await outbox.findById(id);
  while (message !== undefined && (message.status === 'pending' || message.status === 'sending') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    message = await outbox.findById(id);
  }
  return message;
}

/** Sends again every message of the fan-out that was not delivered; answers how many went again. */
export async function resendFanOut(outbox: Pick<Outbox, 'listBySubject' | 'resend'>, subject: { type: string; id: string }, idPrefix: string): Promise<number> {
  const messages = (await outbox.listBySubject(subject.type, subject.id)).filter((message) => message.id.startsWith(idPrefix));
  let count = 0;
  for (const message of messages) if ((await outbox.resend(message.id)).ok) count++;
  return count;
}
