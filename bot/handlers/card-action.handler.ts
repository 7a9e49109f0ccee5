import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/card-kit';
import { errorCard } from '../../cards/error.card';
import { DomainError } from '../../domain/shared/domain-error';
import type { CardAction } from '../actions';
import { errorText, messagesFor, pickLang } from '../i18n';
import type { BotServices } from './bot-services';
import { readTurnInfo } from './turn-info';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

const cardResponse = (card: AdaptiveCard): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: CARD_CONTENT_TYPE, value: card });

/**
 * An `Action.Execute` click (invoke `adaptiveCard/action`): route by verb, let the action check its
 * data, answer with the replacement card. A refusal, unknown verb or bad data gives an error card
 * and changes nothing; anything unexpected goes to onTurnError.
 */
export async function handleCardAction(
  turn: TurnContext,
  invoke: AdaptiveCardInvokeValue,
  services: BotServices,
  actions: readonly CardAction[],
): Promise<AdaptiveCardInvokeResponse> {
  const t = messagesFor(pickLang(turn.activity.locale, services.config.locale));
  const info = readTurnInfo(turn.activity);
  const fail = (code: string, context: Readonly<Record<string, unknown>> = {}): AdaptiveCardInvokeResponse =>
    cardResponse(errorCard(t.cards.error, errorText(t, code, context)));

  if (info?.actor === undefined) return fail('BOT.USER_UNKNOWN');
  const action = actions.find((a) => a.verb === invoke.action?.verb);
  if (action === undefined) {
    services.logger.info({ activityId: info.activityId, verb: String(invoke.action?.verb).slice(0, 100) }, 'card action with an unknown verb');
    return fail('BOT.CARD_UNKNOWN_ACTION');
  }
  try {
    return cardResponse(await action.handle({ info, t, services }, invoke.action.data));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    services.logger.info({ activityId: info.activityId, verb: action.verb, code: error.code }, 'card action refused');
    return fail(error.code, error.context);
  }
}
