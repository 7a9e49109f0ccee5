import type { BotFeature } from '../core/feature';
import { createRetentionJob } from './retention.job';

/** Data protection: retention (daily job), access requests, removing a person, the audit in view. */
export const privacyFeature: BotFeature = {
  name: 'privacy',
  jobs: (services) => [createRetentionJob(services)],
};
