import { describe, expect, test } from 'vitest';
import { OutboundActivity } from '../../../domain/outbox/outbox-message';
import { DEFAULT_OUTBOX_POLICY, delivered, inDoubt, lease, newMessage, nextStep, release, retryLater } from '../../../domain/outbox/outbox.rules';

const at = (iso: string): Date => new Date(iso);
const target = { conversationId: 'a:1', serviceUrl: 'https://smba.trafficmanager.net/emea/', tenantId: 't' };
const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [] } };

const message = () =>
  newMessage({ idempotencyKey: 'k1', recipient: { kind: 'user', userId: 'u1' }, activity: { summary: 'Ny dagsorden', attachments: [card] } }, target, at('2026-03-01T10:00:00Z'));

describe('outbox rules', () => {
  test('given a card without summary then it is refused: the Teams notification would read "sent a card"', () => {
    expect(OutboundActivity.safeParse({ attachments: [card] }).success).toBe(false);
    expect(OutboundActivity.safeParse({ attachments: [card], summary: 'Ny dagsorden' }).success).toBe(true);
    expect(OutboundActivity.safeParse({}).success).toBe(false);
  });

  test('given a new message then it is pending and due now, or at notBefore when later', () => {
    expect(message()).toMatchObject({ status: 'pending', attempts: 0, dueAt: '2026-03-01T10:00:00.000Z', recipientKey: 'user:u1' });
    const later = newMessage(
      { idempotencyKey: 'k2', recipient: { kind: 'user', userId: 'u1' }, activity: { text: 'Husk mødet' }, notBefore: '2026-03-02T07:00:00Z' },
      undefined,
      at('2026-03-01T10:00:00Z'),
    );
    expect(nextStep(later, at('2026-03-01T12:00:00Z'), false)).toEqual({ kind: 'wait', until: '2026-03-02T07:00:00.000Z' });
  });

  test('given a lease then the message is sending until the lease runs out, and after that in doubt', () => {
    const leased = lease(message(), 'w1', at('2026-03-01T10:00:00Z'), DEFAULT_OUTBOX_POLICY);
    expect(leased).toMatchObject({ status: 'sending', attempts: 1, leaseOwner: 'w1', leaseUntil: '2026-03-01T10:01:00.000Z' });
    expect(nextStep(leased, at('2026-03-01T10:00:59Z'), false).kind).toBe('wait');
    expect(nextStep(leased, at('2026-03-01T10:01:00Z'), false).kind).toBe('recoverInDoubt');
  });

  test('given a send in doubt then hold parks it (never sent again) and resend queues it; an update is always repeated', () => {
    const leased = lease(message(), 'w1', at('2026-03-01T10:00:00Z'), DEFAULT_OUTBOX_POLICY);
    const held = inDoubt(leased, 'lease ran out', at('2026-03-01T10:01:00Z'), DEFAULT_OUTBOX_POLICY);
    expect(held).toMatchObject({ status: 'inDoubt', inDoubtSince: '2026-03-01T10:01:00.000Z' });
    expect(held.leaseOwner).toBeUndefined();
    expect(nextStep(held, at('2026-03-02T00:00:00Z'), false).kind).toBe('done');
    expect(inDoubt(leased, 'x', at('2026-03-01T10:01:00Z'), { ...DEFAULT_OUTBOX_POLICY, inDoubt: 'resend' }).status).toBe('pending');
    const update = { ...leased, operation: { kind: 'update' as const, activityId: '1:abc' } };
    expect(inDoubt(update, 'x', at('2026-03-01T10:01:00Z'), DEFAULT_OUTBOX_POLICY).status).toBe('pending');
    expect(release(held, at('2026-03-02T00:00:00Z'))).toMatchObject({ status: 'pending', dueAt: '2026-03-02T00:00:00.000Z' });
  });

  test('given retries then each waits its delay, and after the last attempt the message is undeliverable', () => {
    let current = message();
    for (let i = 0; i < DEFAULT_OUTBOX_POLICY.maxAttempts - 1; i++) {
      current = retryLater(lease(current, 'w', at('2026-03-01T10:00:00Z'), DEFAULT_OUTBOX_POLICY), 5_000, '503', at('2026-03-01T10:00:00Z'), DEFAULT_OUTBOX_POLICY);
      expect(current).toMatchObject({ status: 'pending', dueAt: '2026-03-01T10:00:05.000Z', lastError: '503' });
    }
    const last = retryLater(lease(current, 'w', at('2026-03-01T10:00:00Z'), DEFAULT_OUTBOX_POLICY), 5_000, '503', at('2026-03-01T10:00:00Z'), DEFAULT_OUTBOX_POLICY);
    expect(last).toMatchObject({ status: 'undeliverable', reason: 'RetriesExhausted' });
  });

  test('given a delivery then the activity id and target are kept, and an unlinked one is repaired after a lease length', () => {
    const sent = delivered(lease(message(), 'w1', at('2026-03-01T10:00:00Z'), DEFAULT_OUTBOX_POLICY), '1:xyz', target, at('2026-03-01T10:00:01Z'));
    expect(sent).toMatchObject({ status: 'sent', deliveredActivityId: '1:xyz', deliveredAt: '2026-03-01T10:00:01.000Z', target });
    // The delivering worker links it itself; another worker repairs it only after a lease length.
    expect(nextStep(sent, at('2026-03-01T10:00:02Z'), true)).toEqual({ kind: 'wait', until: '2026-03-01T10:01:01.000Z' });
    expect(nextStep(sent, at('2026-03-01T10:01:01Z'), true).kind).toBe('link');
    expect(nextStep(sent, at('2026-03-01T10:00:02Z'), false).kind).toBe('done');
  });
});
