import type { BotServices } from '../handlers/bot-services';
import type { Reply } from '../handlers/reply';
import type { TurnInfo } from '../handlers/turn-info';
import type { Messages } from '../i18n';
import type { CommandName } from './command-names';

export interface CommandInput {
  info: TurnInfo;
  t: Messages;
  /** What followed the command word, trimmed. */
  args: string;
  services: BotServices;
}

/** One typed command: the words that call it (Danish and English) and what it answers. */
export interface Command {
  name: CommandName;
  words: readonly string[];
  run(input: CommandInput): Promise<Reply>;
}
