import type { Forum, Level, Member } from '../../../domain/fora/forum';
import type { EmulatedUser } from '../../emulator/teams-connector-emulator';
import { aForum, aMember } from '../../storage/storage.mothers';
import type { RunningBotFixture } from '../support/bot-harness';
import { aChannel, aPerson, type Channel, type Person, type Where } from '../support/teams-activities';
import type { CardValue } from '../support/card-reading';
import { clickCard } from '../support/card-clicks';
import { installInChannel, reachablePerson } from '../support/emulated-teams';
export { cardTexts, type CardValue } from '../support/card-reading';


export const isErrorCard = (card: CardValue): boolean => (card.body[0] as { color?: string } | undefined)?.color === 'Attention';
/** The titles of every button on a card, rows in the body first, then the card's own actions. */
export function buttonTitles(card: CardValue): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record['type'] === 'Action.Execute') out.push(String(record['title']));
      else for (const [key, value] of Object.entries(record)) if (key !== 'refresh') walk(value);
    }
  };
  walk([card.body, card.actions ?? []]);
  return out;
}

export interface ChainForum {
  forum: Forum;
  channel: Channel;
}

export interface Chain {
  origin: ChainForum;
  middle?: ChainForum;
  top: ChainForum;
  raiser: Person;
  /** Managers of the forum one level above the origin. */
  managers: Person[];
  topManager: Person;
  /** A member of the origin forum besides the raiser. */
  originMember: Person;
  users: Map<string, EmulatedUser>;
}

const suffix = (): string => Math.random().toString(36).slice(2, 7);

/**
 * A chain of fora, each linked to a channel, with people who each have a 1:1 chat with the bot:
 * SSP-netværk → Koordinationsgruppen (two managers) → Lokalråd (one manager, top); or, with
 * `sensitive`, Infohus (sensitive) → Lokalråd (two managers).
 */
export async function aChain(running: RunningBotFixture, options: { sensitive?: boolean; areas?: Forum['areas'] } = {}): Promise<Chain> {
  const { storage } = running.storage;
  const tag = suffix();
  const users = new Map<string, EmulatedUser>();

  async function forum(name: string, level: Level, escalatesTo: string | undefined, sensitive = false): Promise<ChainForum> {
    const channel = aChannel(name);
    const teams = await installInChannel(running, channel);
    const saved = await storage.fora.save(
      aForum({
        id: `${name.toLowerCase()}-${tag}`,
        name: `${name} ${tag}`,
        level,
        sensitive,
        ...(options.areas === undefined ? {} : { areas: options.areas }),
        ...(escalatesTo === undefined ? {} : { escalatesTo }),
        teams,
      }),
    );
    return { forum: saved, channel };
  }

  async function person(name: string, forumId: string, roles: Member['roles']): Promise<Person> {
    const p = aPerson(name);
    await storage.members.save(forumId, aMember({ userId: p.aadObjectId, displayName: p.name, roles }));
    users.set(p.aadObjectId, await reachablePerson(running, p));
    return p;
  }

  const top = await forum('Lokalraad', 'strategic', undefined);
  if (options.sensitive === true) {
    const origin = await forum('Infohus', 'coordinating', top.forum.id, true);
    return {
      origin,
      top,
      raiser: await person('Konsulent Pia', origin.forum.id, ['consultant']),
      originMember: await person('Politiets Pernille', origin.forum.id, ['member']),
      managers: [await person('Centerchef Carsten', top.forum.id, ['manager']), await person('Vicepolitiinspektør Vera', top.forum.id, ['manager'])],
      topManager: await person('Centerchef Carsten 2', top.forum.id, ['chair']),
      users,
    };
  }
  const middle = await forum('Koordinationsgruppen', 'coordinating', top.forum.id);
  const origin = await forum('SSP-netvaerk', 'executing', middle.forum.id);
  return {
    origin,
    middle,
    top,
    raiser: await person('Konsulent Åse', origin.forum.id, ['consultant']),
    originMember: await person('SSP-lærer Lars', origin.forum.id, ['member']),
    managers: [await person('Leder Karen', middle.forum.id, ['manager']), await person('Leder Kim', middle.forum.id, ['manager'])],
    topManager: await person('Centerchef Lone', top.forum.id, ['manager']),
    users,
  };
}

/** Clicks an Action.Execute button as `from`, and returns the replacement card. */
export const click = clickCard;

export const personalChatOf = (chain: Chain, person: Person): Where => ({ kind: 'personal', conversationId: chain.users.get(person.aadObjectId)!.personalConversationId });

/** The card of each activity the bot sent to a conversation, oldest first. */
export function sentCards(running: RunningBotFixture, conversationId: string): CardValue[] {
  return running.emulator.sent(conversationId).map((entry) => (entry.activity['attachments'] as { content: CardValue }[])[0]!.content);
}
