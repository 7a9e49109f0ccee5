import type { BotFeature } from '../core/feature';
import { accessRequestAction, confirmRemovePersonAction, privacyCommand, removePersonAction } from './access-request';
import { privacyRoutes } from './privacy.routes';
import { createRetentionJob } from './retention.job';

/** Data protection: retention (daily job); access requests and removing a person who left, for the privacy administrators. */
export const privacyFeature: BotFeature = {
  name: 'privacy',
  commands: [privacyCommand],
  actions: [accessRequestAction, removePersonAction, confirmRemovePersonAction],
  routes: () => privacyRoutes(),
  jobs: (services) => [createRetentionJob(services)],
};
