import { PLAN_VERBS } from '../../../cards/plan-verbs';
import { PlanRecord } from '../../../domain/plan/plan';
import { aMember } from '../../storage/storage.mothers';
import type { RunningBotFixture } from '../support/bot-harness';
import { clickCard } from '../support/card-clicks';
import type { CardValue } from '../support/card-reading';
import { reachablePerson } from '../support/emulated-teams';
import { aPerson, type Person, type Where } from '../support/teams-activities';
import { aChain, type Chain } from '../escalations/escalations.support';
import { PLAN_2017 } from '../../domain/plan/plan-2017';

export interface PlanCast {
  chain: Chain;
  ownerForumId: string;
  steeringForumId: string;
  consultant: Person;
  ownerChair: Person;
  /** A member of the owning forum without the consultant's or chair's role. */
  member: Person;
  steeringChair: Person;
  outsider: Person;
  personal: (p: Person) => Where;
}

/**
 * Koordinationsgruppen writes the plan, Lokalråd approves it (the chain of the escalation tests,
 * each forum in its channel), with a consultant, a chair and a plain member in the owner, a chair
 * in the steering group, and someone in neither.
 */
export async function aPlanCast(running: RunningBotFixture): Promise<PlanCast> {
  const { storage } = running.storage;
  const chain = await aChain(running);
  const ownerForumId = chain.middle!.forum.id;
  const steeringForumId = chain.top.forum.id;
  const person = async (name: string, forumId: string | undefined, roles: ('chair' | 'consultant' | 'member')[]): Promise<Person> => {
    const p = aPerson(name);
    if (forumId !== undefined) await storage.members.save(forumId, aMember({ userId: p.aadObjectId, displayName: p.name, roles }));
    chain.users.set(p.aadObjectId, await reachablePerson(running, p));
    return p;
  };
  const cast = {
    chain,
    ownerForumId,
    steeringForumId,
    consultant: await person('Konsulent Åse Plan', ownerForumId, ['consultant']),
    ownerChair: await person('Formand Frede', ownerForumId, ['chair']),
    member: await person('Skoleleder Søren', ownerForumId, ['member']),
    steeringChair: await person('Centerchef Camilla', steeringForumId, ['chair']),
    outsider: await person('Borger Bent', undefined, []),
    personal: (p: Person): Where => ({ kind: 'personal', conversationId: chain.users.get(p.aadObjectId)!.personalConversationId }),
  };
  // A fresh plan for this cast (a file's tests share one store, and a municipality has one plan).
  const current = await storage.plans.find();
  await storage.plans.save(PlanRecord.parse({ ownerForumId, steeringForumId, basis: 'SSP-samarbejdet i Ishøj.', strategy: 'Tidlig forebyggelse.', ...(current === undefined ? {} : { version: current.version }) }));
  return cast;
}

/** What the initiative form sends for one of the 2017 initiatives, its time frame moved to now. */
export function typed2017(index: number, forumId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  const row = PLAN_2017[index]!;
  const year = new Date().getFullYear();
  return {
    focusArea: row.focusArea,
    project: row.project,
    purpose: row.purpose,
    fromYear: String(year - (row.toYear - row.fromYear)),
    toYear: String(year),
    targetGroup: row.targetGroup,
    ageFrom: row.ages === undefined ? '' : String(row.ages.from),
    ageTo: row.ages === undefined ? '' : String(row.ages.to),
    area: row.area ?? '',
    contactName: '',
    forumId,
    status: 'running',
    public: 'false',
    ...over,
  };
}

export const saveInitiative = (running: RunningBotFixture, cast: PlanCast, who: Person, data: Record<string, unknown>): Promise<CardValue> =>
  clickCard(running, cast.personal(who), who, PLAN_VERBS.initiativeSave, data);

/** The Action.Execute buttons anywhere on a card, as verb → data. */
export function buttons(node: unknown): { verb: string; data: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap(buttons);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = record['type'] === 'Action.Execute' ? [{ verb: String(record['verb']), data: (record['data'] ?? {}) as Record<string, unknown> }] : [];
  return [...own, ...Object.values(record).flatMap(buttons)];
}
