import type { Forum, Member } from '../../../domain/fora/forum';
import { aForum, aMember } from '../../storage/storage.mothers';
import type { EmulatedUser } from '../../emulator/teams-connector-emulator';
import type { RunningBotFixture } from '../support/bot-harness';
import { aChannel, aPerson, type Channel, type Person, type Where } from '../support/teams-activities';
import type { CardValue } from '../support/card-reading';
import { clickCard } from '../support/card-clicks';
import { installInChannel, reachablePerson } from '../support/emulated-teams';
export { cardTexts, type CardValue } from '../support/card-reading';


export const isErrorCard = (card: CardValue): boolean => (card.body[0] as { color?: string } | undefined)?.color === 'Attention' && card.body.length === 2;

export interface World {
  forum: Forum;
  channel: Channel;
  chair: Person;
  secretary: Person;
  owner: Person;
  consultant: Person;
  /** The emulator's users, with their 1:1 chats, by Entra id. */
  users: Map<string, EmulatedUser>;
}

/**
 * A forum linked to a channel the bot is installed in, with chair, secretary, an owner and a
 * consultant who each have a 1:1 chat with the bot (stored addresses), so the outbox can deliver.
 */
export async function aWorld(running: RunningBotFixture, over: Partial<Forum> = {}): Promise<World> {
  const { storage } = running.storage;
  const channel = aChannel('Handlinger');
  const teams = await installInChannel(running, channel);
  const forum = await storage.fora.save(
    aForum({
      name: `SSP-netværk ${Math.random().toString(36).slice(2, 7)}`,
      level: 'executing',
      escalatesTo: 'koordinationsgruppen',
      teams,
      ...over,
    }),
  );
  const people = { chair: aPerson('Birgitte Formand'), secretary: aPerson('Sekretær Sofie'), owner: aPerson('Jonas Berg'), consultant: aPerson('Konsulent Åse') };
  const roles: Record<keyof typeof people, Member['roles']> = { chair: ['chair'], secretary: ['secretary'], owner: ['member'], consultant: ['consultant'] };
  const users = new Map<string, EmulatedUser>();
  for (const [key, person] of Object.entries(people) as [keyof typeof people, Person][]) {
    await storage.members.save(forum.id, aMember({ userId: person.aadObjectId, displayName: person.name, roles: roles[key] }));
    users.set(person.aadObjectId, await reachablePerson(running, person));
  }
  return { forum, channel, users, ...people };
}

/** Clicks an Action.Execute button as `from`, and returns the replacement card. */
export const click = clickCard;

export const personalChatOf = (world: World, person: Person): Where => ({ kind: 'personal', conversationId: world.users.get(person.aadObjectId)!.personalConversationId });

/** The card of each activity the bot sent to a conversation, oldest first. */
export function sentCards(running: RunningBotFixture, conversationId: string): unknown[] {
  return running.emulator.sent(conversationId).map((entry) => (entry.activity['attachments'] as { content: unknown }[] | undefined)?.[0]?.content);
}

export const localIso = (daysFromToday: number): string => {
  const d = new Date();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(d);
  const x = new Date(`${today}T00:00:00.000Z`);
  x.setUTCDate(x.getUTCDate() + daysFromToday);
  return x.toISOString().slice(0, 10);
};
