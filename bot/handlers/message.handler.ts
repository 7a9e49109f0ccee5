import type { TurnContext } from 'botbuilder';
import { DomainError } from '../../domain/shared/domain-error';
import { containsCprNumber } from '../../domain/shared/cpr-guard';
import type { Command } from '../core/command';
import { parseCommand } from '../core/command-words';
import { errorText, messagesFor, pickLang, type Messages } from '../i18n';
import type { BotServices } from '../core/services';
import { isAdmin } from '../config';
import { readCommandText } from './mention';
import { nearestCommandWord } from '../core/nearest-command';
import { toActivity, type Reply } from '../core/reply';
import { readTurnInfo } from '../core/turn-info';

/**
 * The reply to text that is no command: the nearest command if the word looks mistyped, and what the
 * bot understands — administrators' commands only to administrators (`admin`).
 */
export function unknownCommandReply(t: Messages, all: readonly Command[], text = '', admin = false): Reply {
  const commands = all.filter((c) => admin || c.access.kind !== 'admin');
  const list = commands.map((c) => `**${t.commands[c.name].usage}**`).join(', ');
  const nearest = nearestCommandWord(text, commands);
  const guess = nearest === undefined ? '' : ` ${t.replies.didYouMean(nearest)}`;
  return { text: `${t.replies.unknownCommand}${guess} ${t.replies.commandListIntro} ${list}.` };
}

/**
 * A typed message: in a personal chat always for the bot; in channels and group chats only when
 * the bot is @mentioned (Teams sends nothing else, but a message without the mention is ignored).
 */
export async function handleMessage(turn: TurnContext, services: BotServices, commands: readonly Command[]): Promise<void> {
  const info = readTurnInfo(turn.activity);
  if (info === undefined) {
    services.logger.warn({ activityId: turn.activity.id }, 'message without the fields Teams always sends; ignored');
    return;
  }
  const { text, mentioned } = readCommandText(turn.activity.text, turn.activity.entities, info.botId);
  if (info.place.kind !== 'personal' && !mentioned) return;

  const t = messagesFor(pickLang(info.locale, services.config.locale));
  const parsed = parseCommand(text, commands);
  let reply: Reply;
  if (containsCprNumber(text)) {
    // Before any command runs: nothing of the text is stored, echoed back or logged.
    services.logger.info({ activityId: info.activityId, code: 'INPUT.CPR_NUMBER' }, 'typed text refused');
    reply = { text: errorText(t, 'INPUT.CPR_NUMBER') };
  } else if (parsed === undefined) {
    reply = unknownCommandReply(t, commands, text, isAdmin(services.config, info.actor?.userId));
  } else if (info.actor === undefined) {
    reply = { text: errorText(t, 'BOT.USER_UNKNOWN') };
  } else {
    try {
      reply = await parsed.command.run({ info, actor: info.actor, t, args: parsed.args, services });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      reply = { text: errorText(t, error.code, error.context) };
    }
  }
  await turn.sendActivity(toActivity(reply));
}
