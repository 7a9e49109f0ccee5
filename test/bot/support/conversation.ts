import { expect } from 'vitest';
import type { RunningBotFixture } from './bot-harness';
import { aMessage, type MessageOptions, type Person, type Where } from './teams-activities';

/** What the bot posted in a conversation; in a channel, in any of its threads. */
export const sentIn = (running: RunningBotFixture, where: Where): Record<string, unknown>[] =>
  running.emulator
    .sent()
    .filter((s) => s.conversationId.split(';messageid=')[0] === where.conversationId)
    .map((s) => s.activity);

/**
 * Sends a typed message over real HTTP (with an @mention outside personal chat, unless the options
 * say otherwise) and returns the bot's one reply in that conversation.
 */
export async function sayTo(running: RunningBotFixture, where: Where, from: Person, text: string, options: MessageOptions = { mention: where.kind !== 'personal' }): Promise<Record<string, unknown>> {
  const before = sentIn(running, where).length;
  const { status } = await running.bot.post(aMessage(running.emulator.serviceUrl, where, from, text, options));
  expect(status).toBe(200);
  await running.emulator.waitFor(() => sentIn(running, where).length > before, 5_000);
  const replies = sentIn(running, where).slice(before);
  expect(replies).toHaveLength(1);
  return replies[0]!;
}
