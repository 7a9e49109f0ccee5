import { randomBytes } from 'node:crypto';
import { hasLinkSignature, linkSignature } from '../signed-links';

/**
 * Download links for a briefing. A browser that follows a link from a card carries no Teams
 * identity (no SSO in this bot), so each link is made for one person and signed: HMAC-SHA256 over
 * forum, agenda, user and expiry with a secret kept with the agenda (so every instance can check it
 * and a new secret revokes every link). The server still checks, on every download, that the user
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

const signature = (key: string, c: LinkClaims): string => linkSignature(key, [c.forumId, c.agendaId], c.userId, c.expires);

export const briefingPath = (forumId: string, agendaId: string, format: BriefingFormat): string =>
  `/agendas/${encodeURIComponent(forumId)}/${encodeURIComponent(agendaId)}/briefing.${format}`;

export function briefingLink(publicUrl: string, key: string, claims: Omit<LinkClaims, 'expires'>, format: BriefingFormat, now: Date): string {
  const full = { ...claims, expires: now.getTime() + BRIEFING_LINK_TTL_MS };
  const query = new URLSearchParams({ u: full.userId, e: String(full.expires), s: signature(key, full) });
  return `${publicUrl}${briefingPath(claims.forumId, claims.agendaId, format)}?${query.toString()}`;
}

export type LinkCheck = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'expired' };

export function checkBriefingLink(key: string, target: { forumId: string; agendaId: string }, query: { u?: unknown; e?: unknown; s?: unknown }, now: Date): LinkCheck {
  const { u, e, s } = query;
  if (typeof u !== 'string' || typeof e !== 'string' || typeof s !== 'string' || !/^\d{1,15}$/.test(e)) return { ok: false, reason: 'invalid' };
  if (!hasLinkSignature(key, [target.forumId, target.agendaId], u, Number(e), s)) return { ok: false, reason: 'invalid' };
  if (Number(e) < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, userId: u };
}
