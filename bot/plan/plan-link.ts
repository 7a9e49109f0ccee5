import { z } from 'zod';
import { PlanMode } from '../../cards/plan-verbs';
import { signLink, verifyLink, type LinkKeyring } from '../signed-links';

/** How long a Word link works. */
export const PLAN_LINK_TTL_MS = 60 * 60 * 1000;
export const PLAN_DOCX_PATH = '/plan/handlingsplan.docx';

/** The signed link to the plan as Word, for this person and this view (published or draft). */
export function signedPlanPath(ring: LinkKeyring, mode: PlanMode, userId: string, now: Date): string {
  const expires = now.getTime() + PLAN_LINK_TTL_MS;
  const { k, s } = signLink(ring, { kind: 'plan-docx', scope: [mode], userId, expires });
  return `${PLAN_DOCX_PATH}?${new URLSearchParams({ m: mode, u: userId, exp: String(expires), k, sig: s }).toString()}`;
}

const LinkQuery = z.object({ m: PlanMode, u: z.string().min(1).max(128), exp: z.coerce.number().int().positive(), k: z.string().min(1).max(16), sig: z.string().min(1).max(100) });

/** The person and view the link was made for, if it is genuine and has not expired. */
export function verifyPlanLink(ring: LinkKeyring, query: unknown, now: Date): { userId: string; mode: PlanMode } | undefined {
  const parsed = LinkQuery.safeParse(query);
  if (!parsed.success || parsed.data.exp < now.getTime()) return undefined;
  const { m, u, exp, k, sig } = parsed.data;
  return verifyLink(ring, { kind: 'plan-docx', scope: [m], userId: u, expires: exp }, k, sig) ? { userId: u, mode: m } : undefined;
}
