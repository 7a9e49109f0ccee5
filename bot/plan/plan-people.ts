import { formerMemberName } from '../../domain/privacy/leave';
import type { BotServices } from '../core/services';

/**
 * Names for the people a plan's history and rounds mention: the owning forum's members by their
 * name, a person who left by their pseudonym ("Tidligere medlem …"), anyone else (no longer a
 * member) by the name Forumbot last saw. One round of reads, side by side.
 */
export async function planPeopleNames(services: BotServices, ownerForumId: string, ids: readonly (string | undefined)[]): Promise<(userId: string) => string | undefined> {
  const members = await services.members.listByForum(ownerForumId);
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  const others = [...new Set(ids.filter((id): id is string => id !== undefined && !names.has(id) && formerMemberName(id) === undefined))];
  const known = await Promise.all(others.map((id) => services.knownUsers.findById(id)));
  others.forEach((id, i) => {
    const name = known[i]?.displayName?.trim();
    if (name) names.set(id, name);
  });
  return (userId) => names.get(userId) ?? formerMemberName(userId);
}
