import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/**
 * A stand-in for Entra's token side: an RSA key published as a JWKS over real HTTP (like
 * `login.microsoftonline.com/{tenant}/discovery/v2.0/keys`) and tokens shaped like the Teams SSO
 * token, signed with it. A second key that is NOT published signs forged tokens.
 */
export interface FakeEntra {
  jwksUrl: string;
  tenantId: string;
  appId: string;
  host: string;
  /** How many times the key set was fetched. */
  fetches(): number;
  token(claims?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

export interface TokenOptions {
  oid?: string;
  name?: string;
  tid?: string;
  aud?: string;
  iss?: string;
  scp?: string | null;
  /** Seconds from now; negative: already expired. */
  expiresIn?: number;
  /** Sign with a key that is not in the published set. */
  forged?: boolean;
}

export async function startFakeEntra(settings: { tenantId: string; appId: string; host: string }): Promise<FakeEntra> {
  const published = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const kid = 'fake-entra-key-1';
  const jwk: JWK = { ...(await exportJWK(published.publicKey)), kid, use: 'sig', alg: 'RS256' };
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    if (req.url === '/discovery/v2.0/keys') {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const { tenantId, appId, host } = settings;

  return {
    jwksUrl: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    tenantId,
    appId,
    host,
    fetches: () => fetches,
    async token(o = {}) {
      const tid = o.tid ?? tenantId;
      const now = Math.floor(Date.now() / 1000);
      const exp = now + (o.expiresIn ?? 3600);
      const claims: Record<string, unknown> = { tid, oid: o.oid ?? 'user-1', name: o.name ?? 'Testbruger', ver: '2.0' };
      if (o.scp !== null) claims.scp = o.scp ?? 'access_as_user';
      const key: CryptoKey = o.forged === true ? other.privateKey : published.privateKey;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(o.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`)
        .setAudience(o.aud ?? `api://${host}/${appId}`)
        .setIssuedAt(Math.min(now, exp - 60))
        .setNotBefore(Math.min(now, exp - 60))
        .setExpirationTime(exp)
        .sign(key);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
