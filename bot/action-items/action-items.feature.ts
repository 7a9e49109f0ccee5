import type { BotFeature } from '../core/feature';
import { actionItemActions } from './action-items.actions';
import { actionsCommand } from './action-items.command';
import { actionListsRepairJob, actionRemindersJob } from './action-items.jobs';
import { actionItemRoutes } from './action-items.routes';

/** Action items per forum: recording, owners' cards, follow-up, reminders and the CSV export. */
export const actionItemsFeature: BotFeature = {
  name: 'action-items',
  commands: [actionsCommand],
  actions: actionItemActions,
  routes: actionItemRoutes,
  jobs: (services) => [actionRemindersJob(services), actionListsRepairJob(services)],
};
