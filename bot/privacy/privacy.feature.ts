import type { BotFeature } from '../core/feature';
import { accessRequestAction, confirmRemovePersonAction, privacyCommand, removePersonAction } from './access-request';
import { privacyRoutes } from './privacy.routes';
import { auditRoutes } from './audit.routes';
import { createIdentityResolver } from '../tab/tab-identity';
import { createRetentionJob } from './retention.job';

/** Data protection: retention (daily job); access requests and removing a person who left (administrators); the audit in the tab's API. */
export const privacyFeature: BotFeature = {
  name: 'privacy',
  commands: [privacyCommand],
  actions: [accessRequestAction, removePersonAction, confirmRemovePersonAction],
  routes: (services) => [...privacyRoutes(), ...auditRoutes(services, createIdentityResolver(services.config))],
  jobs: (services) => [createRetentionJob(services)],
};
