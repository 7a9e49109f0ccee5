import { randomBytes } from 'node:crypto';
import { signLink, verifyLink, type LinkKeyring } from '../signed-links';

/**
 * Download links for a briefing. A browser that follows a link from a card carries no Teams
 * identity (no SSO in this bot), so each link is made for one person and signed with the bot's link
 * key (BOT_LINK_SECRET, see signed-links.ts) over forum, agenda, user and expiry; rotating the
 * secret revokes every link. The server still checks, on every download, that the user
 * may see the briefing now (chair, secretary, shared with): a link forwarded to someone else is only
 * as good as the person it was made for, and stops working when the chair un-shares or it expires.
 * Cards carry fresh links: their refresh makes new ones each time the card is shown.
 */
export const BRIEFING_LINK_TTL_MS = 24 * 60 * 60 * 1000;
export const BRIEFING_FORMATS = ['docx', 'md'] as const;
export type BriefingFormat = (typeof BRIEFING_FORMATS)[number];

export const newBriefingKey = (): string => randomBytes(32).toString('base64url');

interface LinkClaims {
  forumId: string;
  agendaId: string;
  userId: string;
  expires: number;
}

const claimsOf = (c: LinkClaims) => ({ kind: 'briefing' as const, scope: [c.forumId, c.agendaId], userId: c.userId, expires: c.expires });

export const briefingPath = (forumId: string, agendaId: string, format: BriefingFormat): string =>
  `/agendas/${encodeURIComponent(forumId)}/${encodeURIComponent(agendaId)}/briefing.${format}`;

export function briefingLink(publicUrl: string, ring: LinkKeyring, claims: Omit<LinkClaims, 'expires'>, format: BriefingFormat, now: Date): string {
  const full = { ...claims, expires: now.getTime() + BRIEFING_LINK_TTL_MS };
  const { k, s } = signLink(ring, claimsOf(full));
  const query = new URLSearchParams({ u: full.userId, e: String(full.expires), k, s });
  return `${publicUrl}${briefingPath(claims.forumId, claims.agendaId, format)}?${query.toString()}`;
}

export type LinkCheck = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'expired' };

export function checkBriefingLink(ring: LinkKeyring, target: { forumId: string; agendaId: string }, query: { u?: unknown; e?: unknown; k?: unknown; s?: unknown }, now: Date): LinkCheck {
  const { u, e, k, s } = query;
  if (typeof u !== 'string' || typeof e !== 'string' || !/^\d{1,15}$/.test(e)) return { ok: false, reason: 'invalid' };
  if (!verifyLink(ring, claimsOf({ ...target, userId: u, expires: Number(e) }), k, s)) return { ok: false, reason: 'invalid' };
  if (Number(e) < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, userId: u };
}
