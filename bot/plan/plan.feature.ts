import type { BotFeature } from '../core/feature';
import { planActions } from './plan.actions';
import { planSettingsActions } from './plan-settings.actions';
import { planCommand } from './plan.command';
import { planRoutes } from './plan.routes';
import { planReminderJob } from './plan-reminder.job';

/** The local action plan: initiatives, the approval round, the Word export and the yearly reminder. */
export const planFeature: BotFeature = {
  name: 'plan',
  commands: [planCommand],
  actions: [...planActions, ...planSettingsActions],
  routes: (services) => planRoutes(services),
  jobs: (services) => [planReminderJob(services)],
};
