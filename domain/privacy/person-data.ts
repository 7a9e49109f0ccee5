import type { ActionItem } from '../actions/action-item';
import type { AgendaInput } from '../agendas/agenda';
import type { AuditEvent } from '../audit/audit-event';
import type { KnownUser } from '../conversations/conversation';
import type { Escalation, EscalationStep } from '../escalations/escalation';
import type { Forum, Member } from '../fora/forum';
import type { OutboxMessage } from '../outbox/outbox-message';
import type { ReportDraft } from '../picture/report-draft';

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
  cases: { id: string; title: string; state: string; originForumId: string; raisedByThem: boolean; theirSteps: { at: string; action: string; note?: string }[] }[];
  audit: { forumId: string; at: string; action: string; subject: string }[];
  deliveries: { id: string; status: string; subjectType?: string; enqueuedAt: string; deliveredAt?: string }[];
  /** Half-yearly reports the person edited or published as the analyst: when, and the commentary they worked on. */
  pictureReports: { forumId: string; period: { from: string; to: string }; edits: string[]; publishedAt?: string; commentary: Record<string, string> }[];
}

export interface PersonSources {
  fora: readonly Forum[];
  members: readonly { forumId: string; member: Member }[];
  inputs: readonly { forumId: string; input: AgendaInput }[];
  actionItems: readonly ActionItem[];
  cases: readonly { escalation: Escalation; history: readonly EscalationStep[] }[];
  audit: readonly AuditEvent[];
  deliveries: readonly OutboxMessage[];
  knownUser?: KnownUser | undefined;
  pictureReports?: readonly ReportDraft[];
}

/** Selects from what was read the person's own data; `sources` may hold other people's rows. */
export function personDataOf(userId: string, sources: PersonSources, now: Date): PersonData {
  const forumName = new Map(sources.fora.map((forum) => [forum.id, forum.name]));
  const known = sources.knownUser?.userId === userId ? sources.knownUser : undefined;
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
    cases: sources.cases.flatMap(({ escalation, history }) => {
      const raisedByThem = escalation.raisedBy.userId === userId;
      const theirSteps = history
        .filter((step) => step.actor?.userId === userId)
        .map((step) => ({ at: step.at, action: step.action, ...(step.note === undefined ? {} : { note: step.note }) }));
      if (!raisedByThem && theirSteps.length === 0) return [];
      return [{ id: escalation.id, title: escalation.title, state: escalation.state, originForumId: escalation.originForumId, raisedByThem, theirSteps }];
    }),
    audit: sources.audit.filter((event) => event.actorId === userId).map((event) => ({ forumId: event.forumId, at: event.at, action: event.action, subject: event.subject })),
    deliveries: sources.deliveries
      .filter((message) => message.recipient.kind === 'user' && message.recipient.userId === userId)
      .map((message) => ({ id: message.id, status: message.status, ...(message.subject === undefined ? {} : { subjectType: message.subject.type }), enqueuedAt: message.enqueuedAt, ...(message.deliveredAt === undefined ? {} : { deliveredAt: message.deliveredAt }) })),
    pictureReports: (sources.pictureReports ?? []).flatMap((report) => {
      const edits = report.edits.filter((e) => e.userId === userId).map((e) => e.at);
      const publishedAt = report.published?.userId === userId ? report.published.at : undefined;
      if (edits.length === 0 && publishedAt === undefined) return [];
      return [{ forumId: report.forumId, period: { ...report.period }, edits, ...(publishedAt === undefined ? {} : { publishedAt }), commentary: { ...report.commentary } }];
    }),
  };
}

/** Whether anything at all is held about the person (an access request for nobody says so). */
export const holdsAnything = (data: PersonData): boolean =>
  data.knownAs !== undefined || [data.memberships, data.inputs, data.actionItems, data.cases, data.audit, data.deliveries, data.pictureReports].some((list) => list.length > 0);
