import type { Forum } from '../fora/forum';
import type { Membership } from '../fora/forum.repository';

/**
 * Who may see the half-yearly picture in full (its charts and tables, filtered at will): those it is
 * made for and by. The members of the Lokalråd (strategic) and of the coordinating fora, and the
 * chairs of any forum (the analyst is by default the coordinating forum's chair). Everyone else
 * gets one refusal; the seal and the small-number rule still apply to those who pass.
 */
export const PICTURE_NOT_ALLOWED = 'PICTURE.VIEW_NOT_ALLOWED';

export function mayViewPicture(fora: readonly Pick<Forum, 'id' | 'level'>[], memberships: readonly Membership[]): boolean {
  const levelOf = new Map(fora.map((f) => [f.id, f.level]));
  return memberships.some((m) => {
    const level = levelOf.get(m.forumId);
    return level === 'strategic' || level === 'coordinating' || m.roles.includes('chair');
  });
}
