import type { BotFeature } from '../core/feature';
import { helpShowAction } from './help-show.action';
import { helpCommand } from './help.command';

/** `hjælp`: the command overview, as a command and as the card button every error card carries. */
export const helpFeature: BotFeature = {
  name: 'help',
  commands: [helpCommand],
  actions: [helpShowAction],
};
