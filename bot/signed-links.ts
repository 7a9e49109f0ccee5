import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { LinkKey } from './config';

/**
 * Every link the bot signs (briefing downloads, the action-item CSV, calendar files) is signed the
 * same way: HMAC-SHA256 with `BOT_LINK_SECRET` over the link's kind, what it opens (`scope`), the
 * person it was made for and its expiry. The link names its key id (`k`), so the secret can be
 * rotated: the first key signs, the older ones listed after it still verify until removed. A
 * browser following a link from a card carries no Teams identity, so the link itself says whom it
 * was made for; the routes still check on every download that the person may see the content now.
 */
export type LinkKind = 'briefing' | 'actions-csv' | 'calendar' | 'plan-docx' | 'picture-chart' | 'picture-docx' | 'person-data';

export interface LinkKeyring {
  /** Signs new links. */
  current: LinkKey;
  /** Every key that verifies, by id. */
  byId: ReadonlyMap<string, string>;
}

// Local mode without BOT_LINK_SECRET: a key per process (one instance; links die with a restart).
const processKey: LinkKey = { id: 'local', secret: randomBytes(32).toString('base64url') };

export function linkKeyring(keys: readonly LinkKey[] | undefined): LinkKeyring {
  const list = keys === undefined || keys.length === 0 ? [processKey] : keys;
  return { current: list[0] ?? processKey, byId: new Map(list.map((key) => [key.id, key.secret])) };
}

export interface LinkClaims {
  kind: LinkKind;
  scope: readonly string[];
  /** '' for a link that is not made for one person (a calendar subscription). */
  userId: string;
  /** Epoch milliseconds; 0 for a link that does not expire (a calendar subscription). */
  expires: number;
}

const mac = (secret: string, c: LinkClaims): string =>
  createHmac('sha256', secret).update([c.kind, ...c.scope, c.userId, String(c.expires)].join('\n')).digest('base64url');

/** The key id and signature to put on the link. */
export function signLink(ring: LinkKeyring, claims: LinkClaims): { k: string; s: string } {
  return { k: ring.current.id, s: mac(ring.current.secret, claims) };
}

/** Whether `s` is the signature of these claims under key `k`, compared in constant time. */
export function verifyLink(ring: LinkKeyring, claims: LinkClaims, k: unknown, s: unknown): boolean {
  if (typeof k !== 'string' || typeof s !== 'string') return false;
  const secret = ring.byId.get(k);
  if (secret === undefined) return false;
  const expected = Buffer.from(mac(secret, claims));
  const actual = Buffer.from(s);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
