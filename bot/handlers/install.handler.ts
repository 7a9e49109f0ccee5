import type { ChannelAccount, TurnContext } from 'botbuilder';
import { welcomeCard } from '../../cards/welcome.card';
import { commandOverview } from '../help/help.command';
import { messagesFor, pickLang } from '../i18n';
import type { BotServices } from '../core/services';
import { recordInstallation, releaseGreeting } from './installation.service';
import { toActivity } from '../core/reply';
import { readTurnInfo } from '../core/turn-info';

/** The app was added to a personal chat, group chat or team: remember the place and greet once. */
export async function handleInstall(turn: TurnContext, services: BotServices): Promise<void> {
  const info = readTurnInfo(turn.activity);
  if (info?.tenantId === undefined) {
    services.logger.warn({ activityId: turn.activity.id }, 'install event without tenant; not stored');
    return;
  }
  const installation = await recordInstallation(services.conversations, info, info.tenantId, services.clock.now());
  services.logger.info({ conversationId: info.place.conversationId, kind: info.place.kind, greet: installation.greet }, 'installed');
  await reachAfterInstall(turn, services, info.tenantId);
  if (!installation.greet) return;
  const t = messagesFor(pickLang(info.locale, services.config.locale));
  try {
    await turn.sendActivity(toActivity({ card: welcomeCard(t.cards.welcome, { commands: commandOverview(t).map((c) => c.usage) }), summary: t.summaries.welcome }));
  } catch (error) {
    await releaseGreeting(services.conversations, installation.address).catch((releaseError: unknown) =>
      services.logger.error({ err: releaseError, conversationId: info.place.conversationId }, 'could not release the greeting claim'),
    );
    throw error;
  }
}

/**
 * In a team: keep the team and read its roster (so its members can be reached, and its channels
 * posted in). In a personal chat: the person can be reached now, so their waiting cards go.
 */
async function reachAfterInstall(turn: TurnContext, services: BotServices, tenantId: string): Promise<void> {
  const info = readTurnInfo(turn.activity);
  if (info === undefined) return;
  if (info.place.teamId !== undefined) {
    const teamName = (turn.activity.channelData as { team?: { name?: unknown } } | undefined)?.team?.name;
    await services.reach.teamSeen({
      teamId: info.place.teamId,
      serviceUrl: info.serviceUrl,
      tenantId,
      botId: info.botId,
      ...(typeof teamName === 'string' ? { name: teamName } : {}),
      channel: { conversationId: info.place.conversationId, ...(info.place.channelName === undefined ? {} : { name: info.place.channelName }) },
    });
  } else if (info.place.kind === 'personal' && info.actor !== undefined) {
    await services.reach.personReachable(info.actor.userId);
  }
}

/** People joined a team the app is in: they are on its roster now, and their waiting cards go. */
export async function handleMembersAdded(turn: TurnContext, services: BotServices, members: readonly ChannelAccount[]): Promise<void> {
  const teamId = readTurnInfo(turn.activity)?.place.teamId;
  if (teamId === undefined) return;
  const accounts = members.flatMap((m) => (m.aadObjectId === undefined ? [] : [{ id: m.id, aadObjectId: m.aadObjectId, ...(m.name === undefined ? {} : { name: m.name }) }]));
  if (accounts.length > 0) await services.reach.membersAdded(teamId, accounts);
}

/** People left a team the app is in: the bot no longer reaches them through it. */
export async function handleMembersRemoved(turn: TurnContext, services: BotServices, members: readonly ChannelAccount[]): Promise<void> {
  const teamId = readTurnInfo(turn.activity)?.place.teamId;
  if (teamId === undefined) return;
  const userIds = members.flatMap((m) => (m.aadObjectId === undefined ? [] : [m.aadObjectId]));
  if (userIds.length > 0) await services.reach.membersRemoved(teamId, userIds);
}

/** The app was removed: the bot may no longer post there, so the address is retired. */
export async function handleUninstall(turn: TurnContext, services: BotServices): Promise<void> {
  const info = readTurnInfo(turn.activity);
  if (info === undefined) return;
  await services.conversations.markInactive(info.place.conversationId, 'uninstalled');
  if (info.place.teamId !== undefined) await services.reach.teamRemoved(info.place.teamId);
  services.logger.info({ conversationId: info.place.conversationId, kind: info.place.kind }, 'uninstalled');
}
