import type { Member } from '../../domain/fora/forum';
import type { BotServices } from '../core/services';

/** Who acts for a forum on a case: its managers, or its chairs when it has no manager. */
export async function decidersOf(services: Pick<BotServices, 'members'>, forumId: string): Promise<Member[]> {
  const members = await services.members.listByForum(forumId);
  const managers = members.filter((m) => m.roles.includes('manager'));
  return managers.length > 0 ? managers : members.filter((m) => m.roles.includes('chair'));
}

/** The ids of the fora a person is a member of (one partition read). */
export async function forumIdsOf(services: Pick<BotServices, 'members'>, userId: string): Promise<string[]> {
  return (await services.members.listMembershipsOfUser(userId)).map((m) => m.forumId);
}
