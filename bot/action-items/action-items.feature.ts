import type { BotFeature } from '../feature';
import { actionItemActions } from './action-items.actions';
import { actionRemindersJob } from './action-items.jobs';
import { actionItemRoutes } from './action-items.routes';

/** Action items per forum: recording, owners' cards, follow-up, reminders and the CSV export. */
export const actionItemsFeature: BotFeature = {
  name: 'action-items',
  actions: actionItemActions,
  routes: actionItemRoutes,
  jobs: (services) => [actionRemindersJob(services)],
};
