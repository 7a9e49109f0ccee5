import type { ActionItem } from '../actions/action-item';
import type { Agenda, AgendaInput } from '../agendas/agenda';
import type { AuditEvent } from '../audit/audit-event';
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

/** The name a pseudonym's id stands for ("Tidligere medlem 0A1B2C3"); undefined for any other id. */
export function formerMemberName(userId: string): string | undefined {
  const code = /^former-([0-9A-Z]{7})$/.exec(userId)?.[1];
  return code === undefined ? undefined : `${FORMER_MEMBER} ${code}`;
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

/** How a person who left may still be written in stored text: their ids and the names they went by. */
export interface LeaverTraces {
  userId: string;
  /** Teams' channel account id (`29:…`), when known. */
  teamsId?: string;
  /** Every display name seen for them (membership, known user, roster); blanks are ignored. */
  names: readonly string[];
}

const traceWords = (traces: LeaverTraces): string[] =>
  [traces.userId, ...(traces.teamsId === undefined ? [] : [traces.teamsId]), ...traces.names].map((word) => word.trim()).filter((word) => word.length > 0);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The person's words as whole words only (a short name must not match inside another word: "Bo"
 * is not in "Bolig"), longest first so a full name goes before a part of it.
 */
function tracePattern(traces: LeaverTraces): RegExp | undefined {
  const words = [...new Set(traceWords(traces))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Whether a text names the person (by id, Teams id or a name they went by, as whole words). */
export function mentions(text: string | undefined, traces: LeaverTraces): boolean {
  const pattern = tracePattern(traces);
  return text !== undefined && pattern !== undefined && pattern.test(text);
}

/**
 * The text with every mention of the person replaced: ids by the pseudonym's id, names by its name.
 * Works inside JSON text too (the pseudonym holds nothing JSON would escape).
 */
export function withoutMentions(text: string, traces: LeaverTraces): string {
  const former = pseudonymOf(traces.userId);
  const ids = new Set([traces.userId, traces.teamsId].filter((id): id is string => id !== undefined).map((id) => id.toLowerCase()));
  const pattern = tracePattern(traces);
  return pattern === undefined ? text : text.replace(pattern, (found) => (ids.has(found.toLowerCase()) ? former.userId : former.displayName));
}

/** An audit event with the person replaced by the pseudonym; the same event when it does not mention them. */
export function auditAfterLeaving(event: AuditEvent, traces: LeaverTraces): AuditEvent {
  const named = event.actorId === traces.userId || mentions(event.subject, traces) || mentions(event.before, traces) || mentions(event.after, traces);
  if (!named) return event;
  const former = pseudonymOf(traces.userId);
  return {
    ...event,
    ...(event.actorId === traces.userId ? { actorId: former.userId } : {}),
    subject: withoutMentions(event.subject, traces).slice(0, 300),
    ...(event.before === undefined ? {} : { before: withoutMentions(event.before, traces) }),
    ...(event.after === undefined ? {} : { after: withoutMentions(event.after, traces) }),
  };
}

/**
 * An agenda after a person left: as its editor or creator they become the pseudonym, an item they
 * present shows the pseudonym's name, and on the circulation list they stay (as the pseudonym) only
 * if they answered — an unanswered place would send reminders to nobody.
 */
export function agendaAfterLeaving(agenda: Agenda, traces: LeaverTraces, answered: boolean): Agenda {
  const former = pseudonymOf(traces.userId);
  const id = traces.userId;
  const isName = (text: string | undefined): boolean => text !== undefined && traces.names.some((name) => name.trim() !== '' && name.trim().toLowerCase() === text.trim().toLowerCase());
  let next: Agenda = agenda;
  if (agenda.updatedBy === id || isName(agenda.updatedByName)) {
    next = { ...next, ...(agenda.updatedBy === id ? { updatedBy: former.userId } : {}), ...(agenda.updatedByName === undefined ? {} : { updatedByName: former.displayName }) };
  }
  if (agenda.createdBy === id) next = { ...next, createdBy: former.userId };
  if (agenda.items.some((item) => isName(item.presenter))) next = { ...next, items: agenda.items.map((item) => (isName(item.presenter) ? { ...item, presenter: former.displayName } : item)) };
  const circulation = agenda.circulation;
  if (circulation !== undefined && (circulation.consultantIds.includes(id) || circulation.circulatedBy === id || circulation.sharedWith?.includes(id) === true)) {
    const keep = (userId: string): boolean => userId !== id || answered;
    const swap = (userId: string): string => (userId === id ? former.userId : userId);
    next = {
      ...next,
      circulation: {
        ...circulation,
        consultantIds: circulation.consultantIds.filter(keep).map(swap),
        ...(circulation.consultants === undefined ? {} : { consultants: circulation.consultants.filter((c) => keep(c.userId)).map((c) => (c.userId === id ? { ...c, userId: former.userId, name: former.displayName } : c)) }),
        ...(circulation.circulatedBy === id ? { circulatedBy: former.userId } : {}),
        ...(circulation.sharedWith === undefined ? {} : { sharedWith: circulation.sharedWith.filter((userId) => userId !== id) }),
      },
    };
  }
  return next;
}

/** A half-yearly report the person edited or published, their name and id now the pseudonym; the same object when they are not on it. */
export function reportAfterLeaving(report: ReportDraft, userId: string): ReportDraft {
  const former = pseudonymOf(userId);
  const theirs = (who: { userId: string }): boolean => who.userId === userId;
  if (!report.edits.some(theirs) && !(report.published !== undefined && theirs(report.published))) return report;
  const renamed = <T extends { userId: string; name: string }>(who: T): T => (theirs(who) ? { ...who, userId: former.userId, name: former.displayName } : who);
  return { ...report, edits: report.edits.map(renamed), ...(report.published === undefined ? {} : { published: renamed(report.published) }) };
}
