import type { ActionItem } from '../actions/action-item';
import type { AgendaInput } from '../agendas/agenda';
import type { AuditEvent } from '../audit/audit-event';
import type { ConversationAddress, KnownUser } from '../conversations/conversation';
import type { Escalation, EscalationStep } from '../escalations/escalation';
import type { Forum, Member } from '../fora/forum';
import type { OutboxMessage } from '../outbox/outbox-message';
import type { Agenda } from '../agendas/agenda';
import type { SeenReceipt } from '../escalations/escalation.repository';
import type { RosterMember } from '../reach/team-roster';
import { mentions, type LeaverTraces } from './leave';
import type { ReportDraft } from '../picture/report-draft';
import { analystIn, holdsPlanData, planDataOf, type PlanPersonData, type PlanSources } from './plan-person-data';

/**
 * A person's data (GDPR art. 15): what Forumbot holds about them and what they wrote — and nothing
 * that is someone else's. Where a stored thing names another person (an item someone else owns, a
 * case step another took), only the person's own part leaves.
 */
export interface PersonData {
  userId: string;
  producedAt: string;
  knownAs?: { displayName?: string; teamsId: string; seenAt: string };
  memberships: { forumId: string; forumName: string; displayName: string; email?: string; roles: string[] }[];
  inputs: { forumId: string; agendaId: string; itemId?: string; text: string; noComments: boolean; savedAt: string }[];
  actionItems: { forumId: string; id: string; title: string; status: string; dueDate: string; as: ('owner' | 'creator')[] }[];
  cases: { id: string; title: string; state: string; originForumId: string; raisedByThem: boolean; theirSteps: { at: string; action: string; note?: string }[]; seenDecisionAt?: string }[];
  /** Agendas that name them: as creator, last editor, presenter of an item, on or behind the circulation, or sharing the briefing. */
  agendas: { forumId: string; agendaId: string; meetingStart: string; as: AgendaRole[] }[];
  /** Audit entries they did, or that name them (as subject or in what changed). */
  audit: { forumId: string; at: string; action: string; subject: string; as: ('actor' | 'named')[] }[];
  /** Their rows on the rosters of the teams the app is in. */
  teams: { teamId: string; displayName?: string; email?: string; upn?: string; seenAt: string }[];
  personalChat?: { conversationId: string; active: boolean; installedAt: string };
  deliveries: { id: string; status: string; subjectType?: string; enqueuedAt: string; deliveredAt?: string }[];
  /** Messages their actions sent to others: what kind and when only (ids and recipients are others'). */
  caused: { status: string; subjectType?: string; enqueuedAt: string; deliveredAt?: string }[];
  /** Half-yearly reports the person edited or published as the analyst: when, and the commentary they worked on. */
  pictureReports: { forumId: string; period: { from: string; to: string }; edits: string[]; publishedAt?: string; commentary: Record<string, string> }[];
  /** The fora whose settings name them as an analyst of the half-yearly picture. */
  analystIn: string[];
  /** The action plan: the versions they sent, approved or are named in, initiatives they are contact for or last edited, their history lines. */
  plan: PlanPersonData;
}

export type AgendaRole = 'creator' | 'editor' | 'presenter' | 'consultant' | 'circulator' | 'sharedWith';

export interface PersonSources {
  fora: readonly Forum[];
  members: readonly { forumId: string; member: Member }[];
  inputs: readonly { forumId: string; input: AgendaInput }[];
  actionItems: readonly ActionItem[];
  cases: readonly { escalation: Escalation; history: readonly EscalationStep[]; seen: readonly SeenReceipt[] }[];
  agendas: readonly Agenda[];
  audit: readonly AuditEvent[];
  deliveries: readonly OutboxMessage[];
  caused?: readonly OutboxMessage[];
  knownUser?: KnownUser | undefined;
  roster: readonly RosterMember[];
  personalChat?: ConversationAddress | undefined;
  pictureReports?: readonly ReportDraft[];
  plan?: PlanSources;
}

/** The ids and names the person goes by in what was read (for audit entries that name them). */
function tracesIn(userId: string, sources: PersonSources): LeaverTraces {
  const own = (id: string | undefined): boolean => id === userId;
  const names = [
    ...sources.members.filter(({ member }) => own(member.userId)).flatMap(({ member }) => [member.displayName, member.email]),
    ...(own(sources.knownUser?.userId) ? [sources.knownUser?.displayName] : []),
    ...sources.roster.filter((r) => own(r.userId)).flatMap((r) => [r.displayName, r.email, r.upn]),
  ].filter((name): name is string => name !== undefined && name.trim() !== '');
  const teamsId = own(sources.knownUser?.userId) ? sources.knownUser?.teamsId : sources.roster.find((r) => own(r.userId))?.teamsId;
  return { userId, ...(teamsId === undefined ? {} : { teamsId }), names: [...new Set(names)] };
}

function agendaRoles(agenda: Agenda, userId: string, names: readonly string[]): AgendaRole[] {
  const isTheirs = (name: string | undefined): boolean => name !== undefined && names.some((n) => n.toLowerCase() === name.trim().toLowerCase());
  const roles: AgendaRole[] = [];
  if (agenda.createdBy === userId) roles.push('creator');
  if (agenda.updatedBy === userId) roles.push('editor');
  if (agenda.items.some((item) => isTheirs(item.presenter))) roles.push('presenter');
  if (agenda.circulation?.consultantIds.includes(userId) === true) roles.push('consultant');
  if (agenda.circulation?.circulatedBy === userId) roles.push('circulator');
  if (agenda.circulation?.sharedWith?.includes(userId) === true) roles.push('sharedWith');
  return roles;
}

/** Selects from what was read the person's own data; `sources` may hold other people's rows. */
export function personDataOf(userId: string, sources: PersonSources, now: Date): PersonData {
  const forumName = new Map(sources.fora.map((forum) => [forum.id, forum.name]));
  const known = sources.knownUser?.userId === userId ? sources.knownUser : undefined;
  const traces = tracesIn(userId, sources);
  const chat = sources.personalChat?.userId === userId ? sources.personalChat : undefined;
  return {
    userId,
    producedAt: now.toISOString(),
    ...(known === undefined ? {} : { knownAs: { ...(known.displayName === undefined ? {} : { displayName: known.displayName }), teamsId: known.teamsId, seenAt: known.seenAt } }),
    memberships: sources.members
      .filter(({ member }) => member.userId === userId)
      .map(({ forumId, member }) => ({ forumId, forumName: forumName.get(forumId) ?? forumId, displayName: member.displayName, ...(member.email === undefined ? {} : { email: member.email }), roles: [...member.roles] })),
    inputs: sources.inputs
      .filter(({ input }) => input.authorId === userId)
      .map(({ forumId, input }) => ({ forumId, agendaId: input.agendaId, ...(input.itemId === undefined ? {} : { itemId: input.itemId }), text: input.text, noComments: input.noComments, savedAt: input.savedAt })),
    actionItems: sources.actionItems.flatMap((item) => {
      const as: ('owner' | 'creator')[] = [];
      if (item.owner.kind === 'member' && item.owner.userId === userId) as.push('owner');
      if (item.createdBy === userId) as.push('creator');
      return as.length === 0 ? [] : [{ forumId: item.forumId, id: item.id, title: item.title, status: item.status, dueDate: item.dueDate, as }];
    }),
    cases: sources.cases.flatMap(({ escalation, history, seen }) => {
      const raisedByThem = escalation.raisedBy.userId === userId;
      const theirSteps = history
        .filter((step) => step.actor?.userId === userId)
        .map((step) => ({ at: step.at, action: step.action, ...(step.note === undefined ? {} : { note: step.note }) }));
      const seenAt = seen.find((receipt) => receipt.person.userId === userId)?.at;
      if (!raisedByThem && theirSteps.length === 0 && seenAt === undefined) return [];
      return [{ id: escalation.id, title: escalation.title, state: escalation.state, originForumId: escalation.originForumId, raisedByThem, theirSteps, ...(seenAt === undefined ? {} : { seenDecisionAt: seenAt }) }];
    }),
    agendas: sources.agendas.flatMap((agenda) => {
      const as = agendaRoles(agenda, userId, traces.names);
      return as.length === 0 ? [] : [{ forumId: agenda.forumId, agendaId: agenda.id, meetingStart: agenda.meetingStart, as }];
    }),
    audit: sources.audit.flatMap((event) => {
      const as: ('actor' | 'named')[] = [];
      if (event.actorId === userId) as.push('actor');
      if (mentions(event.subject, traces) || mentions(event.before, traces) || mentions(event.after, traces)) as.push('named');
      return as.length === 0 ? [] : [{ forumId: event.forumId, at: event.at, action: event.action, subject: event.subject, as }];
    }),
    teams: sources.roster
      .filter((row) => row.userId === userId)
      .map((row) => ({ teamId: row.teamId, ...(row.displayName === undefined ? {} : { displayName: row.displayName }), ...(row.email === undefined ? {} : { email: row.email }), ...(row.upn === undefined ? {} : { upn: row.upn }), seenAt: row.seenAt })),
    ...(chat === undefined ? {} : { personalChat: { conversationId: chat.conversationId, active: chat.active, installedAt: chat.installedAt } }),
    deliveries: sources.deliveries
      .filter((message) => message.recipient.kind === 'user' && message.recipient.userId === userId)
      .map((message) => ({ id: message.id, status: message.status, ...(message.subject === undefined ? {} : { subjectType: message.subject.type }), enqueuedAt: message.enqueuedAt, ...(message.deliveredAt === undefined ? {} : { deliveredAt: message.deliveredAt }) })),
    pictureReports: (sources.pictureReports ?? []).flatMap((report) => {
      const edits = report.edits.filter((e) => e.userId === userId).map((e) => e.at);
      const publishedAt = report.published?.userId === userId ? report.published.at : undefined;
      if (edits.length === 0 && publishedAt === undefined) return [];
      return [{ forumId: report.forumId, period: { ...report.period }, edits, ...(publishedAt === undefined ? {} : { publishedAt }), commentary: { ...report.commentary } }];
    }),
    caused: (sources.caused ?? [])
      .filter((message) => message.causedBy === userId && !(message.recipient.kind === 'user' && message.recipient.userId === userId))
      .map((message) => ({ status: message.status, ...(message.subject === undefined ? {} : { subjectType: message.subject.type }), enqueuedAt: message.enqueuedAt, ...(message.deliveredAt === undefined ? {} : { deliveredAt: message.deliveredAt }) })),
    analystIn: analystIn(sources.fora, userId),
    plan: planDataOf(traces, sources.plan),
  };
}

/** Whether anything at all is held about the person (an access request for nobody says so). */
export const holdsAnything = (data: PersonData): boolean =>
  data.knownAs !== undefined || data.personalChat !== undefined || [data.memberships, data.inputs, data.actionItems, data.cases, data.agendas, data.audit, data.deliveries, data.caused, data.teams, data.pictureReports, data.analystIn].some((list) => list.length > 0) ||
  holdsPlanData(data.plan);
