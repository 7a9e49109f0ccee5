import type { Command } from './command';
import { actionsCommand } from './actions.command';
import { agendaCommand } from './agenda.command';
import { escalateCommand } from './escalate.command';
import { forumsCommand } from './forums.command';
import { helpCommand } from './help.command';
import { linkCommand } from './link.command';
import { meetingsCommand } from './meetings.command';

/** Every typed command; the message handler only routes to these. */
export const commands: readonly Command[] = [helpCommand, forumsCommand, linkCommand, meetingsCommand, agendaCommand, actionsCommand, escalateCommand];

export type { Command, CommandInput } from './command';
