import type { Forum } from '../fora/forum';
import type { Initiative, InitiativeChange } from '../plan/initiative';
import type { PlanContent, PlanRecord, PlanVersion } from '../plan/plan';
import { mentions, type LeaverTraces } from './leave';
import { isNameOf } from './plan-leave';

/** How the person is on the plan: who sent or approved it, listed in its organisation, a contact or the last editor of an initiative in it. */
export type PlanRole = 'sender' | 'approver' | 'listed' | 'contact' | 'editor';
export type InitiativeRole = 'contact' | 'editor';

/** The action plan as it concerns the person; ids, dates and their roles only, nothing of what others wrote. */
export interface PlanPersonData {
  /** The working copy, when it is waiting for approval and names them. */
  pending?: { sentAt?: string; as: PlanRole[] };
  versions: { number: number; sentAt: string; approvedAt: string; as: PlanRole[] }[];
  initiatives: { id: string; project: string; as: InitiativeRole[] }[];
  /** Lines of an initiative's history they made. */
  changes: { initiativeId: string; at: string; kind: string; fields: string[] }[];
}

export interface PlanSources {
  record?: PlanRecord | undefined;
  versions: readonly PlanVersion[];
  initiatives: readonly Initiative[];
  changes: readonly InitiativeChange[];
}

export const NO_PLAN_DATA: PlanPersonData = { versions: [], initiatives: [], changes: [] };

function initiativeRoles(initiative: Initiative, traces: LeaverTraces): InitiativeRole[] {
  const as: InitiativeRole[] = [];
  if (mentions(initiative.contactName, traces)) as.push('contact');
  if (initiative.updatedBy === traces.userId) as.push('editor');
  return as;
}

function contentRoles(content: PlanContent, traces: LeaverTraces): PlanRole[] {
  const as = new Set<PlanRole>();
  if (content.organisation.some((level) => level.fora.some((forum) => forum.members.some((member) => isNameOf(traces, member.name))))) as.add('listed');
  for (const initiative of content.initiatives) initiativeRoles(initiative, traces).forEach((role) => as.add(role));
  return [...as];
}

/** Selects the person's part of the plan from what was read; `sources` may hold anyone's. */
export function planDataOf(traces: LeaverTraces, sources: PlanSources | undefined): PlanPersonData {
  if (sources === undefined) return NO_PLAN_DATA;
  const userId = traces.userId;
  const record = sources.record;
  const pendingRoles: PlanRole[] = record === undefined ? [] : [...(record.sentBy === userId ? (['sender'] as const) : []), ...(record.pending === undefined ? [] : contentRoles(record.pending, traces))];
  return {
    ...(pendingRoles.length === 0 ? {} : { pending: { ...(record?.sentAt === undefined ? {} : { sentAt: record.sentAt }), as: pendingRoles } }),
    versions: sources.versions.flatMap((version) => {
      const as: PlanRole[] = [...(version.sentBy === userId ? (['sender'] as const) : []), ...(version.approvedBy === userId ? (['approver'] as const) : []), ...contentRoles(version.content, traces)];
      return as.length === 0 ? [] : [{ number: version.number, sentAt: version.sentAt, approvedAt: version.approvedAt, as }];
    }),
    initiatives: sources.initiatives.flatMap((initiative) => {
      const as = initiativeRoles(initiative, traces);
      return as.length === 0 ? [] : [{ id: initiative.id, project: initiative.project, as }];
    }),
    changes: sources.changes.filter((change) => change.actorId === userId).map((change) => ({ initiativeId: change.initiativeId, at: change.at, kind: change.kind, fields: [...change.fields] })),
  };
}

/** The fora that name the person as an analyst of the half-yearly picture. */
export const analystIn = (fora: readonly Forum[], userId: string): string[] =>
  fora.filter((forum) => forum.analysts?.some((id) => id.toLowerCase() === userId.toLowerCase()) === true).map((forum) => forum.id);

export const holdsPlanData = (plan: PlanPersonData): boolean => plan.pending !== undefined || [plan.versions, plan.initiatives, plan.changes].some((list) => list.length > 0);
