import type { BotFeature } from '../feature';
import { escalationDeadlineJob } from './escalation-deadlines.job';
import { escalationDeadlinesActions } from './escalation-deadlines.actions';
import { escalationActions } from './escalation.actions';

/** Escalation up the chain and decisions back down: card actions, the chair's deadline settings and the deadline job. */
export const escalationsFeature: BotFeature = {
  name: 'escalations',
  actions: [...escalationActions, ...escalationDeadlinesActions],
  jobs: (services) => [escalationDeadlineJob(services)],
};
