/**
 * Starts Forumbot from a checked configuration: the embedded Azurite when no storage is configured,
 * Ishøj's fora in an empty store, the bot's HTTP server, the outbox worker and the scheduled jobs. `stop()` stops taking
 * requests, lets in-flight turns and deliveries finish (bounded) and stops Azurite.
 */
import path from 'node:path';
import { startAzurite, type RunningAzurite } from '../storage/azurite';
import { storageAuthOf } from '../storage/account-credential';
import { createStorage, type StorageConnection } from '../storage/index';
import { createBotApp } from './app';
import type { Config } from './config';
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

export async function startForumbot(config: Config, logger: Logger): Promise<RunningForumbot> {
  if (config.credentials === undefined) {
    logger.warn(
      'LOCAL MODE: MicrosoftAppId is not set, so requests to /api/messages are NOT authenticated. ' +
        'Use this only on your own machine; set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId for Teams.',
    );
  }
  let azurite: RunningAzurite | undefined;
  let connection: StorageConnection | undefined = config.storageAccountUrl === undefined ? config.storageConnectionString : { accountUrl: config.storageAccountUrl };
  if (connection === undefined) {
    const location = path.resolve(config.dataDir, 'azurite');
    azurite = await startAzurite({ location });
    connection = azurite.connectionString;
    logger.info({ port: azurite.port, location }, 'embedded Azurite started (no STORAGE_CONNECTION_STRING)');
  }
  try {
    logger.info({ auth: storageAuthOf(connection), ...(config.storageAccountUrl === undefined ? {} : { endpoint: config.storageAccountUrl }) }, 'storage connected lazily; tables are created on first use');
    const storage = createStorage(connection);
    await seedForaIfEmpty(storage, logger);
    const app = createBotApp({ config, logger, storage, shutdownGraceMs: SHUTDOWN_GRACE_MS });
    const { outbox, scheduler } = app;
    const port = await app.listen(config.port);
    outbox.start();
    scheduler.start();
    // Queue gauges for telemetry (read only when metrics are exported; nothing when it is off).
    const stopObserving = observeOutboxQueue(storage.outbox);
    logger.info({ port }, `Forumbot listens on http://127.0.0.1:${port}/api/messages`);
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
