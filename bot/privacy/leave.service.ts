import type { AgendaInput } from '../../domain/agendas/agenda';
import type { Forum, Member } from '../../domain/fora/forum';
import { isFinal } from '../../domain/outbox/outbox-message';
import { agendaAfterLeaving, auditAfterLeaving, checkCanLeave, inputAfterLeaving, itemAfterLeaving, pseudonymOf, reportAfterLeaving, type LeaverTraces } from '../../domain/privacy/leave';
import { DomainError } from '../../domain/shared/domain-error';
import { audit } from '../core/audit';
import { inGroups } from '../core/in-groups';
import type { BotServices } from '../core/services';
import { rosterRowsOf } from './person-data.service';
import { dropAnalyst, pseudonymisePlan } from './plan-leave.service';
import { SYSTEM_AUDIT } from './retention.service';

export interface LeaveOutcome {
  pseudonym: string;
  fora: number;
  reassigned: number;
  blocked: number;
  renamed: number;
  /** Rows only about them that were deleted: addresses, roster rows, delivered messages. */
  erased: number;
}

type ForumWithMembers = { forum: Forum; members: Member[] };

/** Fora worked on at once, and reads within a forum. */
const FORA_AT_ONCE = 8;
const READS_AT_ONCE = 16;

/** Every id and name the person may be written under: memberships, the known-user row, team rosters. */
async function tracesOf(services: BotServices, userId: string, withMembers: readonly ForumWithMembers[]): Promise<LeaverTraces> {
  const [known, roster] = await Promise.all([services.knownUsers.findById(userId), rosterRowsOf(services, userId)]);
  const names = new Set<string>();
  for (const { members } of withMembers) {
    const member = members.find((m) => m.userId === userId);
    if (member !== undefined) [member.displayName, member.email].forEach((name) => name !== undefined && names.add(name));
  }
  [known?.displayName, ...roster.flatMap((row) => [row.displayName, row.email, row.upn])].forEach((name) => name !== undefined && names.add(name));
  const teamsId = known?.teamsId ?? roster[0]?.teamsId;
  return { userId, ...(teamsId === undefined ? {} : { teamsId }), names: [...names] };
}

/**
 * Removes a person who left the municipality. Checks first (the last chair of a forum refuses it,
 * before anything is written), then: open items they own go to the forum's chair (or are marked
 * blocked); where they are stored as author, owner, raiser, actor of a case step, reader of a
 * decision, editor or presenter of an agenda, on a circulation list, as an analyst on a
 * half-yearly report, or on the action plan (sender, approver, listed member, an initiative's
 * contact, editor or history), they become a stable pseudonym; fora naming them as an analyst drop
 * them; audit rows naming them are rewritten under it; their memberships end; and what is only
 * about them goes: their Teams address, known-user and roster rows, and messages delivered to them.
 * The audit keeps that it happened, under the pseudonym.
 */
export async function removePerson(services: BotServices, userId: string, actorId: string, reason: string): Promise<LeaveOutcome> {
  const fora = await services.fora.list();
  const withMembers = await Promise.all(fora.map(async (forum) => ({ forum, members: await services.members.listByForum(forum.id) })));
  const verdict = checkCanLeave(userId, withMembers);
  if (!verdict.ok) throw new DomainError(verdict.code, verdict.context ?? {});

  const traces = await tracesOf(services, userId, withMembers);
  const former = pseudonymOf(userId);
  const now = services.clock.now().toISOString();
  const outcome: LeaveOutcome = { pseudonym: former.displayName, fora: 0, reassigned: 0, blocked: 0, renamed: 0, erased: 0 };
  // Fora side by side (a removal must answer within Teams' few seconds for a card action, and the
  // work per forum is independent). Within a forum the reads run side by side and the writes one
  // after another: they update shared counters of the half-yearly picture, and few writers at once
  // keep its conflict retries short.
  await inGroups(withMembers, FORA_AT_ONCE, async ({ forum, members }) => {
    const chair = members.find((member) => member.userId !== userId && member.roles.includes('chair'));
    const [items, agendas, escalations, reports] = await Promise.all([
      services.actionItems.listByForum(forum.id),
      services.agendas.listByForum(forum.id),
      services.escalations.listByOriginForum(forum.id),
      services.pictureReports.listByForum(forum.id),
    ]);
    const inputsOf = new Map<string, AgendaInput[]>();
    await inGroups(agendas, READS_AT_ONCE, async (agenda) => {
      inputsOf.set(agenda.id, await services.agendaInputs.listByAuthor(agenda.id, userId));
    });
    for (const item of items) {
      const next = itemAfterLeaving(item, userId, chair, reason, now);
      if (next === item) continue;
      await services.actionItems.update(forum.id, item.id, (current) => itemAfterLeaving(current, userId, chair, reason, now));
      if (next.owner.kind === 'member' && next.owner.userId === chair?.userId && item.owner.kind === 'member' && item.owner.userId === userId) outcome.reassigned += 1;
      else if (next.status === 'blocked' && item.status !== 'blocked') outcome.blocked += 1;
      else outcome.renamed += 1;
    }
    for (const agenda of agendas) {
      const mine = inputsOf.get(agenda.id) ?? [];
      if (mine.length > 0) {
        // Written under the pseudonym first, then the named rows go: a crash between leaves both, never neither.
        await services.agendaInputs.replaceAnswer(agenda.id, former.userId, mine.map((input) => inputAfterLeaving(input, userId)));
        await services.agendaInputs.replaceAnswer(agenda.id, userId, []);
        outcome.renamed += mine.length;
      }
      if (agendaAfterLeaving(agenda, traces, mine.length > 0) === agenda) continue;
      await services.agendas.update(forum.id, agenda.id, (current) => agendaAfterLeaving(current, traces, mine.length > 0));
      outcome.renamed += 1;
    }
    for (const escalation of escalations) {
      // Counted after the await: other fora add to the outcome meanwhile.
      const replaced = await services.escalations.replacePerson(escalation.id, userId, former);
      outcome.renamed += replaced;
    }
    for (const report of reports) {
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
  });
  outcome.renamed += await pseudonymisePlan(services, traces);
  outcome.renamed += await dropAnalyst(services, fora, userId);
  outcome.renamed += await pseudonymiseAudit(services, [...fora.map((forum) => forum.id), SYSTEM_AUDIT], traces);
  outcome.erased += await eraseOwnRows(services, userId);
  await audit(services, { forumId: SYSTEM_AUDIT, actorId, action: 'privacy.person.removed', subject: `person:${former.userId}`, after: { fora: outcome.fora, reassigned: outcome.reassigned, blocked: outcome.blocked, renamed: outcome.renamed, erased: outcome.erased } });
  return outcome;
}

/** Audit rows that name the person (as actor, in the subject or in the snapshots) are rewritten under the pseudonym. */
async function pseudonymiseAudit(services: BotServices, forumIds: readonly string[], traces: LeaverTraces): Promise<number> {
  let rewritten = 0;
  await inGroups(forumIds, FORA_AT_ONCE, async (forumId) => {
    const changed = (await services.audit.listByForum(forumId)).flatMap((event) => {
      const next = auditAfterLeaving(event, traces);
      return next === event ? [] : [next];
    });
    await services.audit.rewrite(changed);
    rewritten += changed.length;
  });
  return rewritten;
}

/**
 * Rows that exist only for the person: the personal chat address (active or not), the known-user
 * row, their row on every team roster, and finished messages to them. Messages still queued stay
 * until the worker finishes them (deleting under a running send would lose its outcome); the daily
 * retention takes them some weeks later.
 */
async function eraseOwnRows(services: BotServices, userId: string): Promise<number> {
  let erased = 0;
  if (await services.conversations.removePersonal(userId)) erased += 1;
  if ((await services.knownUsers.findById(userId)) !== undefined) erased += 1;
  await services.knownUsers.remove(userId);
  for (const row of await rosterRowsOf(services, userId)) {
    await services.teamRosters.removeMembers(row.teamId, [userId]);
    erased += 1;
  }
  const delivered = (await services.outboxRecords.listByRecipient(userId)).filter((message) => isFinal(message.status));
  await services.outboxRecords.removeFinished(delivered);
  return erased + delivered.length;
}
