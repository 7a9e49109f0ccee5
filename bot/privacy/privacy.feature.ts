import type { BotFeature } from '../core/feature';
import { accessRequestAction, privacyCommand } from './access-request';
import { privacyRoutes } from './privacy.routes';
import { createRetentionJob } from './retention.job';

/** Data protection: retention (daily job) and access requests for the privacy administrators. */
export const privacyFeature: BotFeature = {
  name: 'privacy',
  commands: [privacyCommand],
  actions: [accessRequestAction],
  routes: () => privacyRoutes(),
  jobs: (services) => [createRetentionJob(services)],
};
