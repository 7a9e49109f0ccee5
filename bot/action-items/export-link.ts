import { z } from 'zod';
import { signLink, verifyLink, type LinkKeyring } from '../signed-links';

/** How long a download link works. */
export const EXPORT_LINK_TTL_MS = 60 * 60 * 1000;

export function exportPath(forumId: string): string {
  return `/forums/${encodeURIComponent(forumId)}/actions.csv`;
}

/** The link's path and query for this person and forum, signed with the bot's link key. */
export function signedExportPath(ring: LinkKeyring, forumId: string, userId: string, now: Date): { path: string; expires: Date } {
  const expires = now.getTime() + EXPORT_LINK_TTL_MS;
  const { k, s } = signLink(ring, { kind: 'actions-csv', scope: [forumId], userId, expires });
  const query = new URLSearchParams({ u: userId, exp: String(expires), k, sig: s });
  return { path: `${exportPath(forumId)}?${query.toString()}`, expires: new Date(expires) };
}

const LinkQuery = z.object({ u: z.string().min(1).max(128), exp: z.coerce.number().int().positive(), k: z.string().min(1).max(16), sig: z.string().min(1).max(100) });

/** The person the link was made for, if it is genuine and has not expired. */
export function verifyExportLink(ring: LinkKeyring, forumId: string, query: unknown, now: Date): string | undefined {
  const parsed = LinkQuery.safeParse(query);
  if (!parsed.success || parsed.data.exp < now.getTime()) return undefined;
  const { u, exp, k, sig } = parsed.data;
  return verifyLink(ring, { kind: 'actions-csv', scope: [forumId], userId: u, expires: exp }, k, sig) ? u : undefined;
}
