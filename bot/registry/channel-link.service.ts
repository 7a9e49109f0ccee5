import type { Forum, TeamsLink } from '../../domain/fora/forum';
import { canLinkChannel } from '../../domain/fora/forum.rules';
import { relistAgendas } from '../agendas/agendas.jobs';
import type { BotServices } from '../core/services';
import type { TurnInfo } from '../core/turn-info';
import { audit } from '../core/audit';
import { AlreadyExistsError, ConcurrencyError } from '../../domain/shared/repository-errors';

export type LinkResult = { ok: true; forum: Forum; already: boolean } | { ok: false; code: string; context?: Record<string, unknown> };

/**
 * Links the channel the activity came from to a forum, so the forum's posts go there. Allowed for
 * the forum's chair or secretary (domain rule); the actor comes from the activity.
 *
 * Teams tells a bot of its install in a team once, for the team (General); a channel linked here
 * may be any other. So the channel's address is kept from this very turn, and the team (its
 * channels and roster) is read, so the forum's posts reach the channel and its members the bot.
 */
export async function linkChannel(
  services: Pick<BotServices, 'fora' | 'members' | 'agendas' | 'audit' | 'clock' | 'conversations' | 'reach'>,
  request: { forum: Forum; info: TurnInfo },
): Promise<LinkResult> {
  const { forum, info } = request;
  if (info.place.kind !== 'channel') return { ok: false, code: 'BOT.LINK_NEEDS_CHANNEL' };
  if (info.actor === undefined || info.tenantId === undefined) return { ok: false, code: 'BOT.USER_UNKNOWN' };
  const member = await services.members.find(forum.id, info.actor.userId);
  const verdict = canLinkChannel(member);
  if (!verdict.ok) return verdict;
  await keepChannel(services, info, info.tenantId);
  if (forum.teams?.conversationId === info.place.conversationId) return { ok: true, forum, already: true };

  const link: TeamsLink = {
    conversationId: info.place.conversationId,
    serviceUrl: info.serviceUrl,
    tenantId: info.tenantId,
    ...(info.place.teamId === undefined ? {} : { teamId: info.place.teamId }),
    ...(info.place.channelName === undefined ? {} : { channelName: info.place.channelName }),
  };
  const updated = await services.fora.update(forum.id, (current) => ({ ...current, teams: link }));
  // Its published agendas not yet posted go to the new channel with the next minute's run (not the hourly sweep's).
  await relistAgendas(services, updated, services.clock.now());
  await audit(services, { forumId: forum.id, actorId: info.actor.userId, action: 'forum.channel.linked', subject: forum.name, before: forum.teams, after: link });
  return { ok: true, forum: updated, already: false };
}

/** The channel's address from the turn (unless one is stored), and its team for the roster. */
async function keepChannel(services: Pick<BotServices, 'conversations' | 'reach' | 'clock'>, info: TurnInfo, tenantId: string): Promise<void> {
  // From the tab there is no bot turn: the team was seen by the bot before (the tab checks it).
  if (info.botId === '') return;
  const stored = await services.conversations.findById(info.place.conversationId);
  if (stored?.active !== true) {
    const { version: _version, inactiveReason: _reason, ...rest } = stored ?? { installedAt: services.clock.now().toISOString() };
    try {
      await services.conversations.save({
        ...rest,
        conversationId: info.place.conversationId,
        kind: 'channel',
        serviceUrl: info.serviceUrl,
        tenantId,
        botId: info.botId,
        ...(info.place.teamId === undefined ? {} : { teamId: info.place.teamId }),
        active: true,
        ...(stored?.version === undefined ? {} : { version: stored.version }),
      });
    } catch (error) {
      // Stored meanwhile by an install event of the same channel: that one is as good.
      if (!(error instanceof AlreadyExistsError) && !(error instanceof ConcurrencyError)) throw error;
    }
  }
  if (info.place.teamId !== undefined) {
    await services.reach.teamSeen({
      teamId: info.place.teamId,
      serviceUrl: info.serviceUrl,
      tenantId,
      botId: info.botId,
      channel: { conversationId: info.place.conversationId, ...(info.place.channelName === undefined ? {} : { name: info.place.channelName }) },
    });
  }
}
