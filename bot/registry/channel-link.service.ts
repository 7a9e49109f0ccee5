import type { Forum, TeamsLink } from '../../domain/fora/forum';
import { canLinkChannel } from '../../domain/fora/forum.rules';
import type { BotServices } from '../core/services';
import type { TurnInfo } from '../core/turn-info';
import { audit } from '../core/audit';

export type LinkResult = { ok: true; forum: Forum; already: boolean } | { ok: false; code: string; context?: Record<string, unknown> };

/**
 * Links the channel the activity came from to a forum, so the forum's posts go there. Allowed for
 * the forum's chair or secretary (domain rule); the actor comes from the activity.
 */
export async function linkChannel(
  services: Pick<BotServices, 'fora' | 'members' | 'audit' | 'clock'>,
  request: { forum: Forum; info: TurnInfo },
): Promise<LinkResult> {
  const { forum, info } = request;
  if (info.place.kind !== 'channel') return { ok: false, code: 'BOT.LINK_NEEDS_CHANNEL' };
  if (info.actor === undefined || info.tenantId === undefined) return { ok: false, code: 'BOT.USER_UNKNOWN' };
  const member = await services.members.find(forum.id, info.actor.userId);
  const verdict = canLinkChannel(member);
  if (!verdict.ok) return verdict;
  if (forum.teams?.conversationId === info.place.conversationId) return { ok: true, forum, already: true };

  const link: TeamsLink = {
    conversationId: info.place.conversationId,
    serviceUrl: info.serviceUrl,
    tenantId: info.tenantId,
    ...(info.place.teamId === undefined ? {} : { teamId: info.place.teamId }),
    ...(info.place.channelName === undefined ? {} : { channelName: info.place.channelName }),
  };
  const updated = await services.fora.update(forum.id, (current) => ({ ...current, teams: link }));
  await audit(services, { forumId: forum.id, actorId: info.actor.userId, action: 'forum.channel.linked', subject: forum.name, before: forum.teams, after: link });
  return { ok: true, forum: updated, already: false };
}
