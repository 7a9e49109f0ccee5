import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEFAULT_OUTBOX_POLICY, delivered, inDoubt, lease, newMessage, resend, undeliverable, waitsForReach } from '../../domain/outbox/outbox.rules';
import type { NewOutboxMessage, OutboxMessage } from '../../domain/outbox/outbox-message';
import { openStores, type OutboxStores } from './outbox-fixture';

let stores: OutboxStores;
beforeAll(() => {
  stores = openStores(inject('storageConnectionString'));
});
afterAll(() => stores.drop());

const target = { conversationId: 'a:chat', serviceUrl: 'https://smba.trafficmanager.net/emea/', tenantId: 't1' };
const input = (key: string, userId: string, extra: Partial<NewOutboxMessage> = {}): NewOutboxMessage => ({
  idempotencyKey: key,
  recipient: { kind: 'user', userId },
  activity: { text: 'Dit input til dagsordenen' },
  ...extra,
});
const t0 = new Date('2026-12-03T09:00:00.000Z');

async function stored(key: string, userId: string, extra: Partial<NewOutboxMessage> = {}): Promise<OutboxMessage> {
  return (await stores.repository.add(newMessage(input(key, userId, extra), undefined, t0))).message;
}

describe('messages waiting for a person to become reachable', () => {
  test('given a card that could not reach a person then it is listed as waiting for them; once resent and delivered it no longer is', async () => {
    const userId = `aad-${Date.now()}`;
    const message = await stored(`w1-${userId}`, userId, { openUntil: '2026-12-10T12:00:00.000Z' });
    const failed = await stores.repository.update(undeliverable(await stores.repository.update(lease(message, 'w', t0, DEFAULT_OUTBOX_POLICY)), 'UnknownRecipient', 'never seen', t0));
    expect(waitsForReach(failed)).toBe(true);
    expect((await stores.repository.listWaiting(userId)).map((m) => m.id)).toEqual([message.id]);

    const verdict = resend(failed, new Date('2026-12-04T09:00:00.000Z'));
    if (!verdict.ok) throw new Error(verdict.code);
    expect(verdict.message).toMatchObject({ status: 'pending', attempts: 0, openUntil: '2026-12-10T12:00:00.000Z' });
    expect(verdict.message.reason).toBeUndefined();
    const again = await stores.repository.update(verdict.message);
    await stores.repository.update(delivered(await stores.repository.update(lease(again, 'w', t0, DEFAULT_OUTBOX_POLICY)), 'act-1', target, t0));
    expect(await stores.repository.listWaiting(userId)).toEqual([]);
  });

  test('given a card too big for Teams then it does not wait for reach (nothing the person can do changes it)', async () => {
    const userId = `aad-big-${Date.now()}`;
    const message = await stored(`w2-${userId}`, userId);
    await stores.repository.update(undeliverable(await stores.repository.update(lease(message, 'w', t0, DEFAULT_OUTBOX_POLICY)), 'MessageSizeTooBig', '413', t0));
    expect(await stores.repository.listWaiting(userId)).toEqual([]);
  });
});

describe('resend', () => {
  const base = (): OutboxMessage => newMessage(input('r', 'u', { openUntil: '2026-12-05T00:00:00.000Z' }), undefined, t0);

  test('given a delivered or queued message then resend refuses (asking twice sends once)', () => {
    expect(resend(base(), t0)).toEqual({ ok: false, code: 'OUTBOX.NOT_RESENDABLE' });
    expect(resend(delivered(base(), 'a', target, t0), t0)).toEqual({ ok: false, code: 'OUTBOX.NOT_RESENDABLE' });
  });

  test('given an in-doubt send then resend sends it again; after its open time, refused as closed', () => {
    const doubtful = inDoubt(lease(base(), 'w', t0, DEFAULT_OUTBOX_POLICY), 'timeout', t0, DEFAULT_OUTBOX_POLICY);
    expect(doubtful.status).toBe('inDoubt');
    expect(resend(doubtful, t0)).toMatchObject({ ok: true, message: { status: 'pending' } });
    expect(resend(doubtful, new Date('2026-12-06T00:00:00.000Z'))).toEqual({ ok: false, code: 'OUTBOX.CLOSED' });
  });
});
