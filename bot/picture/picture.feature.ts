import type { BotFeature } from '../core/feature';
import { pictureCommentaryActions } from './picture-commentary.actions';
import { pictureCommand } from './picture.command';
import { pictureReminderJob } from './picture-reminder.job';
import { pictureRoutes } from './picture.routes';

/**
 * The half-yearly picture for the Lokalråd: its key figures on demand, the analyst's commentary
 * and publication, the half-yearly reminder, and the report's chart and Word file behind signed links.
 */
export const pictureFeature: BotFeature = {
  name: 'picture',
  commands: [pictureCommand],
  actions: pictureCommentaryActions,
  routes: (services) => pictureRoutes(services),
  jobs: (services) => [pictureReminderJob(services)],
};
