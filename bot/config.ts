import { z } from 'zod';
import { isKnownTimeZone } from '../domain/meetings/zoned-time';
import { DEFAULT_RETENTION, RETENTION_LIMITS, type RetentionField, type RetentionSettings } from '../domain/privacy/retention-settings';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LINK_KEY = /^([A-Za-z0-9_-]{1,16}):(\S{32,})$/;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A retention period in whole units within the domain's range, e.g. RETENTION_AUDIT_YEARS=5. */
const retentionPeriod = (field: RetentionField) => {
  const { min, max, fallback } = RETENTION_LIMITS[field];
  return z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(min, `must be ${min}–${max}`).max(max, `must be ${min}–${max}`).default(fallback);
};

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
    /** Install the app through Microsoft Graph for people in no team the app is in. */
    GRAPH_APP_INSTALL: z.enum(['on', 'off'], { error: 'must be on or off' }).default('off'),
    TEAMS_APP_CATALOG_ID: optionalText,
    GRAPH_CLIENT_ID: optionalText,
    GRAPH_CLIENT_SECRET: optionalText,
    GRAPH_TENANT_ID: optionalText,
    GRAPH_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://graph.microsoft.com/v1.0/'),
    GRAPH_AUTHORITY_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://login.microsoftonline.com'),
    /** The connector for 1:1 chats Graph made, until Teams tells the bot its own. */
    TEAMS_SERVICE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://smba.trafficmanager.net/emea/'),
    ROSTER_REFRESH_HOURS: z.coerce.number({ error: 'must be a number of hours' }).int('must be a whole number').min(1, 'must be 1–168').max(168, 'must be 1–168').default(24),
    /** Interface to listen on; default 127.0.0.1 in local mode (nobody else can reach an unauthenticated bot), all otherwise. */
    HOST: optionalText.refine((value) => value === undefined || /^[A-Za-z0-9.:[\]-]{1,253}$/.test(value), 'must be an IP address or a host name, e.g. 127.0.0.1 or 0.0.0.0'),
    /** Tenants whose people may use the bot, comma-separated; default MicrosoftAppTenantId. */
    BOT_ALLOWED_TENANTS: optionalText.refine(
      (value) => value === undefined || value.split(',').every((id) => GUID.test(id.trim())),
      'must be tenant GUIDs separated by commas',
    ),
    /** Entra object ids of the privacy administrators (access requests, removing a person, every forum's audit), comma-separated. */
    BOT_ADMINS: optionalText.refine(
      (value) => value === undefined || value.split(',').every((id) => GUID.test(id.trim())),
      'must be Entra object ids (GUIDs) separated by commas',
    ),
    RETENTION_AGENDA_INPUT_MONTHS: retentionPeriod('agendaInputMonths'),
    RETENTION_CLOSED_CASE_YEARS: retentionPeriod('closedCaseYears'),
    RETENTION_CLOSED_ACTION_ITEM_YEARS: retentionPeriod('closedActionItemYears'),
    RETENTION_OUTBOX_WEEKS: retentionPeriod('outboxWeeks'),
    RETENTION_AUDIT_YEARS: retentionPeriod('auditYears'),
    /** `<key id>:<secret>` (32+ characters) signing every download link; more after commas are still accepted (rotation). */
    BOT_LINK_SECRET: optionalText.refine(
      (value) => value === undefined || value.split(',').every((key) => LINK_KEY.test(key.trim())),
      'must be <key id>:<secret of at least 32 characters>, e.g. k1:…; older keys may follow after commas',
    ),
  })
  .superRefine((env, ctx) => {
    if (env.STORAGE_ACCOUNT_URL !== undefined && env.STORAGE_CONNECTION_STRING !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['STORAGE_ACCOUNT_URL'], message: 'and STORAGE_CONNECTION_STRING are both set; set only one (the account URL in Azure, a connection string for Azurite)' });
    }
    if (env.GRAPH_APP_INSTALL === 'on') {
      if (env.TEAMS_APP_CATALOG_ID === undefined) ctx.addIssue({ code: 'custom', path: ['TEAMS_APP_CATALOG_ID'], message: 'is required when GRAPH_APP_INSTALL=on' });
      if ((env.GRAPH_CLIENT_ID ?? env.MicrosoftAppId) === undefined) ctx.addIssue({ code: 'custom', path: ['GRAPH_CLIENT_ID'], message: 'is required when GRAPH_APP_INSTALL=on in local mode (no MicrosoftAppId)' });
      if ((env.GRAPH_CLIENT_SECRET ?? env.MicrosoftAppPassword) === undefined) ctx.addIssue({ code: 'custom', path: ['GRAPH_CLIENT_SECRET'], message: 'is required when GRAPH_APP_INSTALL=on (or MicrosoftAppPassword)' });
      if ((env.GRAPH_TENANT_ID ?? env.MicrosoftAppTenantId) === undefined) ctx.addIssue({ code: 'custom', path: ['GRAPH_TENANT_ID'], message: 'is required when GRAPH_APP_INSTALL=on (or MicrosoftAppTenantId)' });
    }
    if (env.MicrosoftAppId === undefined) return;
    const type = env.MicrosoftAppType ?? 'SingleTenant';
    if (type !== 'UserAssignedMSI' && env.MicrosoftAppPassword === undefined) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (type !== 'MultiTenant' && env.MicrosoftAppTenantId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `is required for a ${type} bot` });
    }
    // Only our own tenant(s) may use the bot: the tenant GUID, from one setting or the other.
    if (env.BOT_ALLOWED_TENANTS === undefined && !GUID.test(env.MicrosoftAppTenantId ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['BOT_ALLOWED_TENANTS'], message: 'is required when MicrosoftAppTenantId is not the tenant GUID (the bot accepts only the tenants it is told)' });
    }
    if (env.BOT_LINK_SECRET === undefined) {
      ctx.addIssue({ code: 'custom', path: ['BOT_LINK_SECRET'], message: 'is required when MicrosoftAppId is set (it signs download and calendar links): <key id>:<secret of 32+ characters>' });
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
  /** Interface to listen on; absent: every interface. loadConfig sets 127.0.0.1 in local mode. */
  host?: string;
  /** Tenant GUIDs (lower case) whose activities are accepted; absent (local mode only): any. */
  allowedTenants?: readonly string[];
  /** Keys for signed links, the first signs; absent (local mode only): a random key per process. */
  linkKeys?: readonly LinkKey[];
  /** Proactive installation through Graph; absent: off. */
  graphInstall?: GraphInstallConfig;
  /** Default https://smba.trafficmanager.net/emea/. */
  teamsServiceUrl?: string;
  /** Default 24. */
  rosterRefreshHours?: number;
  /** Entra object ids (lower case) of the privacy administrators; absent: nobody. */
  admins?: readonly string[];
  /** The municipality's retention periods; absent: the defaults. Fora may override them. */
  retention?: RetentionSettings;
}

export interface GraphInstallConfig {
  catalogAppId: string;
  clientId: string;
  clientSecret: string;
  tenantId: string;
  baseUrl: string;
  authorityUrl: string;
}

export interface LinkKey {
  id: string;
  secret: string;
}

/**
 * The tenants whose activities are accepted: the configured list, else (for a Config built in code)
 * the app registration's tenant GUID; undefined in local mode without either (anyone on this machine).
 */
export function allowedTenantsOf(config: Pick<Config, 'allowedTenants' | 'credentials'>): readonly string[] | undefined {
  if (config.allowedTenants !== undefined) return config.allowedTenants;
  const tenantId = config.credentials?.tenantId;
  return tenantId !== undefined && GUID.test(tenantId) ? [tenantId.toLowerCase()] : undefined;
}

const linkKeysOf = (value: string): LinkKey[] =>
  value.split(',').map((key) => {
    const [, id = '', secret = ''] = LINK_KEY.exec(key.trim()) ?? [];
    return { id, secret };
  });

/** The retention periods in force for the municipality. */
export const retentionSettingsOf = (config: Pick<Config, 'retention'>): RetentionSettings => config.retention ?? DEFAULT_RETENTION;

/** Is this person a privacy administrator (BOT_ADMINS)? */
export const isAdmin = (config: Pick<Config, 'admins'>, userId: string | undefined): boolean =>
  userId !== undefined && (config.admins ?? []).includes(userId.toLowerCase());

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
      const shown = value === undefined || /Password|SECRET|CONNECTION_STRING/i.test(name) ? '' : ` (got "${value}")`;
      return `${name} ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const tenantList = e.BOT_ALLOWED_TENANTS?.split(',') ?? (e.MicrosoftAppTenantId !== undefined && GUID.test(e.MicrosoftAppTenantId) ? [e.MicrosoftAppTenantId] : []);
  const allowedTenants = tenantList.map((id) => id.trim().toLowerCase());
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
    ...(e.GRAPH_APP_INSTALL === 'on'
      ? {
          graphInstall: {
            catalogAppId: e.TEAMS_APP_CATALOG_ID ?? '',
            clientId: e.GRAPH_CLIENT_ID ?? e.MicrosoftAppId ?? '',
            clientSecret: e.GRAPH_CLIENT_SECRET ?? e.MicrosoftAppPassword ?? '',
            tenantId: e.GRAPH_TENANT_ID ?? e.MicrosoftAppTenantId ?? '',
            baseUrl: e.GRAPH_BASE_URL,
            authorityUrl: e.GRAPH_AUTHORITY_URL,
          },
        }
      : {}),
    teamsServiceUrl: e.TEAMS_SERVICE_URL,
    rosterRefreshHours: e.ROSTER_REFRESH_HOURS,
    ...(e.HOST !== undefined ? { host: e.HOST } : e.MicrosoftAppId === undefined ? { host: '127.0.0.1' } : {}),
    ...(allowedTenants.length === 0 ? {} : { allowedTenants }),
    ...(e.BOT_LINK_SECRET === undefined ? {} : { linkKeys: linkKeysOf(e.BOT_LINK_SECRET) }),
    ...(e.BOT_ADMINS === undefined ? {} : { admins: e.BOT_ADMINS.split(',').map((id) => id.trim().toLowerCase()) }),
    retention: {
      agendaInputMonths: e.RETENTION_AGENDA_INPUT_MONTHS,
      closedCaseYears: e.RETENTION_CLOSED_CASE_YEARS,
      closedActionItemYears: e.RETENTION_CLOSED_ACTION_ITEM_YEARS,
      outboxWeeks: e.RETENTION_OUTBOX_WEEKS,
      auditYears: e.RETENTION_AUDIT_YEARS,
    },
  };
}
