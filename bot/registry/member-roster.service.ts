import type { Forum, Member } from '../../domain/fora/forum';
import { keepsAChair } from '../../domain/fora/forum.rules';
import { applyMemberChange, changesNothing, type MemberChange, type MemberChangeOutcome } from '../../domain/fora/membership.rules';
import { DomainError } from '../../domain/shared/domain-error';
import { ConcurrencyError } from '../../domain/shared/repository-errors';
import { audit } from '../core/audit';
import type { BotServices } from '../core/services';
import { requireForum } from '../core/require-forum';

type RosterServices = Pick<BotServices, 'fora' | 'members' | 'audit' | 'clock' | 'logger'>;

const TRIES = 6;
const pause = (n: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** n));

const AUDIT_ACTION: Record<MemberChange['kind'], string> = {
  add: 'forum.member.added',
  remove: 'forum.member.removed',
  setRoles: 'forum.member.roles.changed',
};

export interface RosterChangeResult extends MemberChangeOutcome {
  forum: Forum;
  changed: boolean;
}

/**
 * Carries out one change to a forum's members for the acting user (from the activity).
 *
 * Member rows carry no version, so the forum row serves as the lock of its member list: the
 * change is decided on the members read after the forum, and is written only after the forum
 * row has been re-saved under the version read (If-Match). Two chairs acting at once cannot
 * both pass on the same list (e.g. each removing the other, leaving no chair): the loser's save
 * fails with 412 and it decides again on the fresh list, or is refused. Each change writes one
 * member (the repository keeps its index beside it) and one audit row: who, when, before, after.
 */
export async function changeMembers(services: RosterServices, forumId: string, actorId: string, change: MemberChange): Promise<RosterChangeResult> {
  for (let n = 1; ; n++) {
    const forum = await requireForum(services, forumId);
    const members = await services.members.listByForum(forumId);
    const outcome = applyMemberChange(members, members.find((m) => m.userId === actorId), change);
    if (!outcome.ok) throw new DomainError(outcome.code, outcome.context ?? {});
    if (changesNothing(outcome)) return { ...outcome, forum, changed: false };
    let claimed: Forum;
    try {
      claimed = await services.fora.save(forum);
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || n >= TRIES) throw error;
      await pause(n);
      continue;
    }
    const userId = change.kind === 'add' ? change.member.userId : change.userId;
    const write = (to: Member | undefined): Promise<void> => (to === undefined ? services.members.remove(forumId, userId) : services.members.save(forumId, to));
    await write(outcome.after);
    try {
      // The lock leaves a window of a few milliseconds (a rival's write may land after our read):
      // the one invariant that must never break, a chair, is checked again on what is stored now.
      const chair = keepsAChair(await services.members.listByForum(forumId));
      if (!chair.ok) throw new DomainError(chair.code);
      const subject = outcome.after ?? outcome.before;
      await audit(services, { forumId, actorId, action: AUDIT_ACTION[change.kind], subject: `${subject?.displayName ?? ''} (${userId})`, before: outcome.before, after: outcome.after });
    } catch (error) {
      // Nothing half-written: a change that cannot be audited (or broke the chair rule) is undone.
      await write(outcome.before);
      throw error;
    }
    services.logger.info({ forumId, action: AUDIT_ACTION[change.kind] }, 'forum members changed');
    return { ...outcome, forum: claimed, changed: true };
  }
}
