import { z } from 'zod';
import { signLink, verifyLink, type LinkKeyring } from '../signed-links';

/** An access request's links work for an hour: long enough to download, short for personal data. */
export const PERSON_DATA_LINK_TTL_MS = 60 * 60 * 1000;
export type PersonDataFormat = 'json' | 'csv';

export const personDataPath = (personId: string, format: PersonDataFormat): string => `/privacy/people/${encodeURIComponent(personId)}/data.${format}`;

/** A link to one person's data, signed for the administrator who asked (`adminId`). */
export function signedPersonDataPath(ring: LinkKeyring, personId: string, adminId: string, format: PersonDataFormat, now: Date): { path: string; expires: Date } {
  const expires = now.getTime() + PERSON_DATA_LINK_TTL_MS;
  const { k, s } = signLink(ring, { kind: 'person-data', scope: [personId, format], userId: adminId, expires });
  const query = new URLSearchParams({ u: adminId, exp: String(expires), k, sig: s });
  return { path: `${personDataPath(personId, format)}?${query.toString()}`, expires: new Date(expires) };
}

const LinkQuery = z.object({ u: z.string().min(1).max(128), exp: z.coerce.number().int().positive(), k: z.string().min(1).max(16), sig: z.string().min(1).max(100) });

/** The administrator the link was made for, if it is genuine and has not expired. */
export function verifyPersonDataLink(ring: LinkKeyring, personId: string, format: PersonDataFormat, query: unknown, now: Date): string | undefined {
  const parsed = LinkQuery.safeParse(query);
  if (!parsed.success || parsed.data.exp < now.getTime()) return undefined;
  const { u, exp, k, sig } = parsed.data;
  return verifyLink(ring, { kind: 'person-data', scope: [personId, format], userId: u, expires: exp }, k, sig) ? u : undefined;
}
