import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';

/** The scope the app registration exposes for Teams SSO ("Expose an API"). */
export const SSO_SCOPE = 'access_as_user';

export interface SsoSettings {
  /** The app registration's client id (MicrosoftAppId). */
  appId: string;
  /** Tokens from any other tenant are refused. */
  tenantId: string;
  /** The tab's host name, as in the Application ID URI `api://{host}/{appId}`. */
  host: string;
  /** Default: Entra's keys for the tenant. Tests point this at their own key set. */
  jwksUrl?: string;
  /** Seconds of clock skew accepted on `exp`/`nbf` (default 60). */
  clockToleranceSec?: number;
}

/** Who the token says the user is, once every check has passed. */
export interface SsoIdentity {
  userId: string;
  tenantId: string;
  name?: string;
}

/** `unavailable`: Entra's signing keys could not be fetched, so no token can be checked now. */
export type SsoFailure = 'missing' | 'expired' | 'invalid' | 'unavailable';

export class SsoTokenError extends Error {
  override readonly name = 'SsoTokenError';
  constructor(
    readonly reason: SsoFailure,
    detail: string,
  ) {
    super(detail);
  }
}

export const entraJwksUrl = (tenantId: string): string => `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/discovery/v2.0/keys`;

/** The claims we rely on, read with zod after jose has checked signature, issuer, audience and time. */
const Claims = z.object({
  tid: z.string().min(1),
  oid: z.string().min(1).max(128),
  scp: z.string().optional(),
  name: z.string().max(200).optional(),
});

export type SsoVerifier = (token: string) => Promise<SsoIdentity>;

/**
 * Checks a Teams SSO token (from `authentication.getAuthToken()`) as Entra issues it: RS256
 * signature by one of the tenant's published keys, issuer v1 (`https://sts.windows.net/{tid}/`) or
 * v2 (`https://login.microsoftonline.com/{tid}/v2.0`), audience the Application ID URI or the app id,
 * not expired, tenant the configured one, and the delegated scope `access_as_user`.
 */
export function createSsoVerifier(settings: SsoSettings, keys?: JWTVerifyGetKey): SsoVerifier {
  const jwks = keys ?? createRemoteJWKSet(new URL(settings.jwksUrl ?? entraJwksUrl(settings.tenantId)), { timeoutDuration: 5_000 });
  const issuers = [`https://sts.windows.net/${settings.tenantId}/`, `https://login.microsoftonline.com/${settings.tenantId}/v2.0`];
  const audiences = [`api://${settings.host}/${settings.appId}`, settings.appId];
  return async (token) => {
    if (token.trim() === '') throw new SsoTokenError('missing', 'no token');
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: issuers,
        audience: audiences,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
        clockTolerance: settings.clockToleranceSec ?? 60,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new SsoTokenError('expired', error.message);
      if (error instanceof errors.JWKSTimeout) throw new SsoTokenError('unavailable', error.code);
      if (error instanceof errors.JOSEError) throw new SsoTokenError('invalid', `${error.code}: ${error.message}`);
      // Anything else comes from fetching the key set (DNS, connection, a bad answer): our dependency is down.
      throw new SsoTokenError('unavailable', error instanceof Error ? error.name : 'key fetch failed');
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success) throw new SsoTokenError('invalid', 'claims missing or malformed');
    if (claims.data.tid !== settings.tenantId) throw new SsoTokenError('invalid', 'other tenant');
    const scopes = (claims.data.scp ?? '').split(' ');
    if (!scopes.includes(SSO_SCOPE)) throw new SsoTokenError('invalid', `scope ${SSO_SCOPE} missing`);
    return { userId: claims.data.oid, tenantId: claims.data.tid, ...(claims.data.name === undefined ? {} : { name: claims.data.name }) };
  };
}
