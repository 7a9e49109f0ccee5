import { describe, expect, test } from 'vitest';
import { resendable, stateOf, summarizeDeliveries } from '../../../domain/reach/delivery-summary';
import type { OutboxMessage } from '../../../domain/outbox/outbox-message';

type Facts = Pick<OutboxMessage, 'id' | 'recipient' | 'status' | 'reason' | 'enqueuedAt'>;
const msg = (userId: string, status: OutboxMessage['status'], enqueuedAt = '2026-12-03T09:00:00.000Z', reason?: OutboxMessage['reason']): Facts => ({
  id: `m:${userId}:${enqueuedAt}`,
  recipient: { kind: 'user', userId },
  status,
  enqueuedAt,
  ...(reason === undefined ? {} : { reason }),
});

describe('delivery summaries', () => {
  test('given three consultants of whom one got the card, one has no app and one is in doubt then 1 delivered, 1 not reachable, 1 in doubt', () => {
    const summary = summarizeDeliveries(['a', 'b', 'c'], [msg('a', 'sent'), msg('b', 'undeliverable', undefined, 'UnknownRecipient'), msg('c', 'inDoubt')]);
    expect(summary.total).toBe(3);
    expect(summary.counts).toEqual({ delivered: 1, onTheWay: 0, notReachable: 1, inDoubt: 1, failed: 0 });
    expect(summary.people.find((p) => p.userId === 'b')).toMatchObject({ state: 'notReachable', reason: 'UnknownRecipient', messageId: 'm:b:2026-12-03T09:00:00.000Z' });
  });

  test('given an older failure and a newer message to the same person then the newer one counts', () => {
    const summary = summarizeDeliveries(['a'], [msg('a', 'undeliverable', '2026-12-01T00:00:00.000Z', 'UnknownRecipient'), msg('a', 'pending', '2026-12-02T00:00:00.000Z')]);
    expect(summary.people).toEqual([{ userId: 'a', state: 'onTheWay', messageId: 'm:a:2026-12-02T00:00:00.000Z' }]);
  });

  test('given a person with no message yet, or one asked twice then on the way, counted once', () => {
    expect(summarizeDeliveries(['a', 'a'], []).counts.onTheWay).toBe(1);
  });

  test('given reasons then reach problems are not reachable (resendable) and a card too big is failed', () => {
    expect(stateOf('undeliverable', 'MessageWritesBlocked')).toBe('notReachable');
    expect(stateOf('undeliverable', 'MessageSizeTooBig')).toBe('failed');
    expect(stateOf('sending', undefined)).toBe('onTheWay');
    expect(resendable('notReachable')).toBe(true);
    expect(resendable('delivered')).toBe(false);
    expect(resendable('onTheWay')).toBe(false);
  });
});
