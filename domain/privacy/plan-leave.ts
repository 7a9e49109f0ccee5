import type { Forum } from '../fora/forum';
import type { Initiative } from '../plan/initiative';
import type { PlanContent, PlanRecord, PlanVersion } from '../plan/plan';
import { TEXT_LIMITS } from '../shared/text-limits';
import { pseudonymOf, withoutMentions, type LeaverTraces } from './leave';

/** Whether a stored name is one the person went by (whole field, case and spaces aside). */
export const isNameOf = (traces: LeaverTraces, text: string | undefined): boolean =>
  text !== undefined && traces.names.some((name) => name.trim() !== '' && name.trim().toLowerCase() === text.trim().toLowerCase());

/**
 * An initiative after a person left: as its last editor they become the pseudonym's id; a contact
 * name that names them (typed, so matched as whole words) shows the pseudonym's name instead.
 * The same object when they are not on it.
 */
export function initiativeAfterLeaving(initiative: Initiative, traces: LeaverTraces): Initiative {
  const former = pseudonymOf(traces.userId);
  const contact = initiative.contactName === undefined ? undefined : withoutMentions(initiative.contactName, traces).slice(0, TEXT_LIMITS.personName);
  const editor = initiative.updatedBy === traces.userId;
  if (!editor && contact === initiative.contactName) return initiative;
  return { ...initiative, ...(editor ? { updatedBy: former.userId } : {}), ...(contact === undefined ? {} : { contactName: contact }) };
}

/** What was sent or approved: the organisation lists members by name, initiatives name contacts and editors. */
function contentAfterLeaving(content: PlanContent, traces: LeaverTraces): PlanContent {
  const former = pseudonymOf(traces.userId);
  let changed = false;
  const organisation = content.organisation.map((level) => ({
    ...level,
    fora: level.fora.map((forum) => ({
      ...forum,
      members: forum.members.map((member) => {
        if (!isNameOf(traces, member.name)) return member;
        changed = true;
        return { ...member, name: former.displayName };
      }),
    })),
  }));
  const initiatives = content.initiatives.map((initiative) => {
    const next = initiativeAfterLeaving(initiative, traces);
    if (next !== initiative) changed = true;
    return next;
  });
  return changed ? { ...content, organisation, initiatives } : content;
}

/** The plan's working copy after a person left: as its sender, and wherever the pending content names them. */
export function planAfterLeaving(record: PlanRecord, traces: LeaverTraces): PlanRecord {
  const pending = record.pending === undefined ? undefined : contentAfterLeaving(record.pending, traces);
  const sender = record.sentBy === traces.userId;
  if (!sender && pending === record.pending) return record;
  return { ...record, ...(sender ? { sentBy: pseudonymOf(traces.userId).userId } : {}), ...(pending === undefined ? {} : { pending }) };
}

/**
 * An approved version after a person left: it stays the municipality's record of what was approved,
 * when and that someone sent and approved it — by the pseudonym where that was them.
 */
export function versionAfterLeaving(version: PlanVersion, traces: LeaverTraces): PlanVersion {
  const former = pseudonymOf(traces.userId);
  const content = contentAfterLeaving(version.content, traces);
  const sender = version.sentBy === traces.userId;
  const approver = version.approvedBy === traces.userId;
  if (!sender && !approver && content === version.content) return version;
  return { ...version, content, ...(sender ? { sentBy: former.userId } : {}), ...(approver ? { approvedBy: former.userId } : {}) };
}

/** A forum after one of its named analysts left: off the list (an empty list falls back to the chair, as an absent one does). */
export function forumAfterLeaving(forum: Forum, userId: string): Forum {
  const analysts = forum.analysts;
  if (analysts === undefined || !analysts.some((id) => id.toLowerCase() === userId.toLowerCase())) return forum;
  return { ...forum, analysts: analysts.filter((id) => id.toLowerCase() !== userId.toLowerCase()) };
}
