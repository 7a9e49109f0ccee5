import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../config';
import { hasLinkSignature, linkSignature } from '../signed-links';

/** How long a download link works. */
export const EXPORT_LINK_TTL_MS = 60 * 60 * 1000;

// Local mode without any secret: a key per process (one instance; links die with a restart).
const processKey = randomBytes(32);

/**
 * The key that signs download links. A browser cannot show a Teams token, so the card hands the
 * person a link signed for them and the forum, which expires; every instance must derive the same
 * key, so it comes from a secret they share (the bot's app password, else the storage connection
 * string, which holds the account key). A dedicated setting would be better (see the report).
 */
export function exportLinkKey(config: Pick<Config, 'credentials' | 'storageConnectionString'>): Buffer {
  const secret = config.credentials?.appPassword ?? config.storageConnectionString;
  return secret === undefined ? processKey : createHash('sha256').update(`forumbot:actions-export:${secret}`).digest();
}


export function exportPath(forumId: string): string {
  return `/forums/${encodeURIComponent(forumId)}/actions.csv`;
}

/** The link's path and query for this person and forum. */
export function signedExportPath(key: Buffer, forumId: string, userId: string, now: Date): { path: string; expires: Date } {
  const expires = now.getTime() + EXPORT_LINK_TTL_MS;
  const query = new URLSearchParams({ u: userId, exp: String(expires), sig: linkSignature(key, [forumId], userId, expires) });
  return { path: `${exportPath(forumId)}?${query.toString()}`, expires: new Date(expires) };
}

const LinkQuery = z.object({ u: z.string().min(1).max(128), exp: z.coerce.number().int().positive(), sig: z.string().min(1).max(100) });

/** The person the link was made for, if it is genuine and has not expired. */
export function verifyExportLink(key: Buffer, forumId: string, query: unknown, now: Date): string | undefined {
  const parsed = LinkQuery.safeParse(query);
  if (!parsed.success || parsed.data.exp < now.getTime()) return undefined;
  return hasLinkSignature(key, [forumId], parsed.data.u, parsed.data.exp, parsed.data.sig) ? parsed.data.u : undefined;
}
