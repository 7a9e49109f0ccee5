import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { describeDelivery } from '../../bot/outbox/outbox-status.text';
import type { Outbox } from '../../bot/outbox/outbox';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { cardMessage, openStores, outboxFor, register, type OutboxStores } from './outbox-fixture';

let emulator: TeamsConnectorEmulator;
let stores: OutboxStores;
let outbox: Outbox;

beforeAll(async () => {
  emulator = await startTeamsConnectorEmulator({ conversations: 'known-only' });
  stores = openStores(inject('storageConnectionString'));
  outbox = outboxFor(stores);
  outbox.start();
});

afterAll(async () => {
  await outbox.stop({ timeoutMs: 5_000 });
  await emulator.close();
  await stores.drop();
});

const settled = async (ids: string[]): Promise<void> => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const messages = await Promise.all(ids.map((id) => outbox.findById(id)));
    if (messages.every((message) => message !== undefined && message.status !== 'pending' && message.status !== 'sending')) return;
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(messages.map((m) => [m?.id, m?.status]))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('outbox: recipients the bot cannot reach', () => {
  test('given blocked, gone, not installed, unknown and too-big cases then each is undeliverable with its reason, the address inactive, and the causer sees why', async () => {
    const ok = emulator.addUser({ aadObjectId: 'aad-ok' });
    const blocked = emulator.addUser({ aadObjectId: 'aad-blocked', blocked: true });
    const gone = emulator.addUser({ aadObjectId: 'aad-gone' });
    const notInstalled = emulator.addUser({ aadObjectId: 'aad-not-installed', installed: false });
    const unknown = emulator.addUser({ aadObjectId: 'aad-unknown' });
    await register(stores, emulator, ok, 'address');
    await register(stores, emulator, blocked, 'address');
    await register(stores, emulator, gone, 'address');
    await register(stores, emulator, notInstalled, 'knownUser');
    await register(stores, emulator, unknown, 'none');
    emulator.deleteConversation(gone.personalConversationId);

    const huge = cardMessage('escalation:big:aad-ok', 'aad-ok');
    huge.activity = { summary: 'Stor eskalering', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Referat fra mødet i Koordinationsgruppen. '.repeat(2_700) }] } }] };
    const cases = {
      'aad-ok': 'Leveret',
      'aad-blocked': 'Ikke leveret: modtageren har blokeret eller fjernet Forumbot',
      'aad-gone': 'Ikke leveret: samtalen findes ikke længere',
      'aad-not-installed': 'Ikke leveret: Forumbot er ikke installeret hos modtageren',
      'aad-unknown': 'Ikke leveret: Forumbot kender ikke modtageren endnu',
    };
    const ids: string[] = [];
    for (const userId of Object.keys(cases)) ids.push((await outbox.enqueue(cardMessage(`escalation:e1:${userId}`, userId))).id);
    ids.push((await outbox.enqueue(huge)).id);
    await settled(ids);

    const byId = new Map((await outbox.listByCauser('aad-chair')).map((message) => [message.id, message]));
    expect(byId.size).toBe(6);
    for (const [userId, text] of Object.entries(cases)) expect(describeDelivery(byId.get(`escalation:e1:${userId}`)!)).toBe(text);
    expect(byId.get('escalation:e1:aad-blocked')).toMatchObject({ status: 'undeliverable', reason: 'MessageWritesBlocked' });
    expect(byId.get('escalation:big:aad-ok')).toMatchObject({ status: 'undeliverable', reason: 'MessageSizeTooBig' });
    expect(describeDelivery(byId.get('escalation:big:aad-ok')!, 'en')).toBe('Not delivered: the message is too large for Teams');

    // The addresses Teams refused are marked inactive with the reason; the good one stays active.
    expect(await stores.storage.conversations.findById(blocked.personalConversationId)).toMatchObject({ active: false, inactiveReason: 'MessageWritesBlocked' });
    expect(await stores.storage.conversations.findById(gone.personalConversationId)).toMatchObject({ active: false, inactiveReason: 'ConversationNotFound' });
    expect(await stores.storage.conversations.findById(ok.personalConversationId)).toMatchObject({ active: true });
    expect(emulator.sent().map((entry) => entry.conversationId)).toEqual([ok.personalConversationId]);

    // A second message to the blocked user is not sent: opening the chat finds the stored, inactive address.
    const sendsBefore = emulator.stats().sends;
    const again = await outbox.enqueue(cardMessage('escalation:e2:aad-blocked', 'aad-blocked'));
    await settled([again.id]);
    expect(await outbox.findById(again.id)).toMatchObject({ status: 'undeliverable', reason: 'MessageWritesBlocked' });
    expect(emulator.requests().filter((request) => request.reason === 'MessageWritesBlocked')).toHaveLength(1);
    expect(emulator.stats().sends).toBe(sendsBefore);
  });

  test('given the same idempotency key enqueued again after delivery then nothing new is stored or sent', async () => {
    const user = emulator.addUser({ aadObjectId: 'aad-twice' });
    await register(stores, emulator, user, 'address');
    const first = await outbox.enqueue(cardMessage('circulation:c1:aad-twice', 'aad-twice'));
    expect(first.created).toBe(true);
    await settled([first.id]);
    const second = await outbox.enqueue(cardMessage('circulation:c1:aad-twice', 'aad-twice'));
    expect(second).toEqual({ id: first.id, created: false, status: 'sent' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(emulator.sent(user.personalConversationId)).toHaveLength(1);
  });

  test('given a card message without a summary then enqueue refuses it and stores nothing', async () => {
    const message = cardMessage('circulation:no-summary', 'aad-ok');
    const { summary: _summary, ...withoutSummary } = message.activity;
    await expect(outbox.enqueue({ ...message, activity: withoutSummary })).rejects.toThrow(/summary/);
    expect(await outbox.findById('circulation:no-summary')).toBeUndefined();
  });
});
