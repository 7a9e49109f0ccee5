import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';
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

/**
 * The CloudAdapter, entered with an activity our server has already checked: `CloudAdapter.process`
 * would answer a failure with the error's own message (a DNS error, a botbuilder internal); the
 * server calls `processChecked` and chooses the answer itself.
 */
export class ForumbotAdapter extends CloudAdapter {
  processChecked(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/** The status botframework gave a token it could not verify, or undefined for any other error. */
export const tokenFailureStatus = (error: unknown): number | undefined => (error instanceof AuthenticationError ? error.statusCode : undefined);

/** The adapter: checks incoming tokens, sends replies, and routes failed turns to onTurnError. */
export function createAdapter(config: Pick<Config, 'locale'>, auth: BotFrameworkAuthentication, logger: Logger): ForumbotAdapter {
  const adapter = new ForumbotAdapter(auth);
  adapter.onTurnError = createTurnErrorHandler(config, logger);
  return adapter;
}
