import type { Forum, Member } from '../fora/forum';
import { hasRole } from '../fora/forum.rules';
import { allowed, DomainError, refused, type Verdict } from '../shared/domain-error';
import type { Initiative, InitiativeStatus } from './initiative';
import type { PlanApprovers, PlanContent, PlanRecord, PlanVersion } from './plan';

/**
 * The rule of the plan: it shows the initiatives that really take place. Running ones within their
 * time frame, planned ones whose time frame has not ended; on hold and ended ones are left out.
 */
export function inPublishedPlan(initiative: Pick<Initiative, 'status' | 'fromYear' | 'toYear'>, year: number): boolean {
  if (year > initiative.toYear) return false;
  if (initiative.status === 'running') return initiative.fromYear <= year;
  return initiative.status === 'planned';
}

/** Sealed initiatives (of a sensitive forum, not marked public) show only to that forum's members. */
export function visibleTo(initiative: Pick<Initiative, 'forumId' | 'public'>, fora: ReadonlyMap<string, Forum>, viewerForumIds: ReadonlySet<string> | 'everyone'): boolean {
  const forum = fora.get(initiative.forumId);
  if (forum === undefined || !forum.sensitive || initiative.public) return true;
  return viewerForumIds !== 'everyone' && viewerForumIds.has(forum.id);
}

/** Initiatives by focus area, areas and projects in Danish alphabetical order. */
export function byFocusArea<T extends Pick<Initiative, 'focusArea' | 'project'>>(initiatives: readonly T[]): { focusArea: string; initiatives: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const i of [...initiatives].sort((a, b) => a.project.localeCompare(b.project, 'da'))) groups.set(i.focusArea, [...(groups.get(i.focusArea) ?? []), i]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'da')).map(([focusArea, list]) => ({ focusArea, initiatives: list }));
}

/**
 * The published plan: the approved version's initiatives as they were approved, each with its
 * status now (a status change is an adjustment, not a new version), filtered by the rule. Initiatives
 * added since wait for the next approval. The version itself is never changed.
 */
export function publishedInitiatives(version: PlanVersion, live: ReadonlyMap<string, Initiative>, year: number): Initiative[] {
  return version.content.initiatives.map((i) => ({ ...i, status: live.get(i.id)?.status ?? i.status })).filter((i) => inPublishedPlan(i, year));
}

/** The consultants and the chair of the owning forum write the plan. */
export function canEditPlan(member: Member | undefined): Verdict {
  return hasRole(member, 'chair', 'consultant') ? allowed : refused('PLAN.NOT_CHAIR_OR_CONSULTANT');
}

/** The steering group's chair approves or sends back; per the plan's setting, any member of it may. */
export function canApprovePlan(member: Member | undefined, approvers: PlanApprovers = 'chair'): Verdict {
  if (member === undefined) return refused('FORUM.NOT_MEMBER');
  // The gate let the steering group's members through; the setting narrows it to the chair.
  return approvers === 'members' || hasRole(member, 'chair') ? allowed : refused('PLAN.APPROVER_CHAIR_ONLY');
}

/** Sends the draft to the steering group: what is sent is kept, so later edits do not change it. */
export function sendForApproval(record: PlanRecord, content: PlanContent, by: string, at: Date): PlanRecord {
  if (record.state === 'sent') throw refusal('PLAN.ALREADY_SENT');
  const { sentBackComment: _comment, ...rest } = record;
  return { ...rest, state: 'sent', pending: content, sentAt: at.toISOString(), sentBy: by, updatedAt: at.toISOString() };
}

/** The chair approves: the pending content becomes the next frozen version; adjustments start afresh. */
export function approve(record: PlanRecord, by: string, at: Date): { record: PlanRecord; version: PlanVersion } {
  if (record.state !== 'sent' || record.pending === undefined || record.sentAt === undefined || record.sentBy === undefined) throw refusal('PLAN.NOT_SENT');
  const version: PlanVersion = { number: record.approvedVersion + 1, content: record.pending, sentAt: record.sentAt, sentBy: record.sentBy, approvedAt: at.toISOString(), approvedBy: by };
  const { pending: _pending, sentAt: _sentAt, sentBy: _sentBy, ...rest } = record;
  return { record: { ...rest, state: 'approved', approvedVersion: version.number, adjustments: [], addedSinceApproval: [], updatedAt: at.toISOString() }, version };
}

/** The chair sends the draft back with a comment: it is a draft again, the comment shown on it. */
export function sendBack(record: PlanRecord, comment: string, at: Date): PlanRecord {
  if (record.state !== 'sent') throw refusal('PLAN.NOT_SENT');
  const { pending: _pending, sentAt: _sentAt, sentBy: _sentBy, ...rest } = record;
  return { ...rest, state: 'draft', sentBackComment: comment, updatedAt: at.toISOString() };
}

/**
 * What an initiative's change does to the plan once a version is approved: a new initiative
 * needs a new approval (the plan becomes a draft again); a status change of an approved one is an
 * adjustment ("justeret"), published at once without approval. Other edits wait for the next version.
 */
export function afterInitiativeChange(record: PlanRecord, before: Initiative | undefined, after: Initiative, at: Date): PlanRecord {
  if (record.approvedVersion === 0) return record;
  if (before === undefined) {
    return { ...record, state: record.state === 'approved' ? 'draft' : record.state, addedSinceApproval: [...record.addedSinceApproval, after.id], updatedAt: at.toISOString() };
  }
  if (before.status === after.status || record.addedSinceApproval.includes(after.id)) return record;
  const adjustment = { at: at.toISOString(), initiativeId: after.id, project: after.project, from: before.status, to: after.status };
  return { ...record, adjustments: [...record.adjustments, adjustment], updatedAt: at.toISOString() };
}

/** When the published plan last changed: its latest adjustment, or its approval. */
export function lastAdjusted(record: PlanRecord, version: PlanVersion | undefined): string | undefined {
  return record.adjustments.at(-1)?.at ?? version?.approvedAt;
}

/** A status change that changes nothing is refused, so the history holds only real changes. */
export function checkStatusChange(current: InitiativeStatus, next: InitiativeStatus): Verdict {
  return current === next ? refused('PLAN.STATUS_UNCHANGED', { status: next }) : allowed;
}

/**
 * The default owner and steering group, from the registry: the coordinating forum whose next step up
 * is a strategic forum (Koordinationsgruppen → Lokalråd), never a sealed one.
 */
export function defaultPlanFora(fora: readonly Forum[]): { ownerForumId: string; steeringForumId: string } | undefined {
  const byId = new Map(fora.map((f) => [f.id, f]));
  const owners = fora.filter((f) => f.level === 'coordinating' && !f.sensitive).sort((a, b) => a.name.localeCompare(b.name, 'da'));
  for (const owner of owners) {
    const above = owner.escalatesTo === undefined ? undefined : byId.get(owner.escalatesTo);
    if (above?.level === 'strategic') return { ownerForumId: owner.id, steeringForumId: above.id };
  }
  return undefined;
}

/** The plan's settings: the steering group must be a strategic forum, the owner a forum that is not it. */
export function checkPlanFora(fora: ReadonlyMap<string, Forum>, ownerForumId: string, steeringForumId: string): Verdict {
  const steering = fora.get(steeringForumId);
  if (fora.get(ownerForumId) === undefined) return refused('PLAN.OWNER_UNKNOWN', { field: 'ownerForumId' });
  if (steering?.level !== 'strategic') return refused('PLAN.STEERING_NOT_STRATEGIC', { field: 'steeringForumId' });
  if (ownerForumId === steeringForumId) return refused('PLAN.OWNER_IS_STEERING', { field: 'ownerForumId' });
  return allowed;
}

/** The year the yearly reminder is due in, if `month` (1–12, in the municipality's zone) is the plan's month. */
export const reminderDueIn = (record: Pick<PlanRecord, 'reminderMonth'>, local: { year: number; month: number }): number | undefined =>
  local.month === record.reminderMonth ? local.year : undefined;

const refusal = (code: string): DomainError => new DomainError(code);
