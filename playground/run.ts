/**
 * `npm run playground`: try Forumbot without a Microsoft 365 tenant. Starts the bot the way
 * `npm start` does (startForumbot: seeded fora, embedded Azurite) with its own store in
 * `.data/playground/`, loads the demo data set, starts Microsoft 365 Agents Playground in front of
 * it and prints the address to open. `-- --fresh` starts from an empty store (the bot greets again).
 *
 * Environment: PORT (bot, default 3978), PLAYGROUND_PORT (default 56150), PLAYGROUND_USER (who you
 * are: a given name from the config, default Mette), PLAYGROUND_LOCALE (the Teams client's
 * language, default da-DK; en-US for English), LOG_LEVEL (default warn here).
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../bot/config';
import { createLogger } from '../bot/logger';
import { startForumbot } from '../bot/start';
import { startAzurite } from '../storage/azurite';
import { createStorage } from '../storage/index';
import { applyDemoData, describeRoles } from './demo-data';
import { startLocaleProxy } from './locale-proxy';
import { listPeople, withCurrentUser } from './playground-config';
import { startPlayground } from './playground-process';

const CONFIG_FILE = fileURLToPath(new URL('./.m365agentsplayground.yml', import.meta.url));

const PlaygroundEnv = z.object({
  PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
  PLAYGROUND_LOCALE: z
    .string()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a locale such as da-DK or en-US')
    .default('da-DK'),
  PLAYGROUND_USER: z.string().trim().min(1).optional(),
});

/** Settings that would point the trial at real Teams or real storage; this mode never uses them. */
const IGNORED = ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'STORAGE_CONNECTION_STRING'] as const;

async function run(): Promise<void> {
  const env = PlaygroundEnv.safeParse(process.env);
  if (!env.success) throw new ConfigError(`Invalid configuration: ${env.error.issues.map((i) => `${String(i.path[0])} ${i.message}`).join('; ')}`);
  const ignored = IGNORED.filter((name) => (process.env[name] ?? '').trim() !== '');
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    ...process.env,
    ...Object.fromEntries(IGNORED.map((name) => [name, ''])),
  });
  const logger = createLogger(config.logLevel);
  if (ignored.length > 0) logger.warn({ ignored }, 'npm run playground runs locally without authentication and with its own store; these settings are ignored');

  const home = path.resolve(config.dataDir, 'playground');
  if (process.argv.includes('--fresh')) await rm(home, { recursive: true, force: true });

  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => logger.error({ err: error }, 'stopping failed'));
  };
  try {
    const azurite = await startAzurite({ location: path.join(home, 'azurite') });
    stops.push(() => azurite.stop());
    const bot = await startForumbot({ ...config, storageConnectionString: azurite.connectionString }, logger);
    stops.push(() => bot.stop());
    const proxy = await startLocaleProxy({ target: `http://127.0.0.1:${bot.port}/api/messages`, locale: env.data.PLAYGROUND_LOCALE });
    stops.push(() => proxy.close());
    const shipped = await readFile(CONFIG_FILE, 'utf8');
    const playgroundConfig = env.data.PLAYGROUND_USER === undefined ? shipped : withCurrentUser(shipped, env.data.PLAYGROUND_USER);
    const me = listPeople(playgroundConfig)[0]!;
    const playground = await startPlayground({
      botEndpoint: proxy.endpoint,
      port: env.data.PLAYGROUND_PORT,
      workDir: path.join(home, 'agents-playground'),
      config: playgroundConfig,
      onOutput: (line) => logger.debug({ playground: line }, 'Agents Playground'),
    });
    stops.push(() => playground.stop());
    const demo = await applyDemoData(createStorage(azurite.connectionString), playground.connectorUrl);
    logger.info(demo, 'demo data loaded');

    const open = `http://localhost:${playground.port}/`;
    process.stdout.write(
      [
        '',
        `  Forumbot kører i Microsoft 365 Agents Playground — åbn ${open}`,
        `  Forumbot is running in Microsoft 365 Agents Playground — open ${open}`,
        '',
        `  Du er ${me.name}: ${(await describeRoles(me.name)).join('; ')}.`,
        `  Kanalen General hører til Koordinationsgruppen, kanalen Kredsråd til Kredsråd.`,
        `  Skriv "hjælp" i Personal Chat, eller "@Forumbot hjælp" i en kanal. Se playground/README.md.`,
        `  En anden person: PLAYGROUND_USER=${listPeople(shipped)
          .slice(1)
          .map((p) => p.givenName.toLowerCase())
          .join('|')} npm run playground`,
        '',
        `  Bot: http://127.0.0.1:${bot.port}/api/messages · data: ${home} · stop: Ctrl+C`,
        `  Start forfra / start over: npm run playground -- --fresh`,
        '',
      ].join('\n') + '\n',
    );
  } catch (error) {
    await stopAll();
    throw error;
  }

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    void stopAll().then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

run().catch((error: unknown) => {
  process.stderr.write(`npm run playground could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
