import { asText } from '../../cards/card-kit';
import { FORUM_VERBS, MemberRefData } from '../../cards/forum.card';
import { MEMBER_ROLES_VERBS, MemberRemoveData, MemberRolesData, memberRemoveCard, memberRolesCard, type MemberView } from '../../cards/member-roles.card';
import type { Forum, Member } from '../../domain/fora/forum';
import { DomainError } from '../../domain/shared/domain-error';
import { forumAccess } from '../core/access';
import { cardAction } from '../core/card-action';
import { actorIdOf, asChair, forumOrFail, parseRoles, personalForumCard } from './forum-replies';
import { changeMembers } from './member-roster.service';
import { registryTexts } from './registry.texts';

function memberView(forum: Forum, members: readonly Member[], userId: string): MemberView {
  const member = members.find((m) => m.userId === userId);
  if (member === undefined) throw new DomainError('MEMBER.NOT_FOUND', { userId });
  return { forumId: forum.id, forumName: forum.name, userId, displayName: member.displayName, email: member.email, roles: member.roles };
}

/** "Ret medlem" on the forum card: the chosen member's roles, for the chair. */
export const memberEditAction = cardAction(FORUM_VERBS.edit, MemberRefData, forumAccess('chair'), async ({ t, info, services }, data) => {
  const forum = await forumOrFail(services, data.forumId);
  const members = await asChair(services, forum.id, actorIdOf(info));
  return memberRolesCard(registryTexts[t.lang].memberRoles, memberView(forum, members, data.userId));
});

/** "Gem roller": the new roles, unless someone changed them since the card was shown. */
export const memberSetRolesAction = cardAction(MEMBER_ROLES_VERBS.setRoles, MemberRolesData, forumAccess('chair'), async ({ t, info, services }, data) => {
  const texts = registryTexts[t.lang];
  const actorId = actorIdOf(info);
  const change = { kind: 'setRoles' as const, userId: data.userId, roles: parseRoles(data.roles), expectedRoles: parseRoles(data.shownRoles) };
  const result = await changeMembers(services, data.forumId, actorId, change);
  const name = result.after?.displayName ?? '';
  return personalForumCard(services, t, result.forum, actorId, result.changed ? texts.notices.rolesChanged(asText(name)) : texts.notices.unchanged);
});

/** "Fjern fra forummet": asks once more before anything is removed. */
export const memberConfirmRemoveAction = cardAction(MEMBER_ROLES_VERBS.confirmRemove, MemberRemoveData, forumAccess('chair'), async ({ t, info, services }, data) => {
  const forum = await forumOrFail(services, data.forumId);
  const members = await asChair(services, forum.id, actorIdOf(info));
  return memberRemoveCard(registryTexts[t.lang].memberRoles, memberView(forum, members, data.userId));
});

/** "Ja, fjern": removes the member (never the last chair) and audits it. */
export const memberRemoveAction = cardAction(MEMBER_ROLES_VERBS.remove, MemberRemoveData, forumAccess('chair'), async ({ t, info, services }, data) => {
  const actorId = actorIdOf(info);
  const result = await changeMembers(services, data.forumId, actorId, { kind: 'remove', userId: data.userId });
  return personalForumCard(services, t, result.forum, actorId, registryTexts[t.lang].notices.removed(asText(result.before?.displayName ?? '')));
});
