import type { BotServices } from '../core/services';

export interface KnownPerson {
  userId: string;
  displayName: string;
  email?: string | undefined;
}

/** A choice list in a card stays usable (and the card small) up to about this many people. */
const MAX_PEOPLE = 200;

/**
 * People the bot knows who could join a forum: members of the other fora, except those only seen
 * in sensitive fora the chair is not in (who sits in Infohus is not shown to outsiders).
 */
export async function knownPeople(services: Pick<BotServices, 'fora' | 'members'>, forumId: string, actorId: string): Promise<KnownPerson[]> {
  const [fora, mine] = await Promise.all([services.fora.list(), services.members.listMembershipsOfUser(actorId)]);
  const myFora = new Set(mine.map((m) => m.forumId));
  const open = fora.filter((f) => f.id !== forumId && (!f.sensitive || myFora.has(f.id)));
  const [current, ...rosters] = await Promise.all([services.members.listByForum(forumId), ...open.map((f) => services.members.listByForum(f.id))]);
  const taken = new Set((current ?? []).map((m) => m.userId));
  const people = new Map<string, KnownPerson>();
  for (const m of rosters.flat()) if (!taken.has(m.userId) && !people.has(m.userId)) people.set(m.userId, { userId: m.userId, displayName: m.displayName, email: m.email });
  return [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'da')).slice(0, MAX_PEOPLE);
}
