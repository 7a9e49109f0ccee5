import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from '../../storage';
import { storageAuthOf } from '../../storage/account-credential';

/**
 * Microsoft Entra and a real account cannot be reached from here. What can be checked: which
 * credential path the configuration picks, and what goes over the wire to an https endpoint that
 * records the request (a local TLS server with a throw-away certificate, trusted in this worker only).
 */
let server: https.Server;
let endpoint: string;
let dir: string;
const seen: { method: string; url: string; authorization: string | undefined }[] = [];

class RecordingCredential implements TokenCredential {
  readonly scopes: string[][] = [];
  getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    this.scopes.push(Array.isArray(scopes) ? scopes : [scopes]);
    return Promise.resolve({ token: 'token-from-entra', expiresOnTimestamp: Date.now() + 3_600_000 });
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'forumbot-tls-'));
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '1', '-subj', '/CN=127.0.0.1'], { cwd: dir, encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  server = https.createServer({ key: await readFile(path.join(dir, 'key.pem')), cert: await readFile(path.join(dir, 'cert.pem')) }, (req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json;odata=nometadata' });
    res.end(JSON.stringify({ value: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}/forumbot`;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
});

afterAll(async () => {
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  await new Promise((resolve) => server?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('storage credential chosen by configuration', () => {
  it('given an account URL then requests carry an Entra bearer token for the storage scope, never a shared key', async () => {
    const credential = new RecordingCredential();
    seen.length = 0;
    await createStorage({ accountUrl: endpoint, credential }).ping();
    expect(credential.scopes).toEqual([['https://storage.azure.com/.default']]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.authorization).toBe('Bearer token-from-entra');
  });

  it('given a connection string then requests are signed with the account key (Azurite)', async () => {
    seen.length = 0;
    const key = Buffer.from('not-a-real-key').toString('base64');
    await createStorage(`DefaultEndpointsProtocol=https;AccountName=forumbot;AccountKey=${key};TableEndpoint=${endpoint};`).ping();
    expect(seen[0]!.authorization).toMatch(/^SharedKey(Lite)? forumbot:/);
  });

  it('given an account URL without a credential then DefaultAzureCredential is asked, and here (no managed identity, no az login) it says so instead of sending anything', async () => {
    seen.length = 0;
    const error = await createStorage({ accountUrl: endpoint })
      .ping()
      .then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(`${(error as Error).name} ${(error as Error).message}`).toMatch(/CredentialUnavailable|DefaultAzureCredential|ManagedIdentity/);
    expect(seen).toHaveLength(0);
  }, 60_000);

  it('given an http account URL then it is refused: tokens travel only over TLS', () => {
    expect(() => createStorage({ accountUrl: 'http://forumbot.table.core.windows.net' })).toThrow(/https/);
  });

  it('names the path for the start-up log without the secret', () => {
    expect(storageAuthOf({ accountUrl: endpoint })).toBe('entraToken');
    expect(storageAuthOf('UseDevelopmentStorage=true')).toBe('sharedKey');
  });
});
