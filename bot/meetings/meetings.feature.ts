import type { BotFeature } from '../core/feature';
import { calendarRoutes } from './calendar.routes';
import { meetingsActions } from './meetings.actions';
import { meetingsCommand } from './meetings.command';

/** Meeting series and their occurrences: schedule, move, cancel from cards; .ics calendar files. */
export const meetingsFeature: BotFeature = {
  name: 'meetings',
  commands: [meetingsCommand],
  actions: meetingsActions,
  routes: calendarRoutes,
};
