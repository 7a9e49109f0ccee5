import type { BotFeature } from '../core/feature';
import { escalationDeadlineJob, openCasesSweepJob } from './escalation-deadlines.job';
import { escalationDeadlinesActions } from './escalation-deadlines.actions';
import { escalationActions } from './escalation.actions';
import { escalateCommand } from './escalate.command';

/** Escalation up the chain and decisions back down: card actions, the chair's deadline settings and the deadline job. */
export const escalationsFeature: BotFeature = {
  name: 'escalations',
  commands: [escalateCommand],
  actions: [...escalationActions, ...escalationDeadlinesActions],
  jobs: (services) => [escalationDeadlineJob(services), openCasesSweepJob(services)],
};
