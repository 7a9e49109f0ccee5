import { describe, expect, it } from 'vitest';
import { EXPORT_LINK_TTL_MS, exportLinkKey, signedExportPath, verifyExportLink } from '../../../bot/action-items/export-link';

const key = exportLinkKey({ storageConnectionString: 'AccountName=devstoreaccount1;AccountKey=abc' });
const now = new Date('2026-03-05T09:00:00.000Z');
const queryOf = (path: string) => Object.fromEntries(new URL(path, 'http://x').searchParams);

describe('signed export links', () => {
  it('given a fresh link then it names its person; one millisecond after expiry it names nobody', () => {
    const { path } = signedExportPath(key, 'kg', 'user-1', now);
    expect(verifyExportLink(key, 'kg', queryOf(path), now)).toBe('user-1');
    expect(verifyExportLink(key, 'kg', queryOf(path), new Date(now.getTime() + EXPORT_LINK_TTL_MS + 1))).toBeUndefined();
  });

  it('given another key (another deployment) or a longer expiry written into the link then refused', () => {
    const { path } = signedExportPath(key, 'kg', 'user-1', now);
    const otherKey = exportLinkKey({ storageConnectionString: 'AccountName=x;AccountKey=other' });
    expect(verifyExportLink(otherKey, 'kg', queryOf(path), now)).toBeUndefined();
    const longer = { ...queryOf(path), exp: String(now.getTime() + 10 * EXPORT_LINK_TTL_MS) };
    expect(verifyExportLink(key, 'kg', longer, new Date(now.getTime() + 2 * EXPORT_LINK_TTL_MS))).toBeUndefined();
  });

  it('given two instances with the same secret then they derive the same key', () => {
    const config = { credentials: { appId: 'a', appType: 'SingleTenant' as const, appPassword: 'secret' } };
    expect(exportLinkKey(config).equals(exportLinkKey(config))).toBe(true);
  });
});
