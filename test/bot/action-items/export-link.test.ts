import { describe, expect, it } from 'vitest';
import { EXPORT_LINK_TTL_MS, signedExportPath, verifyExportLink } from '../../../bot/action-items/export-link';
import { linkKeyring } from '../../../bot/signed-links';

const ring = linkKeyring([{ id: 'k1', secret: 'a'.repeat(32) }]);
const now = new Date('2026-03-05T09:00:00.000Z');
const queryOf = (path: string) => Object.fromEntries(new URL(path, 'http://x').searchParams);

describe('signed export links', () => {
  it('given a fresh link then it names its person; one millisecond after expiry it names nobody', () => {
    const { path } = signedExportPath(ring, 'kg', 'user-1', now);
    expect(verifyExportLink(ring, 'kg', queryOf(path), now)).toBe('user-1');
    expect(verifyExportLink(ring, 'kg', queryOf(path), new Date(now.getTime() + EXPORT_LINK_TTL_MS + 1))).toBeUndefined();
  });

  it('given another secret (another deployment) or a longer expiry written into the link then refused', () => {
    const { path } = signedExportPath(ring, 'kg', 'user-1', now);
    expect(verifyExportLink(linkKeyring([{ id: 'k1', secret: 'b'.repeat(32) }]), 'kg', queryOf(path), now)).toBeUndefined();
    const longer = { ...queryOf(path), exp: String(now.getTime() + 10 * EXPORT_LINK_TTL_MS) };
    expect(verifyExportLink(ring, 'kg', longer, new Date(now.getTime() + 2 * EXPORT_LINK_TTL_MS))).toBeUndefined();
  });

  it('given a rotated secret then links of the old key still work while it is listed after the new one, and not after it is removed', () => {
    const { path } = signedExportPath(ring, 'kg', 'user-1', now);
    const rotated = linkKeyring([{ id: 'k2', secret: 'c'.repeat(32) }, { id: 'k1', secret: 'a'.repeat(32) }]);
    expect(verifyExportLink(rotated, 'kg', queryOf(path), now)).toBe('user-1');
    expect(queryOf(signedExportPath(rotated, 'kg', 'user-1', now).path)['k']).toBe('k2');
    expect(verifyExportLink(linkKeyring([{ id: 'k2', secret: 'c'.repeat(32) }]), 'kg', queryOf(path), now)).toBeUndefined();
  });
});
