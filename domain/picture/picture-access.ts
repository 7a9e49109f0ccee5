import type { Forum } from '../fora/forum';
import type { Membership } from '../fora/forum.repository';
import { namedAnalysts } from './analyst';

/**
 * Who may see the half-yearly picture in full (its charts and tables, filtered at will): those it is
 * made for and by. The members of the Lokalråd (strategic) and of the coordinating fora, and the
 * chairs of any forum (the analyst is by default the coordinating forum's chair), and the analysts
 * the fora file names, who need not be members of any forum. Everyone else
 * gets one refusal; the seal and the small-number rule still apply to those who pass.
 */
export const PICTURE_NOT_ALLOWED = 'PICTURE.VIEW_NOT_ALLOWED';

export function mayViewPicture(fora: readonly Pick<Forum, 'id' | 'level' | 'analysts'>[], memberships: readonly Membership[], userId?: string): boolean {
  if (userId !== undefined && namedAnalysts(fora).includes(userId.toLowerCase())) return true;
  const levelOf = new Map(fora.map((f) => [f.id, f.level]));
  return memberships.some((m) => {
    const level = levelOf.get(m.forumId);
    return level === 'strategic' || level === 'coordinating' || m.roles.includes('chair');
  });
}
