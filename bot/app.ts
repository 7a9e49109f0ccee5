import type { CloudAdapter } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import { systemClock, type Clock } from '../domain/shared/time';
import type { Storage } from '../storage';
import { createAdapter, createBotFrameworkAuth } from './adapter';
import type { Config } from './config';
import type { Logger } from './logger';
import { createBotServer } from './server';
import { ForumBot } from './teams-bot';

export interface BotAppDeps {
  config: Config;
  logger: Logger;
  storage: Storage;
  clock?: Clock;
  /** How long `close()` waits for turns in flight (default 10 s). */
  shutdownGraceMs?: number;
  /** How long /healthz waits for storage (default 2 s). */
  healthTimeoutMs?: number;
}

export interface BotApp {
  /** Starts listening (port 0: any free port) and resolves with the actual port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops taking requests and waits (bounded) for turns in flight. */
  close(): Promise<void>;
  /** For proactive sends (outbox): the same adapter and credentials as incoming turns. */
  adapter: CloudAdapter;
  auth: BotFrameworkAuthentication;
}

/** Wires the bot: adapter (auth + onTurnError), the Teams handler over the repositories, the HTTP server. */
export function createBotApp(deps: BotAppDeps): BotApp {
  const { config, logger, storage } = deps;
  const auth = createBotFrameworkAuth(config);
  const adapter = createAdapter(config, auth, logger);
  const bot = new ForumBot({
    config,
    logger,
    clock: deps.clock ?? systemClock,
    fora: storage.fora,
    members: storage.members,
    conversations: storage.conversations,
    knownUsers: storage.knownUsers,
    audit: storage.audit,
  });
  const server = createBotServer({
    adapter,
    bot,
    ping: () => storage.ping(),
    logger,
    ...(deps.healthTimeoutMs === undefined ? {} : { healthTimeoutMs: deps.healthTimeoutMs }),
  });
  return {
    listen: (port, host) => server.listen(port, host),
    close: () => server.close(deps.shutdownGraceMs),
    adapter,
    auth,
  };
}
