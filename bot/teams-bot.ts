import { TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type ChannelAccount, type TurnContext } from 'botbuilder';
import type { EntryPoints } from './core/registry';
import type { BotServices } from './core/services';
import { handleCardAction } from './handlers/card-action.handler';
import { handleInstall, handleMembersAdded, handleMembersRemoved, handleUninstall } from './handlers/install.handler';
import { KnownUserRecorder } from './handlers/known-user.recorder';
import { PersonalChatRecorder } from './handlers/personal-chat.recorder';
import { handleMessage } from './handlers/message.handler';
import { readTurnInfo } from './core/turn-info';
import { traceTurn } from './telemetry/turn-telemetry';

const includesBot = (members: ChannelAccount[] | undefined, turn: TurnContext): boolean =>
  (members ?? []).some((m) => m.id === turn.activity.recipient.id);

/** Routes Teams activities to the handlers; holds no logic of its own. */
export class ForumBot extends TeamsActivityHandler {
  constructor(
    private readonly services: BotServices,
    private readonly registry: EntryPoints,
  ) {
    super();
    const knownUsers = new KnownUserRecorder(services.knownUsers, services.clock);
    const personalChats = new PersonalChatRecorder(services);

    this.onTurn(async (turn, next) => {
      const info = readTurnInfo(turn.activity);
      if (info !== undefined) await knownUsers.record(info);
      // Install events store the chat and greet themselves; any other turn in a chat the bot did not know stores it here.
      const type = turn.activity.type;
      if (info !== undefined && (type === 'message' || type === 'invoke')) await personalChats.record(info);
      await next();
    });
    this.onMessage(async (turn, next) => {
      await handleMessage(turn, services, this.registry.commands);
      await next();
    });
    // Teams announces an install both ways; the installation service greets only once.
    this.onMembersAdded(async (turn, next) => {
      if (includesBot(turn.activity.membersAdded, turn)) await handleInstall(turn, services);
      else await handleMembersAdded(turn, services, turn.activity.membersAdded ?? []);
      await next();
    });
    this.onInstallationUpdateAdd(async (turn, next) => {
      await handleInstall(turn, services);
      await next();
    });
    this.onMembersRemoved(async (turn, next) => {
      if (includesBot(turn.activity.membersRemoved, turn)) await handleUninstall(turn, services);
      else await handleMembersRemoved(turn, services, turn.activity.membersRemoved ?? []);
      await next();
    });
    this.onInstallationUpdateRemove(async (turn, next) => {
      await handleUninstall(turn, services);
      await next();
    });
  }

  /** Every turn in a span (a no-op without telemetry); errors still reach the adapter's onTurnError. */
  override run(turn: TurnContext): Promise<void> {
    return traceTurn(turn.activity, this.registry, () => super.run(turn));
  }

  protected override onAdaptiveCardInvoke(turn: TurnContext, invoke: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return handleCardAction(turn, invoke, this.services, this.registry.actions);
  }
}
