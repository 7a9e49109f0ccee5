import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Config } from './config';
import { createTurnErrorHandler } from './handlers/turn-error';
import type { Logger } from './logger';

/** Bot Framework settings from our configuration; none in local mode (no app id: no authentication). */
export function authOptions(config: Pick<Config, 'credentials'>): ConfigurationBotFrameworkAuthenticationOptions {
  const c = config.credentials;
  if (c === undefined) return {};
  return {
    MicrosoftAppId: c.appId,
    MicrosoftAppType: c.appType,
    ...(c.appPassword === undefined ? {} : { MicrosoftAppPassword: c.appPassword }),
    ...(c.tenantId === undefined ? {} : { MicrosoftAppTenantId: c.tenantId }),
  };
}

/** Checks incoming tokens and gets outgoing ones; shared by the adapter and the outbox's sender. */
export const createBotFrameworkAuth = (config: Pick<Config, 'credentials'>): BotFrameworkAuthentication =>
  new ConfigurationBotFrameworkAuthentication(authOptions(config));

/** The CloudAdapter: checks incoming tokens, sends replies, and routes failed turns to onTurnError. */
export function createAdapter(config: Pick<Config, 'locale'>, auth: BotFrameworkAuthentication, logger: Logger): CloudAdapter {
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = createTurnErrorHandler(config, logger);
  return adapter;
}
