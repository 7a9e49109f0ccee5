import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/card-kit';
import { errorCard } from '../../cards/error.card';
import { DomainError } from '../../domain/shared/domain-error';
import { FormRefused, type CardAction } from '../core/card-action';
import { CARD_CONTENT_TYPE } from '../core/card-message';
import type { BotServices } from '../core/services';
import { readTurnInfo } from '../core/turn-info';
import { errorText, messagesFor, pickLang } from '../i18n';

const cardResponse = (card: AdaptiveCard): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: CARD_CONTENT_TYPE, value: card });

/**
 * An `Action.Execute` click (invoke `adaptiveCard/action`): route by verb; the verb checks its data
 * and its declared access before its handler runs. A refusal, unknown verb or bad data gives an
 * error card and changes nothing, except a refused form, which comes back as the same card with
 * what was typed; anything unexpected goes to onTurnError.
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
    return cardResponse(await action.handle({ info, actor: info.actor, t, services }, invoke.action.data));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    services.logger.info({ activityId: info.activityId, verb: action.verb, code: error.code }, 'card action refused');
    // A refused form comes back as itself, with what was typed and why: never an error card.
    return error instanceof FormRefused ? cardResponse(error.card) : fail(error.code, error.context);
  }
}
