import type { BotFeature } from '../core/feature';
import { pictureCommand } from './picture.command';

/** The half-yearly picture for the Lokalråd: its key figures on demand. */
export const pictureFeature: BotFeature = {
  name: 'picture',
  commands: [pictureCommand],
};
