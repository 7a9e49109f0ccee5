import { helpCard } from '../../cards/help.card';
import type { Messages } from '../i18n';
import { command } from '../core/command';
import { ADMIN_COMMANDS, COMMAND_NAMES } from '../core/command-names';
import { isAdmin } from '../config';

/** The help card's content, in the order the commands are listed; administrators' commands only for administrators. */
export const commandOverview = (t: Messages, admin = false): { usage: string; description: string }[] =>
  COMMAND_NAMES.filter((name) => admin || !ADMIN_COMMANDS.includes(name)).map((name) => t.commands[name]);

export const helpCommand = command({
  name: 'help',
  words: ['hjælp', 'help'],
  access: { kind: 'anyone', why: 'the list of commands names no forum' },
  run: async ({ t, services, actor }) => ({ card: helpCard(t.cards.help, { commands: commandOverview(t, isAdmin(services.config, actor.userId)) }), summary: t.summaries.help }),
});
