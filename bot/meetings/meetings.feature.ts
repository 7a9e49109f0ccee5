import type { BotFeature } from '../feature';
import { registerCalendarRoutes } from './calendar.routes';
import { meetingsActions } from './meetings.actions';

/** Meeting series and their occurrences: schedule, move, cancel from cards; .ics calendar files. */
export const meetingsFeature: BotFeature = {
  name: 'meetings',
  actions: meetingsActions,
  routes: registerCalendarRoutes,
};
