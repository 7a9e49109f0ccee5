import { forumCard } from '../../cards/forum.card';
import type { AdaptiveCard } from '../../cards/card-kit';
import type { Forum, Member, Role } from '../../domain/fora/forum';
import { Role as RoleSchema } from '../../domain/fora/forum';
import { canManageMembers } from '../../domain/fora/forum.rules';
import { DomainError } from '../../domain/shared/domain-error';
import type { BotServices } from '../core/services';
import type { TurnInfo } from '../core/turn-info';
import type { Messages } from '../i18n';
import { forumView } from './forum-views';
import { registryTexts } from './registry.texts';
import { requireForum } from '../core/require-forum';

/** The forum or a polite refusal (it may have been deleted since the card was sent). */
export async function forumOrFail(services: Pick<BotServices, 'fora'>, forumId: string): Promise<Forum> {
  const forum = await requireForum(services, forumId);
  return forum;
}

/** The forum card as one person sees it (card actions are answered to the person who clicked). */
export async function personalForumCard(services: BotServices, t: Messages, forum: Forum, viewerId: string, notice?: string, backToList = false): Promise<AdaptiveCard> {
  const { view } = await forumView(services, forum, { viewerId, lang: t.lang, ...(notice === undefined ? {} : { notice }) });
  return forumCard(registryTexts[t.lang].forum, { ...view, backToList });
}

/**
 * The forum card posted in a channel, which everyone there sees: the public view (no member list
 * of a sensitive forum, no buttons), refreshed by Teams into each member's own view.
 */
export async function channelForumCard(services: BotServices, t: Messages, forum: Forum): Promise<AdaptiveCard> {
  const { view, members } = await forumView(services, forum, { viewerId: undefined, lang: t.lang });
  const known = await Promise.all(members.slice(0, 60).map((m) => services.knownUsers.findById(m.userId)));
  const refreshFor = known.flatMap((k) => (k === undefined ? [] : [k.teamsId]));
  return forumCard(registryTexts[t.lang].forum, { ...view, refreshFor });
}

/** The chair of the forum, or FORUM.NOT_CHAIR; with the forum's members for the next step. */
export async function asChair(services: Pick<BotServices, 'members'>, forumId: string, actorId: string): Promise<Member[]> {
  const members = await services.members.listByForum(forumId);
  const verdict = canManageMembers(members.find((m) => m.userId === actorId));
  if (!verdict.ok) throw new DomainError(verdict.code, verdict.context ?? {});
  return members;
}

/** Roles as a multi-select sends them ("chair,member"); an unknown role is bad card data. */
export function parseRoles(text: string | undefined): Role[] {
  const parts = (text ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.map((p) => {
    const role = RoleSchema.safeParse(p);
    if (!role.success) throw new DomainError('BOT.CARD_INVALID_DATA');
    return role.data;
  });
}

/** Who acts: always from the activity, never from card data. */
export function actorIdOf(info: TurnInfo): string {
  if (info.actor === undefined) throw new DomainError('BOT.USER_UNKNOWN');
  return info.actor.userId;
}
