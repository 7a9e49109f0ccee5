/**
 * Only our tenant: activities and card clicks from any other tenant are dropped before a handler
 * runs or anything is written; the log says so without naming the person.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HELP_VERBS } from '../../cards/help.card';
import type { TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { openTestStorage, type TestStorage } from '../storage/storage-kit';
import { startBot, startEmulator, type RunningBot } from './support/bot-harness';
import { aMessage, aPerson, aPersonalChat, cardAction, TENANT_ID } from './support/teams-activities';

const OTHER_TENANT = '0d4f8b1e-6a2c-4e57-9b13-00000000beef';

let storage: TestStorage;
let emulator: TeamsConnectorEmulator;
let bot: RunningBot;

beforeAll(async () => {
  storage = openTestStorage();
  emulator = await startEmulator();
  bot = await startBot(storage.storage, { allowedTenants: [TENANT_ID] });
});
afterAll(async () => {
  await bot?.close();
  await emulator?.close();
  await storage?.storage.dropAll();
});

/** The activity as another tenant's Teams would send it. */
function fromOtherTenant(activity: Record<string, unknown>, where: 'both' | 'channelData' | 'conversation' = 'both'): Record<string, unknown> {
  const conversation = { ...(activity['conversation'] as Record<string, unknown>) };
  const channelData = { ...(activity['channelData'] as Record<string, unknown>) };
  if (where !== 'channelData') conversation['tenantId'] = OTHER_TENANT;
  if (where !== 'conversation') channelData['tenant'] = { id: OTHER_TENANT };
  return { ...activity, conversation, channelData };
}

describe('the tenant filter', () => {
  test('given a message from our tenant then the bot answers', async () => {
    const chat = aPersonalChat();
    expect((await bot.post(aMessage(emulator.serviceUrl, chat, aPerson(), 'hjælp'))).status).toBe(200);
    await emulator.waitFor((e) => e.sent(chat.conversationId).length === 1, 5_000);
  });

  test.each(['both', 'channelData', 'conversation'] as const)(
    "given a message whose tenant is another's (in %s) then nothing is answered, nothing stored, and the refusal is logged without the person",
    async (where) => {
      const chat = aPersonalChat();
      const person = aPerson('Fremmed Person');
      const { status } = await bot.post(fromOtherTenant(aMessage(emulator.serviceUrl, chat, person, 'hjælp'), where));
      expect(status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(emulator.sent(chat.conversationId)).toEqual([]);
      expect(await storage.storage.knownUsers.findById(person.aadObjectId)).toBeUndefined();
      const refusal = bot.logs.lines.filter((l) => l['msg'] === 'activity from a tenant that is not ours refused').at(-1);
      expect(refusal).toMatchObject({ activityType: 'message', tenant: OTHER_TENANT });
      expect(JSON.stringify(refusal)).not.toMatch(/Fremmed|aadObjectId|29:/);
      expect(JSON.stringify(refusal)).not.toContain(person.aadObjectId);
    },
  );

  test('given a message without any tenant then it is dropped too', async () => {
    const chat = aPersonalChat();
    const message = aMessage(emulator.serviceUrl, chat, aPerson(), 'hjælp');
    const conversation = { ...(message['conversation'] as Record<string, unknown>), tenantId: undefined };
    await bot.post({ ...message, conversation, channelData: {} });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emulator.sent(chat.conversationId)).toEqual([]);
  });

  test("given a card click from another tenant then 403 and no handler ran", async () => {
    const person = aPerson();
    const { status, body } = await bot.post(fromOtherTenant(cardAction(emulator.serviceUrl, aPersonalChat(), person, HELP_VERBS.show, {})));
    expect(status).toBe(403);
    expect(JSON.stringify(body ?? {})).not.toMatch(/AdaptiveCard/);
    expect(await storage.storage.knownUsers.findById(person.aadObjectId)).toBeUndefined();
  });
});
