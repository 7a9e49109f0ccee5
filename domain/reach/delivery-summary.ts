import type { OutboxMessage, OutboxStatus, UndeliverableReason } from '../outbox/outbox-message';
import { REACH_REASONS } from '../outbox/outbox.rules';

/**
 * What really happened to a fan-out, per person: the confirmation and progress cards count these,
 * never the number of messages queued.
 */
export const DELIVERY_STATES = ['delivered', 'onTheWay', 'notReachable', 'inDoubt', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export function stateOf(status: OutboxStatus, reason: UndeliverableReason | undefined): DeliveryState {
  switch (status) {
    case 'sent':
      return 'delivered';
    case 'pending':
    case 'sending':
      return 'onTheWay';
    case 'inDoubt':
      return 'inDoubt';
    case 'undeliverable':
      return reason !== undefined && REACH_REASONS.has(reason) ? 'notReachable' : 'failed';
  }
}

/** The person can be sent the message again from the card. */
export const resendable = (state: DeliveryState): boolean => state === 'notReachable' || state === 'inDoubt' || state === 'failed';

export interface PersonDelivery {
  userId: string;
  state: DeliveryState;
  reason?: UndeliverableReason;
  messageId?: string;
}

export interface DeliverySummary {
  total: number;
  counts: Record<DeliveryState, number>;
  people: PersonDelivery[];
}

type MessageFacts = Pick<OutboxMessage, 'id' | 'recipient' | 'status' | 'reason' | 'enqueuedAt'>;

/**
 * One line per person asked for, from the newest message to each of them. A person with no
 * message yet is on the way (the fan-out is still being queued).
 */
export function summarizeDeliveries(userIds: readonly string[], messages: readonly MessageFacts[]): DeliverySummary {
  const newest = new Map<string, MessageFacts>();
  for (const message of messages) {
    if (message.recipient.kind !== 'user') continue;
    const known = newest.get(message.recipient.userId);
    if (known === undefined || known.enqueuedAt < message.enqueuedAt) newest.set(message.recipient.userId, message);
  }
  const counts: Record<DeliveryState, number> = { delivered: 0, onTheWay: 0, notReachable: 0, inDoubt: 0, failed: 0 };
  const people = [...new Set(userIds)].map((userId): PersonDelivery => {
    const message = newest.get(userId);
    const state = message === undefined ? 'onTheWay' : stateOf(message.status, message.reason);
    counts[state]++;
    return { userId, state, ...(message?.reason === undefined ? {} : { reason: message.reason }), ...(message === undefined ? {} : { messageId: message.id }) };
  });
  return { total: people.length, counts, people };
}
