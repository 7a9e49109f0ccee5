import type { ActionItem } from '../actions/action-item';
import type { AgendaInput } from '../agendas/agenda';
import type { Forum, Member } from '../fora/forum';
import type { ReportDraft } from '../picture/report-draft';
import { allowed, refused, type Verdict } from '../shared/domain-error';

/** What a person who left is called where they are named as author or owner. */
export const FORMER_MEMBER = 'Tidligere medlem';

/** FNV-1a, 32 bits: the same id always gives the same short code, and the code does not show the id. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A stable pseudonym for a person who left: the same person always gets the same one, so a reader
 * can still tell that two items had the same owner, without learning who.
 */
export function pseudonymOf(userId: string): { userId: string; displayName: string } {
  const code = fnv1a(userId.toLowerCase()).toString(36).toUpperCase().padStart(7, '0');
  return { userId: `former-${code}`, displayName: `${FORMER_MEMBER} ${code}` };
}

/** Refused while the person is the only chair of a forum: a forum is never left without one. The forum is named. */
export function checkCanLeave(userId: string, fora: readonly { forum: Forum; members: readonly Member[] }[]): Verdict {
  for (const { forum, members } of fora) {
    const chairs = members.filter((member) => member.roles.includes('chair'));
    if (chairs.length === 1 && chairs[0]?.userId === userId) return refused('PRIVACY.LAST_CHAIR', { forum: forum.name });
  }
  return allowed;
}

const isOpen = (item: ActionItem): boolean => item.status !== 'done' && item.status !== 'cancelled';

/**
 * An item after its owner or creator left: open items they owned go to `newOwner` (the forum's
 * chair), or are marked blocked when there is none; their name and id are replaced by the pseudonym.
 */
export function itemAfterLeaving(item: ActionItem, userId: string, newOwner: Member | undefined, reason: string, now: string): ActionItem {
  const former = pseudonymOf(userId);
  let next = item;
  if (item.owner.kind === 'member' && item.owner.userId === userId) {
    if (isOpen(item) && newOwner !== undefined) next = { ...next, owner: { kind: 'member', userId: newOwner.userId, displayName: newOwner.displayName } };
    else if (isOpen(item)) next = { ...next, owner: { kind: 'member', ...former }, status: 'blocked', blockedReason: reason };
    else next = { ...next, owner: { kind: 'member', ...former } };
  }
  if (item.createdBy === userId) next = { ...next, createdBy: former.userId };
  return next === item ? item : { ...next, updatedAt: now };
}

/** A consultant's input, now under the pseudonym. */
export const inputAfterLeaving = (input: AgendaInput, userId: string): AgendaInput => {
  const former = pseudonymOf(userId);
  return { ...input, authorId: former.userId, authorName: former.displayName };
};

/** A half-yearly report the person edited or published, their name and id now the pseudonym; the same object when they are not on it. */
export function reportAfterLeaving(report: ReportDraft, userId: string): ReportDraft {
  const former = pseudonymOf(userId);
  const theirs = (who: { userId: string }): boolean => who.userId === userId;
  if (!report.edits.some(theirs) && !(report.published !== undefined && theirs(report.published))) return report;
  const renamed = <T extends { userId: string; name: string }>(who: T): T => (theirs(who) ? { ...who, userId: former.userId, name: former.displayName } : who);
  return { ...report, edits: report.edits.map(renamed), ...(report.published === undefined ? {} : { published: renamed(report.published) }) };
}
