import { z } from 'zod';
import { isKnownTimeZone } from '../domain/meetings/zoned-time';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** Environment variables, with the standard Bot Framework names. */
const EnvSchema = z
  .object({
    PORT: z.coerce.number({ error: 'must be a port number' }).int('must be a whole number').min(1, 'must be 1–65535').max(65535, 'must be 1–65535').default(3978),
    STORAGE_CONNECTION_STRING: optionalText.refine(
      (value) => value === undefined || /(^|;)\s*(TableEndpoint|AccountName|UseDevelopmentStorage)\s*=/i.test(value),
      'is not an Azure Storage connection string (expected AccountName=…;AccountKey=… or TableEndpoint=…)',
    ),
    /**
     * The storage account's table endpoint, reached with DefaultAzureCredential (the App Service's
     * managed identity, a developer's az login): no key anywhere. Connection strings are for Azurite.
     */
    STORAGE_ACCOUNT_URL: optionalText.pipe(
      z
        .url({ protocol: /^https$/, hostname: /\.table\./, error: 'must be the table endpoint over https, e.g. https://forumbot.table.core.windows.net' })
        .transform((url) => url.replace(/\/+$/, ''))
        .optional(),
    ),
    MicrosoftAppId: optionalText.refine(
      (value) => value === undefined || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
      'must be the app registration GUID (Application (client) ID)',
    ),
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.enum(['SingleTenant', 'UserAssignedMSI', 'MultiTenant'], { error: 'must be SingleTenant, UserAssignedMSI or MultiTenant' }).optional(),
    ),
    MicrosoftAppTenantId: optionalText,
    BOT_LOCALE: z.enum(['da-DK', 'en-US', 'en-GB'], { error: 'must be da-DK, en-US or en-GB' }).default('da-DK'),
    BOT_TIMEZONE: z
      .string()
      .default('Europe/Copenhagen')
      .refine((zone) => isKnownTimeZone(zone), 'is not an IANA time zone (e.g. Europe/Copenhagen)'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Where people's browsers reach the bot's server (links on cards: calendar files, downloads, the tab). */
    BOT_PUBLIC_URL: optionalText.pipe(
      z
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://forumbot.ishoj.dk' })
        .transform((url) => url.replace(/\/+$/, ''))
        .optional(),
    ),
    /** Application Insights: telemetry goes to Azure Monitor when set, nowhere otherwise. */
    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.refine(
      (value) => value === undefined || /(^|;)\s*InstrumentationKey\s*=/i.test(value),
      'is not an Application Insights connection string (expected InstrumentationKey=…;IngestionEndpoint=…)',
    ),
    /** Folder for the embedded Azurite's files. */
    DATA_DIR: z.string().min(1).default('.data'),
  })
  .superRefine((env, ctx) => {
    if (env.STORAGE_ACCOUNT_URL !== undefined && env.STORAGE_CONNECTION_STRING !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['STORAGE_ACCOUNT_URL'], message: 'and STORAGE_CONNECTION_STRING are both set; set only one (the account URL in Azure, a connection string for Azurite)' });
    }
    if (env.MicrosoftAppId === undefined) return;
    const type = env.MicrosoftAppType ?? 'SingleTenant';
    if (type !== 'UserAssignedMSI' && env.MicrosoftAppPassword === undefined) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (type !== 'MultiTenant' && env.MicrosoftAppTenantId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `is required for a ${type} bot` });
    }
  });

export interface BotCredentials {
  appId: string;
  appPassword?: string;
  appType: 'SingleTenant' | 'UserAssignedMSI' | 'MultiTenant';
  tenantId?: string;
}

export interface Config {
  port: number;
  /** Absent (and no account URL): start the embedded Azurite. */
  storageConnectionString?: string;
  /** The table endpoint, reached with DefaultAzureCredential; never set together with a connection string. */
  storageAccountUrl?: string;
  /** Absent: local mode, no authentication. */
  credentials?: BotCredentials;
  locale: 'da-DK' | 'en-US' | 'en-GB';
  timeZone: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  dataDir: string;
  /** Absent: no telemetry leaves the process. */
  applicationInsightsConnectionString?: string;
  /** Base URL for links on cards, without a trailing slash. Default http://localhost:<port>. */
  publicUrl: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and checks the configuration; a bad value throws one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'configuration');
      const value = env[name];
      const shown = value === undefined || /Password|CONNECTION_STRING/i.test(name) ? '' : ` (got "${value}")`;
      return `${name} ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    ...(e.STORAGE_CONNECTION_STRING === undefined ? {} : { storageConnectionString: e.STORAGE_CONNECTION_STRING }),
    ...(e.STORAGE_ACCOUNT_URL === undefined ? {} : { storageAccountUrl: e.STORAGE_ACCOUNT_URL }),
    ...(e.APPLICATIONINSIGHTS_CONNECTION_STRING === undefined ? {} : { applicationInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING }),
    ...(e.MicrosoftAppId === undefined
      ? {}
      : {
          credentials: {
            appId: e.MicrosoftAppId,
            appType: e.MicrosoftAppType ?? 'SingleTenant',
            ...(e.MicrosoftAppPassword === undefined ? {} : { appPassword: e.MicrosoftAppPassword }),
            ...(e.MicrosoftAppTenantId === undefined ? {} : { tenantId: e.MicrosoftAppTenantId }),
          },
        }),
    locale: e.BOT_LOCALE,
    timeZone: e.BOT_TIMEZONE,
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    publicUrl: e.BOT_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
  };
}
