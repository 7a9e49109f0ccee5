import type { BotFeature } from '../core/feature';
import { createReminderJob, createReminderSweepJob } from './reminder.job';
import { reminderSettingsSaveAction, reminderSettingsShowAction } from './reminder-settings.actions';

/** Meeting reminders: the every-minute job and the chair's settings card (`reminders.settings.show`). */
export const remindersFeature: BotFeature = {
  name: 'reminders',
  actions: [reminderSettingsShowAction, reminderSettingsSaveAction],
  jobs: (services) => [createReminderJob(services), createReminderSweepJob(services)],
};
