import type { TeamsLink } from '../../../domain/fora/forum';
import type { EmulatedUser } from '../../emulator/teams-connector-emulator';
import type { RunningBotFixture } from './bot-harness';
import type { Channel, Person } from './teams-activities';

/** The bot's id in the addresses these helpers store (the outbox sends as it). */
const BOT_ID = '28:forumbot-test';

/**
 * A channel the bot is installed in: known to the connector emulator and stored as an address, as
 * an install would leave it. Returns the link to put on a forum.
 */
export async function installInChannel(running: RunningBotFixture, channel: Channel): Promise<TeamsLink> {
  const { emulator } = running;
  const conversation = emulator.addConversation({ id: channel.conversationId, kind: 'channel' });
  await running.storage.storage.conversations.save({
    conversationId: channel.conversationId,
    kind: 'channel',
    serviceUrl: emulator.serviceUrl,
    tenantId: conversation.tenantId,
    botId: BOT_ID,
    teamId: channel.teamId,
    active: true,
    installedAt: new Date().toISOString(),
  });
  return { conversationId: channel.conversationId, serviceUrl: emulator.serviceUrl, tenantId: conversation.tenantId };
}

/** A person the bot can reach in their 1:1 chat: an emulator user with a stored personal address. */
export async function reachablePerson(running: RunningBotFixture, person: Pick<Person, 'aadObjectId' | 'teamsId'>): Promise<EmulatedUser> {
  const { emulator } = running;
  const user = emulator.addUser({ aadObjectId: person.aadObjectId, teamsId: person.teamsId });
  await running.storage.storage.conversations.save({
    conversationId: user.personalConversationId,
    kind: 'personal',
    serviceUrl: emulator.serviceUrl,
    tenantId: user.tenantId,
    botId: BOT_ID,
    userId: person.aadObjectId,
    active: true,
    installedAt: new Date().toISOString(),
  });
  return user;
}
