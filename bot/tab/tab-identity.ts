import { DomainError } from '../../domain/shared/domain-error';
import { UserId } from '../../domain/shared/ids';
import { allowedTenantsOf, type Config } from '../config';
import type { HttpRequest } from '../core/http-route';
import { createSsoVerifier, SsoTokenError, type SsoVerifier } from './sso-token';

/** The header the page sends in local mode only; ignored (refused) when an app id is configured. */
export const DEV_USER_HEADER = 'x-forumbot-dev-user';

export interface TabIdentity {
  userId: string;
  tenantId?: string;
  name?: string;
  /** True for the local development identity, never for a verified Teams user. */
  dev: boolean;
}

export type TabMode = 'teams' | 'local';

export interface IdentityResolver {
  mode: TabMode;
  identify(req: HttpRequest): Promise<TabIdentity>;
}

export interface IdentityOptions {
  /** Where Entra's signing keys are read (tests: a local key set). */
  jwksUrl?: string;
}

function bearerToken(req: HttpRequest): string | undefined {
  const header = req.headers['authorization'];
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Who is asking. With an app id configured the only proof is a Teams SSO token in
 * `Authorization: Bearer` (getContext() can be forged by any page); without one (local mode) the
 * page names a development identity in a header.
 */
export function createIdentityResolver(config: Config, options: IdentityOptions = {}): IdentityResolver {
  const credentials = config.credentials;
  if (credentials === undefined) {
    return {
      mode: 'local',
      identify(req) {
        const parsed = UserId.safeParse(req.headers[DEV_USER_HEADER]);
        if (!parsed.success) return Promise.reject(new DomainError('TAB.NOT_SIGNED_IN'));
        return Promise.resolve({ userId: parsed.data, dev: true });
      },
    };
  }
  const tenantId = credentials.tenantId;
  const verify: SsoVerifier | undefined =
    tenantId === undefined
      ? undefined
      : createSsoVerifier({
          appId: credentials.appId,
          tenantId,
          host: new URL(config.publicUrl).host,
          ...(options.jwksUrl === undefined ? {} : { jwksUrl: options.jwksUrl }),
        });
  return {
    mode: 'teams',
    async identify(req) {
      if (verify === undefined) throw new DomainError('TAB.SSO_NOT_CONFIGURED');
      if (req.headers[DEV_USER_HEADER] !== undefined && bearerToken(req) === undefined) throw new DomainError('TAB.DEV_IDENTITY_OFF');
      const token = bearerToken(req);
      if (token === undefined) throw new DomainError('TAB.NOT_SIGNED_IN');
      try {
        const identity = await verify(token);
        // The token's tenant is the registration's; with an allow-list it must be on it as well.
        const allowed = allowedTenantsOf(config);
        if (allowed !== undefined && !allowed.includes(identity.tenantId.toLowerCase())) throw new DomainError('TAB.TOKEN_INVALID', { reason: 'tenant not allowed' });
        return { ...identity, dev: false };
      } catch (error) {
        if (error instanceof SsoTokenError) {
          const code = error.reason === 'expired' ? 'TAB.TOKEN_EXPIRED' : error.reason === 'unavailable' ? 'TAB.KEYS_UNAVAILABLE' : 'TAB.TOKEN_INVALID';
          throw new DomainError(code, { reason: error.message });
        }
        throw error;
      }
    },
  };
}
