import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import { messagesFor, pickLang } from '../i18n';
import type { Logger } from '../logger';

/**
 * The last resort for a turn that threw: log it with the activity id, and tell the person politely
 * (Danish unless their Teams is English) — never the error itself. A message gets a text reply; an
 * invoke gets a proper error response (for a card action, Teams shows the message on the card).
 */
export function createTurnErrorHandler(config: Pick<Config, 'locale'>, logger: Logger): (turn: TurnContext, error: Error) => Promise<void> {
  return async (turn, error) => {
    const activity = turn.activity;
    logger.error(
      { err: error, activityId: activity.id, activityType: activity.type, invokeName: activity.name, conversationId: activity.conversation?.id },
      'turn failed',
    );
    const t = messagesFor(pickLang(activity.locale, config.locale));
    try {
      if (activity.type === ActivityTypes.Invoke) {
        const body =
          activity.name === 'adaptiveCard/action'
            ? { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'InternalError', message: t.replies.somethingWentWrong } }
            : undefined;
        turn.turnState.set(INVOKE_RESPONSE_KEY, { type: ActivityTypes.InvokeResponse, value: { status: 500, body } });
      } else if (activity.type === ActivityTypes.Message) {
        await turn.sendActivity({ type: 'message', text: t.replies.somethingWentWrong });
      }
    } catch (replyError) {
      logger.error({ err: replyError, activityId: activity.id }, 'could not tell the user that the turn failed');
    }
  };
}
