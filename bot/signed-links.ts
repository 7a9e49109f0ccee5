import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a download link made for one person: HMAC-SHA256 over what the link opens
 * (`scope`, e.g. forum and agenda), the person and the expiry. A browser following a link from a
 * card carries no Teams identity, so the link itself says whom it was made for; the routes still
 * check on every download that the person may see the content now.
 */
export const linkSignature = (key: string | Buffer, scope: readonly string[], userId: string, expires: number): string =>
  createHmac('sha256', key).update([...scope, userId, String(expires)].join('\n')).digest('base64url');

/** Whether `given` is the signature for these claims, compared in constant time. */
export function hasLinkSignature(key: string | Buffer, scope: readonly string[], userId: string, expires: number, given: string): boolean {
  const expected = Buffer.from(linkSignature(key, scope, userId, expires));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
