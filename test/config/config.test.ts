import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bot/config';

const GUID = '0b5c8e5e-1d2a-4c39-9d8e-2f6f7a1b2c3d';
const TENANT = '7C1E4A52-3D9B-4F60-8A21-5B0C9E7D3F14';
const LINK_SECRET = 'k2:0123456789abcdef0123456789abcdef';
const TEAMS = { MicrosoftAppId: GUID, MicrosoftAppPassword: 's3cret', MicrosoftAppTenantId: TENANT, BOT_LINK_SECRET: LINK_SECRET };

describe('loadConfig', () => {
  it('given an empty environment then it uses the embedded defaults (local mode, Danish, Copenhagen)', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      port: 3978,
      locale: 'da-DK',
      timeZone: 'Europe/Copenhagen',
      logLevel: 'info',
      dataDir: '.data',
      publicUrl: 'http://localhost:3978',
      teamsServiceUrl: 'https://smba.trafficmanager.net/emea/',
      rosterRefreshHours: 24,
      host: '127.0.0.1',
      retention: { agendaInputMonths: 6, closedCaseYears: 3, closedActionItemYears: 2, outboxWeeks: 4, auditYears: 5 },
    });
    expect(config.graphInstall).toBeUndefined();
    expect(config.credentials).toBeUndefined();
    expect(config.storageConnectionString).toBeUndefined();
  });

  it('given a single-tenant app registration then it keeps the credentials', () => {
    const config = loadConfig({ MicrosoftAppId: GUID, MicrosoftAppPassword: 's3cret', MicrosoftAppTenantId: 'contoso.onmicrosoft.com', BOT_ALLOWED_TENANTS: TENANT, BOT_LINK_SECRET: LINK_SECRET });
    expect(config.credentials).toEqual({ appId: GUID, appPassword: 's3cret', appType: 'SingleTenant', tenantId: 'contoso.onmicrosoft.com' });
  });

  it('given GRAPH_APP_INSTALL=on with the bot\'s credentials then Graph install uses them; without a catalog id or in local mode without Graph credentials it is refused, secrets unshown', () => {
    const TENANT = '11111111-2222-3333-4444-555555555555';
    const bot = { MicrosoftAppId: GUID, MicrosoftAppPassword: 's3cret', MicrosoftAppTenantId: TENANT, BOT_LINK_SECRET: `k1:${'x'.repeat(40)}` };
    expect(loadConfig({ ...bot, GRAPH_APP_INSTALL: 'on', TEAMS_APP_CATALOG_ID: 'cat-1' }).graphInstall).toEqual({
      catalogAppId: 'cat-1',
      clientId: GUID,
      clientSecret: 's3cret',
      tenantId: TENANT,
      baseUrl: 'https://graph.microsoft.com/v1.0/',
      authorityUrl: 'https://login.microsoftonline.com',
    });
    expect(() => loadConfig({ ...bot, GRAPH_APP_INSTALL: 'on' })).toThrow(/TEAMS_APP_CATALOG_ID is required/);
    expect(() => loadConfig({ GRAPH_APP_INSTALL: 'on', TEAMS_APP_CATALOG_ID: 'cat-1' })).toThrow(/GRAPH_CLIENT_ID is required when GRAPH_APP_INSTALL=on in local mode/);
    const local = loadConfig({ GRAPH_APP_INSTALL: 'on', TEAMS_APP_CATALOG_ID: 'c', GRAPH_CLIENT_ID: 'g', GRAPH_CLIENT_SECRET: 'x', GRAPH_TENANT_ID: 't' });
    expect(local.credentials).toBeUndefined();
    expect(local.graphInstall?.clientId).toBe('g');
    expect(() => loadConfig({ GRAPH_APP_INSTALL: 'yes', GRAPH_CLIENT_SECRET: 'topsecret' })).toThrow(/GRAPH_APP_INSTALL must be on or off/);
    expect(() => loadConfig({ ROSTER_REFRESH_HOURS: '0' })).toThrow(/ROSTER_REFRESH_HOURS must be 1–168/);
  });

  it('given empty strings then they count as unset', () => {
    expect(loadConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '', STORAGE_CONNECTION_STRING: ' ' }).credentials).toBeUndefined();
  });

  it('given a public URL then links use it without a trailing slash, and a bad one is refused', () => {
    expect(loadConfig({ BOT_PUBLIC_URL: 'https://forumbot.ishoj.dk/' }).publicUrl).toBe('https://forumbot.ishoj.dk');
    expect(() => loadConfig({ BOT_PUBLIC_URL: 'forumbot.ishoj.dk' })).toThrow(/BOT_PUBLIC_URL must be an http\(s\) URL/);
  });

  it('given a storage connection string then it is used instead of the embedded Azurite', () => {
    const cs = 'DefaultEndpointsProtocol=https;AccountName=forumbot;AccountKey=abc==;EndpointSuffix=core.windows.net';
    expect(loadConfig({ STORAGE_CONNECTION_STRING: cs }).storageConnectionString).toBe(cs);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT must be a port number \(got "abc"\)$/],
    [{ PORT: '70000' }, /PORT must be 1–65535/],
    [{ PORT: '3.5' }, /PORT must be a whole number/],
    [{ BOT_TIMEZONE: 'Europe/Kobenhavn' }, /BOT_TIMEZONE is not an IANA time zone/],
    [{ BOT_LOCALE: 'sv-SE' }, /BOT_LOCALE must be da-DK, en-US or en-GB/],
    [{ MicrosoftAppId: 'not-a-guid' }, /MicrosoftAppId must be the app registration GUID/],
    [{ MicrosoftAppId: GUID, MicrosoftAppTenantId: 't' }, /MicrosoftAppPassword is required when MicrosoftAppId is set/],
    [{ MicrosoftAppId: GUID, MicrosoftAppPassword: 'p' }, /MicrosoftAppTenantId is required for a SingleTenant bot/],
    [{ MicrosoftAppType: 'Multi' }, /MicrosoftAppType must be SingleTenant, UserAssignedMSI or MultiTenant/],
    [{ STORAGE_CONNECTION_STRING: 'http://localhost:10002' }, /STORAGE_CONNECTION_STRING is not an Azure Storage connection string/],
  ])('given %o then start-up stops with one line naming the variable', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as ConfigError).message;
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('given local mode then the bot listens on 127.0.0.1 unless HOST says otherwise; with an app id on every interface', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig(TEAMS).host).toBeUndefined();
    expect(() => loadConfig({ HOST: 'http://x/' })).toThrow(/HOST must be an IP address or a host name/);
  });

  it('given an app registration then only its tenant is allowed, or the allow-list when one is given', () => {
    expect(loadConfig(TEAMS).allowedTenants).toEqual([TENANT.toLowerCase()]);
    const other = '5f1c9a9e-1b6a-4c0e-9a55-1a2b3c4d5e6f';
    expect(loadConfig({ ...TEAMS, BOT_ALLOWED_TENANTS: ` ${other}, ${TENANT}` }).allowedTenants).toEqual([other, TENANT.toLowerCase()]);
    expect(() => loadConfig({ ...TEAMS, MicrosoftAppTenantId: 'contoso.onmicrosoft.com' })).toThrow(/BOT_ALLOWED_TENANTS is required/);
    expect(() => loadConfig({ ...TEAMS, BOT_ALLOWED_TENANTS: 'contoso' })).toThrow(/BOT_ALLOWED_TENANTS must be tenant GUIDs/);
    expect(loadConfig({}).allowedTenants).toBeUndefined();
  });

  it('given an app registration then BOT_LINK_SECRET is required, read with its key id, older keys after it, and never echoed', () => {
    const { BOT_LINK_SECRET: _secret, ...withoutSecret } = TEAMS;
    expect(() => loadConfig(withoutSecret)).toThrow(/BOT_LINK_SECRET is required when MicrosoftAppId is set/);
    expect(loadConfig({ ...TEAMS, BOT_LINK_SECRET: `${LINK_SECRET},k1:ffffffffffffffffffffffffffffffff` }).linkKeys).toEqual([
      { id: 'k2', secret: '0123456789abcdef0123456789abcdef' },
      { id: 'k1', secret: 'ffffffffffffffffffffffffffffffff' },
    ]);
    expect(() => loadConfig({ ...TEAMS, BOT_LINK_SECRET: 'k1:tooshort' })).toThrow(/BOT_LINK_SECRET must be/);
    expect(() => loadConfig({ ...TEAMS, BOT_LINK_SECRET: 'k1:tooshort' })).not.toThrow(/tooshort/);
    expect(loadConfig({}).linkKeys).toBeUndefined();
  });

  it('given a bad password-bearing variable then its value is not echoed', () => {
    expect(() => loadConfig({ STORAGE_CONNECTION_STRING: 'AccountKey=supersecret' })).toThrow(/STORAGE_CONNECTION_STRING/);
    expect(() => loadConfig({ STORAGE_CONNECTION_STRING: 'AccountKey=supersecret' })).not.toThrow(/supersecret/);
  });
});
