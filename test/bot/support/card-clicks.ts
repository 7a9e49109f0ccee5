import { expect } from 'vitest';
import type { RunningBotFixture } from './bot-harness';
import type { CardValue } from './card-reading';
import { cardAction, type Person, type Where } from './teams-activities';

/** Clicks an Action.Execute button as `from` over real HTTP, and returns the replacement card. */
export async function clickCard(running: RunningBotFixture, where: Where, from: Person, verb: string, data: unknown, locale = 'da-DK'): Promise<CardValue> {
  const { status, body } = await running.bot.post(cardAction(running.emulator.serviceUrl, where, from, verb, data, locale));
  expect(status).toBe(200);
  const response = body as { statusCode: number; value: CardValue };
  expect(response.statusCode).toBe(200);
  return response.value;
}
