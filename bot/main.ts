/**
 * `npm start`. The configuration is checked before anything heavy is loaded, so a bad value stops
 * start-up at once with one line naming the variable (exit code 1).
 */
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { startTelemetry } = await import('./telemetry/telemetry');
  const telemetry = startTelemetry({ ...(config.applicationInsightsConnectionString === undefined ? {} : { applicationInsightsConnectionString: config.applicationInsightsConnectionString }) });
  const logger = createLogger(config.logLevel, undefined, telemetry.logs);
  if (telemetry.enabled) logger.info('telemetry to Azure Monitor (APPLICATIONINSIGHTS_CONNECTION_STRING)');
  const { startForumbot } = await import('./start');
  const running = await startForumbot(config, logger);
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running
      .stop()
      .then(() => telemetry.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Forumbot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
