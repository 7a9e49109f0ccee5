import { Initiative } from '../../../domain/plan/initiative';
import { organisationOf } from '../../../domain/plan/organisation';
import { PlanRecord, type PlanContent } from '../../../domain/plan/plan';
import { approve, sendForApproval } from '../../../domain/plan/plan.rules';
import type { Member } from '../../../domain/fora/forum';
import type { Storage } from '../../../storage';
import { uniqueId } from '../../storage/storage-kit';
import type { Traces } from './person-traces';

export interface PlanTraces {
  /** Each person's own initiative (contact and last editor), and one where `a` is the contact and `b` edited it last. */
  initiatives: { a: string; b: string; shared: string };
  /** Texts only the given person's plan data holds. */
  texts: { a: string[]; b: string[] };
}

const anInitiative = (forumId: string, project: string, contactName: string, updatedBy: string, at: string): Initiative =>
  Initiative.parse({ id: uniqueId('initiative'), focusArea: 'Tryghed', project, purpose: 'Færre unge i kriminalitet', fromYear: 2026, toYear: 2027, targetGroup: 'Unge', forumId, contactName, status: 'running', createdAt: at, updatedAt: at, updatedBy });

/**
 * The action plan naming two people `a` and `b` in every place it can: version 1 sent by `a` and
 * approved by `b`, version 2 the other way round, the working copy sent again by `a` and waiting;
 * both listed in the organisation (they are members) and contacts of initiatives, each an
 * initiative's last editor and the author of history lines; both analysts in the first forum's settings.
 */
export async function planTraces(storage: Storage, a: Traces, b: Traces, forumIds: readonly string[]): Promise<PlanTraces> {
  const [home, steering] = forumIds as [string, string];
  const [aId, bId] = [a.person.aadObjectId, b.person.aadObjectId];
  const own = anInitiative(home, `Indsats om ${a.email.split('@')[0]}`, a.person.name, aId, '2026-01-05T09:00:00.000Z');
  const theirs = anInitiative(home, `Indsats om ${b.email.split('@')[0]}`, b.person.name, bId, '2026-01-06T09:00:00.000Z');
  const shared = anInitiative(home, 'Fælles indsats i Vejleåparken', a.person.name, bId, '2026-01-07T09:00:00.000Z');
  for (const initiative of [own, theirs, shared]) await storage.initiatives.save(initiative);
  await storage.initiatives.appendHistory({ initiativeId: own.id, at: own.createdAt, actorId: aId, kind: 'created', fields: [] });
  await storage.initiatives.appendHistory({ initiativeId: theirs.id, at: theirs.createdAt, actorId: bId, kind: 'created', fields: [] });
  await storage.initiatives.appendHistory({ initiativeId: shared.id, at: shared.createdAt, actorId: bId, kind: 'created', fields: [] });
  await storage.initiatives.appendHistory({ initiativeId: shared.id, at: '2026-01-08T09:00:00.000Z', actorId: aId, kind: 'edited', fields: ['contactName'] });

  const fora = await storage.fora.list();
  const members = new Map<string, Member[]>(await Promise.all(fora.map(async (forum) => [forum.id, await storage.members.listByForum(forum.id)] as [string, Member[]])));
  const content: PlanContent = { basis: 'Grundlag', strategy: 'Strategi', organisation: organisationOf(fora, members), initiatives: [own, theirs, shared] };
  let record = PlanRecord.parse({ ownerForumId: home, steeringForumId: steering });
  for (const [number, sender, approver] of [[1, aId, bId], [2, bId, aId]] as const) {
    record = sendForApproval(record, content, sender, new Date(`2026-0${number}-10T09:00:00Z`));
    const approved = approve(record, approver, new Date(`2026-0${number}-20T09:00:00Z`));
    await storage.plans.addVersion(approved.version);
    record = approved.record;
  }
  await storage.plans.save(sendForApproval(record, content, aId, new Date('2026-03-10T09:00:00Z')));
  await storage.fora.update(home, (forum) => ({ ...forum, analysts: [aId, bId] }));
  return { initiatives: { a: own.id, b: theirs.id, shared: shared.id }, texts: { a: [own.project], b: [theirs.project] } };
}
