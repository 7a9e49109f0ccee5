import type { BotFeature } from '../core/feature';
import { pictureCommand } from './picture.command';
import { pictureRoutes } from './picture.routes';

/** The half-yearly picture for the Lokalråd: its key figures on demand, the report card's chart behind a signed link. */
export const pictureFeature: BotFeature = {
  name: 'picture',
  commands: [pictureCommand],
  routes: (services) => pictureRoutes(services),
};
