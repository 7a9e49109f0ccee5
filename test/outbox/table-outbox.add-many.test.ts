import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEFAULT_OUTBOX_POLICY, delivered, lease, newMessage } from '../../domain/outbox/outbox.rules';
import type { NewOutboxMessage } from '../../domain/outbox/outbox-message';
import { openStores, type OutboxStores } from './outbox-fixture';

/** `addMany`: a job's fan-out written in transactions, each message with `add`'s guarantees. */
let stores: OutboxStores;
beforeAll(() => {
  stores = openStores(inject('storageConnectionString'));
});
afterAll(() => stores.drop());

const target = (userId: string) => ({ conversationId: `a:${userId}`, serviceUrl: 'https://smba.trafficmanager.net/emea/', tenantId: 't1' });
const input = (key: string, userId: string, subjectId: string, extra: Partial<NewOutboxMessage> = {}): NewOutboxMessage => ({
  idempotencyKey: key,
  recipient: { kind: 'user', userId },
  activity: { text: 'Påmindelse: SSP-NU u18 tirsdag kl. 09.00' },
  subject: { type: 'reminder', id: subjectId, forumId: 'ssp-nu-u18' },
  ...extra,
});
const far = new Date('2100-01-01T00:00:00Z');
const queuedIds = async (prefix: string): Promise<string[]> => (await stores.repository.listDue(far, 10_000)).map((e) => e.id).filter((id) => id.startsWith(prefix)).sort();

describe('table outbox repository: addMany (Azurite)', () => {
  test('given 150 new messages of three subjects then each is stored and queued once and found by its subject', async () => {
    const now = new Date('2026-05-11T07:00:00Z');
    const messages = Array.from({ length: 150 }, (_, i) => newMessage(input(`many-${String(i).padStart(3, '0')}`, `user-${i}`, `subject-${i % 3}`), target(`user-${i}`), now));
    const outcomes = await stores.repository.addMany(messages);
    expect(outcomes.every((o) => o.status === 'fulfilled' && o.value.created)).toBe(true);
    expect(await queuedIds('many-')).toEqual(messages.map((m) => m.id).sort());
    const bySubject = await stores.repository.listBySubject('reminder', 'subject-1');
    expect(bySubject).toHaveLength(50);
    expect((await stores.repository.findById('many-007'))?.activity.text).toBe('Påmindelse: SSP-NU u18 tirsdag kl. 09.00');
  });

  test('given a batch with a key already sent and one key twice then the sent one stands and leaves the queue, and the twice one is one message', async () => {
    const now = new Date('2026-05-11T07:00:00Z');
    const { message: first } = await stores.repository.add(newMessage(input('dup-sent', 'user-a', 'dup'), target('user-a'), now));
    await stores.repository.update(delivered(lease(first, 'w', now, DEFAULT_OUTBOX_POLICY), '1:sent', target('user-a'), now));

    const outcomes = await stores.repository.addMany([
      newMessage(input('dup-sent', 'user-a', 'dup', { activity: { text: 'Anden tekst' } }), target('user-a'), now),
      newMessage(input('dup-twice', 'user-b', 'dup'), target('user-b'), now),
      newMessage(input('dup-twice', 'user-b', 'dup'), target('user-b'), now),
    ]);
    const values = outcomes.map((o) => (o.status === 'fulfilled' ? o.value : undefined));
    expect(values[0]).toMatchObject({ created: false, message: { status: 'sent', activity: { text: 'Påmindelse: SSP-NU u18 tirsdag kl. 09.00' } } });
    expect(values.slice(1).map((v) => v?.created).sort()).toEqual([false, true]);
    expect(await queuedIds('dup-')).toEqual(['dup-twice']);
    expect((await stores.repository.listBySubject('reminder', 'dup')).map((m) => m.id).sort()).toEqual(['dup-sent', 'dup-twice']);
  });

  test('given one message too large for a row then only it fails and the others are stored', async () => {
    const now = new Date('2026-05-11T07:00:00Z');
    // A card of some 2 MB: beyond what one table row holds (1 MiB).
    const huge = { summary: 'For stor', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'æ'.repeat(400_000) }] } }] };
    const outcomes = await stores.repository.addMany([
      newMessage(input('size-ok-1', 'user-1', 'size'), target('user-1'), now),
      newMessage(input('size-huge', 'user-2', 'size', { activity: huge }), target('user-2'), now),
      newMessage(input('size-ok-2', 'user-3', 'size'), target('user-3'), now),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await queuedIds('size-')).toEqual(['size-ok-1', 'size-ok-2']);
    expect(await stores.repository.findById('size-huge')).toBeUndefined();
  });
});
