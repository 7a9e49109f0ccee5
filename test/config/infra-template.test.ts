import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config';

/**
 * Nothing here compiles Bicep (`az bicep build --file infra/main.bicep` does, where the Azure CLI
 * is installed); these checks read the template's text.
 */
let bicep: string;
let settings: Map<string, string>;

beforeAll(async () => {
  bicep = await readFile('infra/main.bicep', 'utf8');
  settings = new Map([...bicep.matchAll(/\{ name: '([A-Za-z_]+)', value: (.+?) \}$/gm)].map((m) => [m[1]!, m[2]!]));
});

describe('infra/main.bicep', () => {
  it('reads no keys: no listKeys(, shared-key access off on the storage account, TLS 1.2', () => {
    expect(bicep).not.toMatch(/listKeys\(|listKeys\b|AccountKey=/);
    expect(bicep).toMatch(/allowSharedKeyAccess: false/);
    expect(bicep).toMatch(/minimumTlsVersion: 'TLS1_2'/);
  });

  it('gives the app a system-assigned identity with the table role on the account and secret reading on the vault', () => {
    expect(bicep).toMatch(/identity: \{ type: 'SystemAssigned' \}/);
    expect(bicep).toContain("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'"); // Storage Table Data Contributor
    expect(bicep).toContain("'4633458b-17de-408a-b874-0445c86b69e6'"); // Key Vault Secrets User
    const assignments = [...bicep.matchAll(/'Microsoft\.Authorization\/roleAssignments@[^']+' = \{[\s\S]*?\n\}/g)].map((m) => m[0]);
    expect(assignments).toHaveLength(2);
    for (const assignment of assignments) expect(assignment).toMatch(/principalId: site\.identity\.principalId/);
    expect(assignments.map((a) => /scope: (\w+)/.exec(a)?.[1]).sort()).toEqual(['storage', 'vault']);
    expect(bicep).toMatch(/enableRbacAuthorization: true/);
  });

  it('runs App Service as production needs: Linux Node 20, two instances, HTTPS only, TLS 1.2, FTPS off, ready health check, from package', () => {
    expect(bicep).toMatch(/linuxFxVersion: 'NODE\|20-lts'/);
    expect(bicep).toMatch(/capacity: 2/);
    expect(bicep).toMatch(/httpsOnly: true/);
    expect(bicep).toMatch(/minTlsVersion: '1\.2'/);
    expect(bicep).toMatch(/ftpsState: 'Disabled'/);
    expect(bicep).toMatch(/healthCheckPath: '\/healthz\/ready'/);
    expect(settings.get('WEBSITE_RUN_FROM_PACKAGE')).toBe("'1'");
    expect(bicep).toMatch(/appCommandLine: 'node [^']*dist\/bot\/main\.js'/);
  });

  it('has Log Analytics, Application Insights and a single-tenant Azure Bot with the Teams channel on /api/messages', () => {
    expect(bicep).toMatch(/'Microsoft\.OperationalInsights\/workspaces@/);
    expect(bicep).toMatch(/'Microsoft\.Insights\/components@[\s\S]*WorkspaceResourceId: logs\.id/);
    expect(bicep).toMatch(/msaAppType: 'SingleTenant'/);
    expect(bicep).toMatch(/endpoint: 'https:\/\/\$\{hostName\}\/api\/messages'/);
    expect(bicep).toMatch(/name: 'MsTeamsChannel'/);
  });

  it('keeps secrets in Key Vault: the bot password and BOT_LINK_SECRET are Key Vault references, no setting holds a literal secret', () => {
    for (const name of ['MicrosoftAppPassword', 'BOT_LINK_SECRET']) expect(settings.get(name)).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=/);
    for (const [name, value] of settings) {
      if (/PASSWORD|SECRET|KEY/i.test(name)) expect(value, name).toMatch(/@Microsoft\.KeyVault/);
      expect(value, name).not.toMatch(/AccountKey|InstrumentationKey=[0-9a-f]/i);
    }
    expect(settings.has('STORAGE_CONNECTION_STRING')).toBe(false);
  });

  it('sets every app setting the configuration needs for a Teams bot on a keyless account, and the configuration accepts them', () => {
    for (const name of ['MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'MicrosoftAppPassword', 'BOT_LINK_SECRET', 'STORAGE_ACCOUNT_URL', 'APPLICATIONINSIGHTS_CONNECTION_STRING', 'BOT_PUBLIC_URL', 'PORT']) {
      expect(settings.has(name), name).toBe(true);
    }
    // What App Service would hand the process once Bicep expressions and Key Vault references are resolved.
    const sample: Record<string, string> = {
      botAppId: '0b5c8e5e-1d2a-4c39-9d8e-2f6f7a1b2c3d',
      tenantId: '5f1c9a9e-1b6a-4c0e-9a55-1a2b3c4d5e6f',
      'storage.properties.primaryEndpoints.table': 'https://stforumbot.table.core.windows.net/',
      'insights.properties.ConnectionString': 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
    };
    const env: Record<string, string> = {};
    for (const [name, value] of settings) {
      // Key Vault resolves the reference to the stored value; the link secret is stored as `<key id>:<secret>` (docs/deploy.md).
      const vaultValue = name === 'BOT_LINK_SECRET' ? `k1:${'s'.repeat(48)}` : 'resolved-secret-value';
      env[name] = value.startsWith("'@Microsoft.KeyVault") ? vaultValue : value.startsWith("'") ? value.slice(1, -1).replace('${hostName}', 'forumbot.azurewebsites.net') : sample[value] ?? value;
    }
    const config = loadConfig(env);
    expect(config.credentials).toMatchObject({ appType: 'SingleTenant', appId: sample.botAppId, tenantId: sample.tenantId });
    expect(config.storageAccountUrl).toBe('https://stforumbot.table.core.windows.net');
    expect(config.storageConnectionString).toBeUndefined();
    expect(config.applicationInsightsConnectionString).toBeDefined();
    expect(config.publicUrl).toBe('https://forumbot.azurewebsites.net');
  });
});
