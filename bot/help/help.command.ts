import { helpCard } from '../../cards/help.card';
import type { Messages } from '../i18n';
import { command } from '../core/command';
import { COMMAND_NAMES } from '../core/command-names';

/** The help card's content, in the order the commands are listed. */
export const commandOverview = (t: Messages): { usage: string; description: string }[] => COMMAND_NAMES.map((name) => t.commands[name]);

export const helpCommand = command({
  name: 'help',
  words: ['hjælp', 'help'],
  access: { kind: 'anyone', why: 'the list of commands names no forum' },
  run: async ({ t }) => ({ card: helpCard(t.cards.help, { commands: commandOverview(t) }), summary: t.summaries.help }),
});
