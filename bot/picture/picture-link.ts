import { z } from 'zod';
import type { Period } from '../../domain/picture/months';
import { signLink, verifyLink, type LinkKeyring, type LinkKind } from '../signed-links';

/**
 * The report's chart and Word document are linked from a card in the Lokalråd's channel, where
 * everyone reading the channel opens the same link: it is signed for the forum and the period, not
 * for a person, and shows only what that forum's members may see. It lives as long as the card
 * stays worth reading.
 */
export const PICTURE_LINK_TTL_MS = 400 * 24 * 60 * 60 * 1000;
export const PICTURE_CHART_PATH = '/picture/chart.png';
export const PICTURE_DOCX_PATH = '/picture/halvaarsbillede.docx';

export interface PictureLink {
  forumId: string;
  period: Period;
}

const kindOf = (path: string): LinkKind => (path === PICTURE_CHART_PATH ? 'picture-chart' : 'picture-docx');
const MONTH = z.string().regex(/^\d{4}-\d{2}$/);
const LinkQuery = z.object({ f: z.string().min(1).max(128), from: MONTH, to: MONTH, exp: z.coerce.number().int().positive(), k: z.string().min(1).max(16), sig: z.string().min(1).max(100) });

/** `path?…` signed for the forum and period; `path` is the chart's or the document's. */
export function signedPicturePath(ring: LinkKeyring, path: typeof PICTURE_CHART_PATH | typeof PICTURE_DOCX_PATH, link: PictureLink, now: Date): string {
  const expires = now.getTime() + PICTURE_LINK_TTL_MS;
  const { k, s } = signLink(ring, { kind: kindOf(path), scope: [link.forumId, link.period.from, link.period.to], userId: '', expires });
  return `${path}?${new URLSearchParams({ f: link.forumId, from: link.period.from, to: link.period.to, exp: String(expires), k, sig: s }).toString()}`;
}

/** The forum and period of a genuine, unexpired link for `path`; undefined otherwise. */
export function verifyPictureLink(ring: LinkKeyring, path: string, query: unknown, now: Date): PictureLink | undefined {
  const parsed = LinkQuery.safeParse(query);
  if (!parsed.success || parsed.data.exp < now.getTime() || parsed.data.from > parsed.data.to) return undefined;
  const { f, from, to, exp, k, sig } = parsed.data;
  return verifyLink(ring, { kind: kindOf(path), scope: [f, from, to], userId: '', expires: exp }, k, sig) ? { forumId: f, period: { from, to } } : undefined;
}
