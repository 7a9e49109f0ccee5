import { describe, expect, test } from 'vitest';
import { useRunningBot } from './support/bot-harness';
import { aChannel, aGroupChat, aMessage, aPerson, aPersonalChat, botAdded, botRemoved, installationUpdate, TENANT_ID } from './support/teams-activities';


const running = useRunningBot();

const welcomes = (conversationId: string): Record<string, unknown>[] =>
  running.emulator
    .sent(conversationId)
    .map((s) => s.activity)
    .filter((a) => a['summary'] === 'Velkommen til Forumbot');

/** Lets any send the bot might still make arrive: a message answered after it proves the queue is empty. */
async function settle(where: Parameters<typeof aMessage>[1], person = aPerson()): Promise<void> {
  const before = running.emulator.sent(where.conversationId).length;
  await running.bot.post(aMessage(running.emulator.serviceUrl, where, person, 'hjælp', { mention: where.kind !== 'personal' }));
  await running.emulator.waitFor((e) => e.sent(where.conversationId).length > before, 5_000);
}

describe('installation', () => {
  test('given the app installed in a personal chat then the address and the user are stored and the welcome card is sent once', async () => {
    const chat = aPersonalChat();
    const person = aPerson();
    expect((await running.bot.post(botAdded(running.emulator.serviceUrl, chat, person))).status).toBe(200);
    expect((await running.bot.post(installationUpdate(running.emulator.serviceUrl, chat, person, 'add'))).status).toBe(200);
    expect((await running.bot.post(botAdded(running.emulator.serviceUrl, chat, person))).status).toBe(200);
    await settle(chat, person);

    expect(welcomes(chat.conversationId)).toHaveLength(1);
    const card = (welcomes(chat.conversationId)[0]!['attachments'] as { content: Record<string, unknown> }[])[0]!.content;
    expect(card['lang']).toBe('da');
    expect(JSON.stringify(card)).toContain('Vis kommandoer');
    expect(JSON.stringify(card)).toContain('hjælp · fora · tilknyt [forum] · møder · dagsorden · handlinger · eskaler');

    const address = await running.storage.storage.conversations.findById(chat.conversationId);
    expect(address).toMatchObject({ kind: 'personal', tenantId: TENANT_ID, serviceUrl: running.emulator.serviceUrl, userId: person.aadObjectId, active: true });
    expect(address?.greetedAt).toBeDefined();
    expect((await running.storage.storage.conversations.findPersonal(person.aadObjectId))?.conversationId).toBe(chat.conversationId);
    expect(await running.storage.storage.knownUsers.findById(person.aadObjectId)).toMatchObject({ teamsId: person.teamsId, tenantId: TENANT_ID, displayName: person.name });
  });

  test('given two install events at the same moment then exactly one welcome is sent', async () => {
    const chat = aGroupChat();
    const person = aPerson();
    const statuses = await Promise.all([
      running.bot.post(botAdded(running.emulator.serviceUrl, chat, person)),
      running.bot.post(installationUpdate(running.emulator.serviceUrl, chat, person, 'add')),
      running.bot.post(installationUpdate(running.emulator.serviceUrl, chat, person, 'add-upgrade')),
    ]);
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 200]);
    await settle(chat, person);
    expect(welcomes(chat.conversationId)).toHaveLength(1);
  });

  test('given the app added to a team then the channel address with its team is stored and greeted in English for an English installer', async () => {
    const channel = aChannel('General');
    const person = aPerson('Jane Doe');
    await running.bot.post(botAdded(running.emulator.serviceUrl, channel, person, 'en-US'));
    await running.emulator.waitFor((e) => e.sent(channel.conversationId).length > 0, 5_000);
    const sent = running.emulator.sent(channel.conversationId).map((s) => s.activity);
    expect(sent).toHaveLength(1);
    expect(sent[0]!['summary']).toBe('Welcome to Forumbot');
    const address = await running.storage.storage.conversations.findById(channel.conversationId);
    expect(address).toMatchObject({ kind: 'channel', teamId: channel.teamId, active: true });
    expect(address?.userId).toBeUndefined();
  });

  test('given an uninstall then the address is retired and a re-install does not greet again', async () => {
    const chat = aPersonalChat();
    const person = aPerson();
    await running.bot.post(installationUpdate(running.emulator.serviceUrl, chat, person, 'add'));
    await running.emulator.waitFor(() => welcomes(chat.conversationId).length === 1, 5_000);

    expect((await running.bot.post(installationUpdate(running.emulator.serviceUrl, chat, person, 'remove'))).status).toBe(200);
    expect(await running.storage.storage.conversations.findPersonal(person.aadObjectId)).toBeUndefined();
    expect(await running.storage.storage.conversations.findById(chat.conversationId)).toMatchObject({ active: false, inactiveReason: 'uninstalled' });

    await running.bot.post(installationUpdate(running.emulator.serviceUrl, chat, person, 'add'));
    await settle(chat, person);
    expect(welcomes(chat.conversationId)).toHaveLength(1);
    expect((await running.storage.storage.conversations.findPersonal(person.aadObjectId))?.active).toBe(true);
  });

  test('given the bot removed from a team then the channel address is retired', async () => {
    const channel = aChannel('General');
    const person = aPerson();
    await running.bot.post(botAdded(running.emulator.serviceUrl, channel, person));
    await running.emulator.waitFor((e) => e.sent(channel.conversationId).length === 1, 5_000);
    await running.bot.post(botRemoved(running.emulator.serviceUrl, channel, person));
    expect(await running.storage.storage.conversations.findById(channel.conversationId)).toMatchObject({ active: false, inactiveReason: 'uninstalled' });
  });

  test('given a second message from the same person then the known user is not written again', async () => {
    const chat = aPersonalChat();
    const person = aPerson();
    await settle(chat, person);
    const first = await running.storage.storage.knownUsers.findById(person.aadObjectId);
    await settle(chat, person);
    expect((await running.storage.storage.knownUsers.findById(person.aadObjectId))?.version).toBe(first?.version);

    // A new display name is a change, so it is written.
    await settle(chat, { ...person, name: 'Mette S. Jensen' });
    expect((await running.storage.storage.knownUsers.findById(person.aadObjectId))?.displayName).toBe('Mette S. Jensen');
  });
});
