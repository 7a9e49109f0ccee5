import type { Forum, Member } from '../fora/forum';

/**
 * The one visibility rule for fora. What a person may see of a forum:
 * - `member`: everything (its members' own view);
 * - `public`: an ordinary forum seen from outside: its name, level, members, meetings and published
 *   agendas, but not its action items, drafts or circulations;
 * - `existence`: a sensitive forum (Infohus) seen from outside: its name and level, nothing more.
 * Everything born in a sensitive forum carries its seal (see `sealed`), wherever it travels.
 */
export type ForumView = 'member' | 'public' | 'existence';

export function forumViewOf(forum: Pick<Forum, 'sensitive'>, member: Member | undefined): ForumView {
  if (member !== undefined) return 'member';
  return forum.sensitive ? 'existence' : 'public';
}

/** May this view show a forum's public face (members, meetings, published agendas)? */
export const seesPublicFace = (view: ForumView): boolean => view !== 'existence';

/**
 * Is a piece of content sealed for this viewer? Content is sealed when it was born in (or passed
 * through) a sensitive forum and the viewer is not a member of that forum.
 */
export function sealed(content: { sensitiveForumIds: readonly string[] }, viewerForumIds: readonly string[]): boolean {
  return content.sensitiveForumIds.some((id) => !viewerForumIds.includes(id));
}

/** The fora in a list that are sensitive: their ids, for `sealed`. */
export const sensitiveIdsOf = (fora: readonly Pick<Forum, 'id' | 'sensitive'>[]): string[] => fora.filter((f) => f.sensitive).map((f) => f.id);
