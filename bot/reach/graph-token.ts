import { z } from 'zod';

/**
 * An application token for Microsoft Graph (OAuth 2 client credentials), cached until shortly
 * before it runs out. The secret never leaves this function and is never logged.
 */
export interface GraphTokenOptions {
  /** `https://login.microsoftonline.com` (or an emulator). */
  authorityUrl: string;
  clientId: string;
  clientSecret: string;
  now?: () => number;
}

const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().int().positive() }).loose();

export function graphTokenProvider(options: GraphTokenOptions): (tenantId: string) => Promise<string> {
  const now = options.now ?? Date.now;
  const cache = new Map<string, { token: string; until: number }>();
  return async (tenantId) => {
    const cached = cache.get(tenantId);
    if (cached !== undefined && cached.until > now()) return cached.token;
    const response = await fetch(`${options.authorityUrl.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: options.clientId, client_secret: options.clientSecret, scope: 'https://graph.microsoft.com/.default' }).toString(),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
    const answer = TokenAnswer.parse(await response.json());
    cache.set(tenantId, { token: answer.access_token, until: now() + Math.max(0, answer.expires_in - 300) * 1000 });
    return answer.access_token;
  };
}
