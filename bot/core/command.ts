import type { Messages } from '../i18n/messages';
import { checkAccess, type Access, type Granted } from './access';
import type { CommandName } from './command-names';
import type { Reply } from './reply';
import type { BotServices } from './services';
import type { Actor, TurnInfo } from './turn-info';

/** What a typed command is asked: the words after the command, and where it was typed. */
export interface CommandRequest {
  /** What followed the command word, trimmed. */
  args: string;
  info: TurnInfo;
}

export interface CommandInput {
  info: TurnInfo;
  actor: Actor;
  t: Messages;
  args: string;
  services: BotServices;
  granted: Granted;
}

/** One typed command: the words that call it (Danish and English), who may use it, and what it answers. */
export interface Command {
  name: CommandName;
  words: readonly string[];
  access: Access<CommandRequest>;
  /** Checks the declared access, then runs. */
  run(input: Omit<CommandInput, 'granted'>): Promise<Reply>;
}

export function command(spec: { name: CommandName; words: readonly string[]; access: Access<CommandRequest>; run(input: CommandInput): Promise<Reply> }): Command {
  return {
    name: spec.name,
    words: spec.words,
    access: spec.access,
    async run(input) {
      const granted = await checkAccess(spec.access, input.services, input.actor.userId, { args: input.args, info: input.info });
      return spec.run({ ...input, granted });
    },
  };
}
