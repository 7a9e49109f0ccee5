import type { BotFeature } from '../core/feature';
import { tabApiRoutes } from './tab-api.routes';
import { createIdentityResolver, type IdentityOptions } from './tab-identity';
import { tabStaticRoutes } from './tab-static.routes';

/**
 * The dashboard tab: its pages (`/tab/channel.html`, `/tab/config.html`, `/tab/personal.html`)
 * and their JSON API under `/api/tab/`. Options are for tests (a local key set instead of Entra's).
 */
export function createTabFeature(options: IdentityOptions = {}): BotFeature {
  return {
    name: 'tab',
    routes(services) {
      const identity = createIdentityResolver(services.config, options);
      if (identity.mode === 'teams' && services.config.credentials?.tenantId === undefined) {
        services.logger.warn('tab: MicrosoftAppTenantId is not set; the tab refuses every sign-in');
      }
      return [...tabStaticRoutes(services.logger), ...tabApiRoutes(services, identity)];
    },
  };
}

export const tabFeature: BotFeature = createTabFeature();
