import { describe, expect, test } from 'vitest';
import { useRunningBot } from './support/bot-harness';
import { aChannel, aGroupChat, aMessage, aPerson, aPersonalChat, type MessageOptions, type Where } from './support/teams-activities';
import { sayTo, sentIn } from './support/conversation';


const running = useRunningBot();


/** Sends a message (as a new person each time) and returns the bot's one reply in that conversation. */
const say = (where: Where, text: string, options: MessageOptions = {}): Promise<Record<string, unknown>> => sayTo(running, where, aPerson(), text, options);

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
    expect(sentIn(running, channel)).toHaveLength(1);
  });

  test('given text that is no command then the reply lists the commands in Danish', async () => {
    const reply = await say(aPersonalChat(), 'hvad kan du?');
    expect(reply['text']).toBe(
      'Den kommando kender jeg ikke. Du kan skrive: **hjælp**, **fora**, **tilknyt [forum]**, **møder**, **dagsorden**, **handlinger**, **eskaler**, **handlingsplan**, **halvår**.',
    );
  });

  test.each([
    ['dagsordn Kredsråd', 'dagsorden'],
    ['hjælpp', 'hjælp'],
    ['handliner', 'handlinger'],
    ['mødr', 'møder'],
  ])('given the mistyped "%s" then the reply asks whether "%s" was meant, and still lists the commands', async (typed, meant) => {
    const reply = await say(aPersonalChat(), typed);
    expect(reply['text']).toBe(`Den kommando kender jeg ikke. Mente du **${meant}**? Du kan skrive: **hjælp**, **fora**, **tilknyt [forum]**, **møder**, **dagsorden**, **handlinger**, **eskaler**, **handlingsplan**, **halvår**.`);
  });

  test('given a word far from every command then no command is guessed, and in English Teams the guess is in English', async () => {
    expect(String((await say(aPersonalChat(), 'vejret'))['text'])).not.toContain('Mente du');
    expect(String((await say(aPersonalChat(), 'agnda', { locale: 'en-US' }))['text'])).toContain('Did you mean **agenda**?');
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
