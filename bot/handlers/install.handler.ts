import type { TurnContext } from 'botbuilder';
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

/** The app was removed: the bot may no longer post there, so the address is retired. */
export async function handleUninstall(turn: TurnContext, services: BotServices): Promise<void> {
  const info = readTurnInfo(turn.activity);
  if (info === undefined) return;
  await services.conversations.markInactive(info.place.conversationId, 'uninstalled');
  services.logger.info({ conversationId: info.place.conversationId, kind: info.place.kind }, 'uninstalled');
}
