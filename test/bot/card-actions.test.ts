import { describe, expect, test } from 'vitest';
import type { Forum } from '../../domain/fora/forum';
import { aForum, aMember } from '../storage/storage.mothers';
import { useRunningBot } from './support/bot-harness';
import { aChannel, aPerson, aPersonalChat, cardAction, installationUpdate } from './support/teams-activities';

const chair = aPerson('Formand Birgitte');
const consultant = aPerson('Konsulent Åse');

const running = useRunningBot();

interface CardResponse {
  statusCode: number;
  type: string;
  value: { version: string; lang: string; body: { type: string; text?: string; color?: string }[] };
}

async function click(...args: Parameters<typeof cardAction> extends [string, ...infer Rest] ? Rest : never): Promise<CardResponse> {
  const { status, body } = await running.bot.post(cardAction(running.emulator.serviceUrl, ...args));
  expect(status).toBe(200);
  const response = body as CardResponse;
  expect(response.statusCode).toBe(200);
  expect(response.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(response.value.version).toBe('1.5');
  return response;
}

const texts = (response: CardResponse): string[] => response.value.body.flatMap((e) => (e.text === undefined ? [] : [e.text]));
const isErrorCard = (response: CardResponse): boolean => response.value.body[0]?.color === 'Attention';

async function seedForum(): Promise<Forum> {
  const forum = await running.storage.storage.fora.save(aForum({ name: `Koordinationsgruppen ${Math.random().toString(36).slice(2, 8)}` }));
  await running.storage.storage.members.save(forum.id, aMember({ userId: chair.aadObjectId, roles: ['chair'] }));
  await running.storage.storage.members.save(forum.id, aMember({ userId: consultant.aadObjectId, roles: ['consultant'] }));
  return forum;
}

describe('Action.Execute', () => {
  test('given the welcome card\'s "Vis kommandoer" then the invoke answers with the help card that replaces it', async () => {
    const chat = aPersonalChat();
    const person = aPerson();
    await running.bot.post(installationUpdate(running.emulator.serviceUrl, chat, person, 'add'));
    await running.emulator.waitFor((e) => e.sent(chat.conversationId).length === 1, 5_000);
    const welcome = (running.emulator.sent(chat.conversationId)[0]!.activity['attachments'] as { content: { actions: { verb: string; data: unknown }[] } }[])[0]!
      .content;
    const button = welcome.actions[0]!;

    const response = await click(chat, person, button.verb, button.data);
    expect(response.value.lang).toBe('da');
    expect(texts(response)[0]).toBe('Det kan jeg');
    // The replacement comes in the invoke response, not as a new message.
    expect(running.emulator.sent(chat.conversationId)).toHaveLength(1);
  });

  test('given the help card\'s language button then the help card comes back in English', async () => {
    const response = await click(aPersonalChat(), aPerson(), 'help.show', { lang: 'en' });
    expect(response.value.lang).toBe('en');
    expect(texts(response)[0]).toBe('What I can do');
  });

  test('given data the schema refuses then an error card in Danish is the answer', async () => {
    const response = await click(aPersonalChat(), aPerson(), 'help.show', { lang: 'fr' });
    expect(isErrorCard(response)).toBe(true);
    expect(texts(response)).toEqual(['Det lykkedes ikke', 'Kortet sendte ikke de oplysninger, der skal til. Udfyld felterne og prøv igen.']);
  });

  test('given a verb the bot does not know then an error card is the answer', async () => {
    const response = await click(aPersonalChat(), aPerson(), 'agenda.input.submit.v0', {});
    expect(isErrorCard(response)).toBe(true);
    expect(texts(response)[1]).toBe('Den knap er ikke længere i brug. Skriv **hjælp** for at se, hvad jeg kan.');
  });

  test('given the chair picks a forum on the fora card then the channel is linked and a confirmation replaces the card', async () => {
    const forum = await seedForum();
    const channel = aChannel();
    const response = await click(channel, chair, 'forum.link', { forumId: forum.id });
    expect(isErrorCard(response)).toBe(false);
    expect(texts(response)).toEqual(['Kanalen er knyttet', `Kanalen er nu knyttet til **${forum.name}**. Forummets dagsordener og påmindelser bliver sendt hertil.`]);
    expect((await running.storage.storage.fora.findById(forum.id))?.teams?.conversationId).toBe(channel.conversationId);
  });

  test.each([
    ['no forum chosen', {}],
    ['an empty choice', { forumId: '' }],
    ['a number for the forum', { forumId: 42 }],
  ])('given %s then an error card is the answer and nothing is written', async (_case, data) => {
    const forum = await seedForum();
    const response = await click(aChannel(), chair, 'forum.link', data);
    expect(isErrorCard(response)).toBe(true);
    expect(texts(response)[1]).toBe('Kortet sendte ikke de oplysninger, der skal til. Udfyld felterne og prøv igen.');
    expect(await running.storage.storage.fora.findById(forum.id)).toEqual(forum);
    expect(await running.storage.storage.audit.listByForum(forum.id)).toEqual([]);
  });

  test('given a card for a forum that has since been deleted then an error card says the forum is unknown', async () => {
    const forum = await seedForum();
    await running.storage.storage.fora.delete(forum.id);
    const response = await click(aChannel(), chair, 'forum.link', { forumId: forum.id });
    expect(texts(response)[1]).toBe('Det kan du ikke åbne. Enten findes det ikke, eller også er det kun for forummets medlemmer.');
    expect(await running.storage.storage.fora.findById(forum.id)).toBeUndefined();
  });

  test('given a consultant whose card data names the chair then the actor is still the consultant and the link is refused', async () => {
    const forum = await seedForum();
    const response = await click(aChannel(), consultant, 'forum.link', { forumId: forum.id, userId: chair.aadObjectId, aadObjectId: chair.aadObjectId });
    expect(isErrorCard(response)).toBe(true);
    expect(texts(response)[1]).toBe('Kun forummets formand eller sekretær kan gøre det.');
    expect(await running.storage.storage.fora.findById(forum.id)).toEqual(forum);
  });

  test('given an English Teams then the error card is in English', async () => {
    const response = await click(aPersonalChat(), aPerson(), 'forum.link', {}, 'en-US');
    expect(response.value.lang).toBe('en');
    expect(texts(response)[0]).toBe('That did not work');
  });
});
