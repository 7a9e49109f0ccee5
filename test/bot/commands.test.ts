import { describe, expect, test } from 'vitest';
import { useRunningBot } from './support/bot-harness';
import { aChannel, aGroupChat, aMessage, aPerson, aPersonalChat, type Where } from './support/teams-activities';


const running = useRunningBot();

/** What the bot posted in a conversation; in a channel, in any of its threads. */
const sentIn = (where: Where): Record<string, unknown>[] =>
  running.emulator
    .sent()
    .filter((s) => s.conversationId.split(';messageid=')[0] === where.conversationId)
    .map((s) => s.activity);

/** Sends a message and returns the bot's one reply in that conversation. */
async function say(where: Where, text: string, options: { mention?: boolean; locale?: string } = {}): Promise<Record<string, unknown>> {
  const before = sentIn(where).length;
  const { status } = await running.bot.post(aMessage(running.emulator.serviceUrl, where, aPerson(), text, options));
  expect(status).toBe(200);
  await running.emulator.waitFor(() => sentIn(where).length > before, 5_000);
  const replies = sentIn(where).slice(before);
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

const cardOf = (activity: Record<string, unknown>): Record<string, unknown> => {
  const attachments = activity['attachments'] as { contentType: string; content: Record<string, unknown> }[];
  expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachments[0]!.content;
};

describe('typed commands', () => {
  test.each(['hjælp', 'help', 'HJAELP', 'Hjælp!', '/hjælp'])('given "%s" in a personal chat then the help card is the reply', async (text) => {
    const reply = await say(aPersonalChat(), text);
    const card = cardOf(reply);
    expect(card['version']).toBe('1.5');
    expect(reply['summary']).toBe('Forumbots kommandoer');
    expect(JSON.stringify(card)).toContain('tilknyt [forum]');
  });

  test('given help from an English Teams then the help card is in English', async () => {
    const reply = await say(aPersonalChat(), 'help', { locale: 'en-US' });
    expect(cardOf(reply)['lang']).toBe('en');
    expect(JSON.stringify(cardOf(reply))).toContain('What I can do');
  });

  test('given an @mention in a channel then the mention is stripped and the command runs', async () => {
    const reply = await say(aChannel(), 'hjælp', { mention: true });
    expect(reply['summary']).toBe('Forumbots kommandoer');
  });

  test('given an @mention in a group chat then the command runs', async () => {
    const reply = await say(aGroupChat(), 'Møder', { mention: true });
    expect(reply['text']).toBe('Du er ikke medlem af noget forum endnu.');
  });

  test('given a channel message without the mention then the bot stays silent', async () => {
    const channel = aChannel();
    const { status } = await running.bot.post(aMessage(running.emulator.serviceUrl, channel, aPerson(), 'hjælp'));
    expect(status).toBe(200);
    // The next, mentioned message is answered; the one before it got nothing.
    const reply = await say(channel, 'fora', { mention: true });
    expect(reply['summary']).toBe('Oversigt over fora');
    expect(sentIn(channel)).toHaveLength(1);
  });

  test('given text that is no command then the reply lists the commands in Danish', async () => {
    const reply = await say(aPersonalChat(), 'hvad kan du?');
    expect(reply['text']).toBe(
      'Den kommando kender jeg ikke. Du kan skrive: **hjælp**, **fora**, **tilknyt [forum]**, **møder**, **dagsorden**, **handlinger**, **eskaler**.',
    );
  });

  test('given "dagsorden" from someone who keeps no forum\'s agenda then the reply says how to name the forum', async () => {
    const reply = await say(aPersonalChat(), 'dagsorden');
    expect(reply['text']).toBe('Jeg kunne ikke finde et forum, hvor du er formand eller sekretær. Skriv **dagsorden** efterfulgt af forummets navn.');
  });

  test('given "eskalér" or "escalate" (English Teams) alone in a personal chat then the list of my cases comes in that language', async () => {
    expect((await say(aPersonalChat(), 'eskalér'))['summary']).toBe('Dine eskalerede sager');
    expect((await say(aPersonalChat(), 'escalate', { locale: 'en-GB' }))['summary']).toBe('Your escalated cases');
  });
});
