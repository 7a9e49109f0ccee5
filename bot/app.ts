import type { CloudAdapter } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import { systemClock, type Clock } from '../domain/shared/time';
import type { Storage } from '../storage';
import { createAdapter, createBotFrameworkAuth } from './adapter';
import { allowedTenantsOf } from './config';
import { createTenantFilter } from './handlers/tenant-filter';
import type { Config } from './config';
import type { BotFeature } from './core/feature';
import { runRoute } from './core/http-route';
import { entryPointsOf } from './core/registry';
import { features as allFeatures } from './features';
import type { BotServices } from './core/services';
import type { Logger } from './logger';
import { createBotFrameworkSender } from './outbox/bot-framework-sender';
import { createOutbox, type Outbox, type OutboxOptions } from './outbox/outbox';
import { createConnectorTeamDirectory } from './reach/connector-team-directory';
import { tellCauserUndelivered } from './reach/undelivered-notice';
import { installRouteFrom } from './reach/install-route';
import { createReachService } from './reach/reach.service';
import { stillWantedIn } from './reach/still-wanted';
import { createScheduler, type Scheduler } from './scheduler';
import { createBotServer } from './server';
import { tracedJob } from './telemetry/job-telemetry';
import { tracedSender } from './telemetry/outbox-telemetry';
import { ForumBot } from './teams-bot';
import { withPictureTracking } from './picture/picture-tracking';
import { withLiveRule } from './agendas/agenda-live-rule';

export interface BotAppDeps {
  config: Config;
  logger: Logger;
  storage: Storage;
  clock?: Clock;
  /** How long `close()` waits for turns in flight (default 10 s). */
  shutdownGraceMs?: number;
  /** How long /healthz waits for storage (default 2 s). */
  healthTimeoutMs?: number;
  /** Overrides for the outbox (tests: poll interval, limits, a different sender). */
  outbox?: Partial<Omit<OutboxOptions, 'repository' | 'conversations' | 'knownUsers' | 'logger' | 'rosters'>>;
  /** Default: every feature in `bot/features.ts`. */
  features?: readonly BotFeature[];
}

export interface BotApp {
  /** Starts listening (port 0: any free port) and resolves with the actual port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops taking requests and waits (bounded) for turns in flight. Does not stop outbox or scheduler. */
  close(): Promise<void>;
  /** For proactive sends (outbox): the same adapter and credentials as incoming turns. */
  adapter: CloudAdapter;
  auth: BotFrameworkAuthentication;
  /** Not started: `start()` it to deliver (the running bot does; most tests only look at what was queued). */
  outbox: Outbox;
  /** The features' jobs; not started. */
  scheduler: Scheduler;
  services: BotServices;
}

/** Wires the bot: adapter (auth + onTurnError), services over the repositories, outbox, features, HTTP server. */
export function createBotApp(deps: BotAppDeps): BotApp {
  const { config, logger, storage } = deps;
  const clock = deps.clock ?? systemClock;
  const features = deps.features ?? allFeatures;
  const auth = createBotFrameworkAuth(config);
  const adapter = createAdapter(config, auth, logger);
  // First in the pipeline: an activity from another tenant reaches no handler and writes nothing.
  const tenants = allowedTenantsOf(config);
  if (tenants !== undefined) adapter.use(createTenantFilter(tenants, logger.child({ component: 'tenant-filter' })));
  const appId = config.credentials?.appId;
  const install = installRouteFrom(config);
  const outbox: Outbox = createOutbox({
    sender: tracedSender(createBotFrameworkSender({ auth, ...(appId === undefined ? {} : { appId }) })),
    ...(appId === undefined ? {} : { botId: `28:${appId}` }),
    clock,
    emailOf: async (userId) => {
      // A forum member's e-mail finds them on a roster when their Entra id is not there (imported people).
      for (const membership of await storage.members.listMembershipsOfUser(userId)) {
        const email = (await storage.members.find(membership.forumId, userId))?.email;
        if (email !== undefined) return email;
      }
      return undefined;
    },
    ...(install === undefined ? {} : { install }),
    stillWanted: stillWantedIn(storage),
    onUndeliverable: (message) => tellCauserUndelivered({ outbox, conversations: storage.conversations, fora: storage.fora, config }, message),
    ...deps.outbox,
    repository: storage.outbox,
    conversations: storage.conversations,
    knownUsers: storage.knownUsers,
    rosters: storage.teamRosters,
    logger: logger.child({ component: 'outbox' }),
  });
  const reach = createReachService({
    rosters: storage.teamRosters,
    directory: createConnectorTeamDirectory({ auth, ...(appId === undefined ? {} : { appId }) }),
    outbox,
    clock,
    logger: logger.child({ component: 'reach' }),
  });
  const { ping: _ping, dropAll: _dropAll, outbox: _outboxRepository, ...repositories } = storage;
  const agendas = withLiveRule(repositories.agendas, () => clock.now());
  const services: BotServices = { ...withPictureTracking({ ...repositories, agendas }, logger, () => clock.now()), config, logger, clock, outbox, outboxRecords: storage.outbox, reach };
  // Gathered once: a verb or command word claimed twice stops the start here.
  const bot = new ForumBot(services, entryPointsOf(features));
  const server = createBotServer({
    adapter,
    bot,
    ping: () => storage.ping(),
    workersRunning: () => outbox.isRunning(),
    logger,
    routes: features.flatMap((feature) => feature.routes?.(services) ?? []),
    runRoute: (route, req) => runRoute(route, req, services),
    ...(deps.healthTimeoutMs === undefined ? {} : { healthTimeoutMs: deps.healthTimeoutMs }),
  });
  const scheduler = createScheduler(
    features.flatMap((feature) => feature.jobs?.(services) ?? []).map(tracedJob),
    { clock, logger: logger.child({ component: 'scheduler' }), leases: storage.jobLeases },
  );
  return {
    listen: (port, host) => server.listen(port, host),
    close: () => server.close(deps.shutdownGraceMs),
    adapter,
    auth,
    outbox,
    scheduler,
    services,
  };
}
