import type { Forum, Member, Role } from '../fora/forum';
import { hasRole } from '../fora/forum.rules';
import { allowed, refused, type Verdict } from '../shared/domain-error';
import { forumViewOf } from './visibility';

/**
 * The one refusal an outsider gets, whatever they asked for: it never says whether the thing exists,
 * or whether it belongs to a sensitive forum.
 */
export const ACCESS_DENIED = 'ACCESS.DENIED';
export const denied: Verdict = refused(ACCESS_DENIED);

/**
 * Who may use an entry point that names a forum:
 * - `public`: anyone who may see the forum's public face (not outsiders of a sensitive forum);
 * - `member`: the forum's members;
 * - `editor`: its chair or secretary (schedules, agendas, action items, channel link);
 * - `chair`: its chair (membership).
 */
export type ForumRequirement = 'public' | 'member' | 'editor' | 'chair';

const ROLES_OF: Record<'editor' | 'chair', readonly Role[]> = { editor: ['chair', 'secretary'], chair: ['chair'] };

/**
 * The verdict for a person on an entry point naming a forum. A forum that does not exist and a
 * sensitive forum seen from outside give the same refusal. An ordinary forum's public face is open,
 * so a non-member there learns what it takes (membership, or the chair's role): nothing is revealed.
 */
export function checkForumAccess(forum: Forum | undefined, member: Member | undefined, requirement: ForumRequirement): Verdict {
  if (forum === undefined) return denied;
  const view = forumViewOf(forum, member);
  if (view === 'existence') return denied;
  if (requirement === 'public') return allowed;
  if (requirement === 'member') return view === 'member' ? allowed : refused('FORUM.NOT_MEMBER');
  if (hasRole(member, ...ROLES_OF[requirement])) return allowed;
  return requirement === 'chair' ? refused('FORUM.NOT_CHAIR') : refused('FORUM.NOT_CHAIR_OR_SECRETARY');
}
