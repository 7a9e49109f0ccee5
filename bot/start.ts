/**
 * Starts Forumbot from a checked configuration: the embedded Azurite when no storage is configured,
 * Ishøj's fora in an empty store, the bot's HTTP server, the outbox worker and the scheduled jobs. `stop()` stops taking
 * requests, lets in-flight turns and deliveries finish (bounded) and stops Azurite.
 */
import path from 'node:path';
import { startSupervisedAzurite, type SupervisedAzurite } from '../storage/azurite-supervisor';
import { storageAuthOf } from '../storage/account-credential';
import { createStorage, type StorageConnection } from '../storage/index';
import { createBotApp } from './app';
import { allowedTenantsOf, type Config } from './config';
import type { Logger } from './logger';
import type { Outbox } from './outbox/outbox';
import { seedForaIfEmpty } from './seed';
import { observeOutboxQueue } from './telemetry/outbox-telemetry';

export interface RunningForumbot {
  port: number;
  outbox: Outbox;
  stop(): Promise<void>;
}

const SHUTDOWN_GRACE_MS = 10_000;

const isLoopback = (host: string | undefined): boolean => host !== undefined && (host === 'localhost' || host === '::1' || /^127\./.test(host));

/** What start-up does when the embedded storage cannot be kept alive: by default, exit non-zero. */
export interface StartOptions {
  onStorageLost?(error: Error): void;
}

export async function startForumbot(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningForumbot> {
  if (config.credentials === undefined) {
    logger.warn(
      'LOCAL MODE: MicrosoftAppId is not set, so requests to /api/messages are NOT authenticated. ' +
        'Use this only on your own machine; set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId for Teams.',
    );
  }
  let azurite: SupervisedAzurite | undefined;
  let connection: StorageConnection | undefined = config.storageAccountUrl === undefined ? config.storageConnectionString : { accountUrl: config.storageAccountUrl };
  if (connection === undefined) {
    const location = path.resolve(config.dataDir, 'azurite');
    azurite = await startSupervisedAzurite({
      location,
      onLeftoverStopped: (pid) => logger.warn({ pid, location }, 'a leftover Azurite from an earlier run on the same data folder was stopped'),
      onRestart: (event) => logger.error(event, 'embedded Azurite died; starting it again on the same port'),
      onGiveUp:
        options.onStorageLost ??
        ((error) => {
          logger.fatal({ err: error }, 'embedded Azurite keeps dying; Forumbot stops');
          process.exit(1);
        }),
    });
    connection = azurite.connectionString;
    logger.info({ port: azurite.port, pid: azurite.pid(), location }, 'embedded Azurite started (no STORAGE_CONNECTION_STRING)');
  }
  try {
    logger.info({ auth: storageAuthOf(connection), ...(config.storageAccountUrl === undefined ? {} : { endpoint: config.storageAccountUrl }) }, 'storage connected lazily; tables are created on first use');
    const storage = createStorage(connection);
    await seedForaIfEmpty(storage, logger);
    const app = createBotApp({ config, logger, storage, shutdownGraceMs: SHUTDOWN_GRACE_MS });
    const { outbox, scheduler } = app;
    const port = await app.listen(config.port, config.host);
    outbox.start();
    scheduler.start();
    // Queue gauges for telemetry (read only when metrics are exported; nothing when it is off).
    const stopObserving = observeOutboxQueue(storage.outbox);
    const shownHost = config.host === undefined ? '0.0.0.0' : config.host.includes(':') ? `[${config.host}]` : config.host;
    logger.info({ port, host: config.host ?? 'all interfaces' }, `Forumbot listens on http://${shownHost}:${port}/api/messages`);
    if (config.credentials === undefined) {
      if (isLoopback(config.host)) logger.info(`LOCAL MODE: listening on ${shownHost} only, so only this machine can reach the bot (set HOST to change that).`);
      else logger.warn(`LOCAL MODE on ${shownHost}: the UNAUTHENTICATED bot is reachable from the network because HOST says so.`);
    }
    const tenants = allowedTenantsOf(config);
    if (tenants === undefined) logger.info('tenant filter off (local mode): activities from any tenant are accepted');
    else logger.info({ tenants }, 'only activities from these tenants are accepted');
    return {
      port,
      outbox,
      stop: async () => {
        stopObserving();
        await app.close();
        await scheduler.stop({ timeoutMs: SHUTDOWN_GRACE_MS });
        const { abandoned } = await outbox.stop({ timeoutMs: SHUTDOWN_GRACE_MS });
        if (abandoned > 0) logger.warn({ abandoned }, 'outbox deliveries still in flight at shutdown; they resume at the next start');
        await azurite?.stop();
        logger.info('stopped');
      },
    };
  } catch (error) {
    await azurite?.stop();
    throw error;
  }
}
