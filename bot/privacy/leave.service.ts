import { checkCanLeave, inputAfterLeaving, itemAfterLeaving, pseudonymOf, reportAfterLeaving } from '../../domain/privacy/leave';
import { DomainError } from '../../domain/shared/domain-error';
import { audit } from '../core/audit';
import type { BotServices } from '../core/services';
import { SYSTEM_AUDIT } from './retention.service';

export interface LeaveOutcome {
  pseudonym: string;
  fora: number;
  reassigned: number;
  blocked: number;
  renamed: number;
}

/**
 * Removes a person who left the municipality. Checks first (the last chair of a forum refuses it,
 * before anything is written), then: open items they own go to the forum's chair (or are marked
 * blocked), their name and id become a stable pseudonym where they are stored as author, owner or
 * raiser or as an analyst on a half-yearly report, their memberships end, and their Teams address and known-user row are deleted. The audit
 * keeps that it happened, under the pseudonym.
 */
export async function removePerson(services: BotServices, userId: string, actorId: string, reason: string): Promise<LeaveOutcome> {
  const fora = await services.fora.list();
  const withMembers = await Promise.all(fora.map(async (forum) => ({ forum, members: await services.members.listByForum(forum.id) })));
  const verdict = checkCanLeave(userId, withMembers);
  if (!verdict.ok) throw new DomainError(verdict.code, verdict.context ?? {});

  const former = pseudonymOf(userId);
  const now = services.clock.now().toISOString();
  const outcome: LeaveOutcome = { pseudonym: former.displayName, fora: 0, reassigned: 0, blocked: 0, renamed: 0 };
  for (const { forum, members } of withMembers) {
    const chair = members.find((member) => member.userId !== userId && member.roles.includes('chair'));
    for (const item of await services.actionItems.listByForum(forum.id)) {
      const next = itemAfterLeaving(item, userId, chair, reason, now);
      if (next === item) continue;
      await services.actionItems.update(forum.id, item.id, (current) => itemAfterLeaving(current, userId, chair, reason, now));
      if (next.owner.kind === 'member' && next.owner.userId === chair?.userId && item.owner.kind === 'member' && item.owner.userId === userId) outcome.reassigned += 1;
      else if (next.status === 'blocked' && item.status !== 'blocked') outcome.blocked += 1;
      else outcome.renamed += 1;
    }
    for (const agenda of await services.agendas.listByForum(forum.id)) {
      const mine = await services.agendaInputs.listByAuthor(agenda.id, userId);
      if (mine.length === 0) continue;
      // Written under the pseudonym first, then the named rows go: a crash between leaves both, never neither.
      await services.agendaInputs.replaceAnswer(agenda.id, former.userId, mine.map((input) => inputAfterLeaving(input, userId)));
      await services.agendaInputs.replaceAnswer(agenda.id, userId, []);
      outcome.renamed += mine.length;
    }
    for (const escalation of await services.escalations.listByOriginForum(forum.id)) {
      if (escalation.raisedBy.userId !== userId) continue;
      await services.escalations.update({ ...escalation, raisedBy: former });
      outcome.renamed += 1;
    }
    for (const report of await services.pictureReports.listByForum(forum.id)) {
      const next = reportAfterLeaving(report, userId);
      if (next === report) continue;
      await services.pictureReports.save(next);
      outcome.renamed += 1;
    }
    if (members.some((member) => member.userId === userId)) {
      await services.members.remove(forum.id, userId);
      await audit(services, { forumId: forum.id, actorId, action: 'member.removed.left', subject: `member:${former.userId}` });
      outcome.fora += 1;
    }
  }
  const personal = await services.conversations.findPersonal(userId);
  if (personal !== undefined) await services.conversations.remove(personal.conversationId);
  await services.knownUsers.remove(userId);
  await audit(services, { forumId: SYSTEM_AUDIT, actorId, action: 'privacy.person.removed', subject: `person:${former.userId}`, after: { fora: outcome.fora, reassigned: outcome.reassigned, blocked: outcome.blocked, renamed: outcome.renamed } });
  return outcome;
}
