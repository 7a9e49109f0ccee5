import type { Config } from '../config';
import type { InstallRoute } from '../outbox/recipient-resolver';
import { createGraphAppInstaller } from './graph-app-installer';
import { graphTokenProvider } from './graph-token';

/** Proactive installation through Graph, when configured (never in local mode without Graph credentials). */
export function installRouteFrom(config: Config): InstallRoute | undefined {
  const graph = config.graphInstall;
  if (graph === undefined) return undefined;
  return {
    installer: createGraphAppInstaller({
      baseUrl: graph.baseUrl,
      catalogAppId: graph.catalogAppId,
      token: graphTokenProvider({ authorityUrl: graph.authorityUrl, clientId: graph.clientId, clientSecret: graph.clientSecret }),
    }),
    tenantId: graph.tenantId,
    serviceUrl: config.teamsServiceUrl ?? 'https://smba.trafficmanager.net/emea/',
  };
}
