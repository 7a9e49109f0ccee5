import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PLAN_VERBS } from '../../../cards/plan-verbs';
import { aMember } from '../../storage/storage.mothers';
import { useRunningBot } from '../support/bot-harness';
import { clickCard } from '../support/card-clicks';
import { cardTexts, type CardValue } from '../support/card-reading';
import { reachablePerson } from '../support/emulated-teams';
import { outboxDrained } from '../support/outbox-drained';
import { aPerson, type Person } from '../support/teams-activities';
import { isErrorCard, sentCards } from '../escalations/escalations.support';
import { aPlanCast, buttons, saveInitiative, typed2017, type PlanCast } from './plan.support';

/**
 * Who approves, per the steering group's setting on the plan's settings card: by default its chair
 * only (a plain member of it gets no card and is refused); set to "any member", every member gets
 * the card and any of them may approve.
 */
const running = useRunningBot();
beforeAll(() => running.bot.app.outbox.start());
afterAll(async () => {
  await running.bot.app.outbox.stop({ timeoutMs: 2_000 });
});

const text = (card: CardValue): string => cardTexts(card).join('\n');
const click = (cast: PlanCast, who: Person, verb: string, data: unknown) => clickCard(running, cast.personal(who), who, verb, data);

async function steeringMember(cast: PlanCast): Promise<Person> {
  const p = aPerson('Politikommissær Per');
  await running.storage.storage.members.save(cast.steeringForumId, aMember({ userId: p.aadObjectId, displayName: p.name, roles: ['member'] }));
  cast.chain.users.set(p.aadObjectId, await reachablePerson(running, p));
  return p;
}

const askedCards = (cast: PlanCast, who: Person) => sentCards(running, cast.personal(who).conversationId).filter((c) => buttons(c).some((b) => b.verb === PLAN_VERBS.approve));

describe('who in the steering group approves the plan', () => {
  test('given the default setting then only the chair is asked, and a plain member of the steering group may not approve', async () => {
    const cast = await aPlanCast(running);
    const member = await steeringMember(cast);
    expect((await running.storage.storage.plans.find())?.approvers).toBe('chair');
    await saveInitiative(running, cast, cast.consultant, typed2017(0, cast.ownerForumId));
    await click(cast, cast.consultant, PLAN_VERBS.send, {});
    await outboxDrained(running.storage.storage);
    expect(askedCards(cast, member)).toHaveLength(0);
    const asked = askedCards(cast, cast.steeringChair).at(-1)!;
    const approve = buttons(asked).find((b) => b.verb === PLAN_VERBS.approve)!;
    const refused = await click(cast, member, PLAN_VERBS.approve, approve.data);
    expect(isErrorCard(refused)).toBe(true);
    expect(text(refused)).toContain('Kun styregruppens formand kan godkende handlingsplanen');
    expect((await running.storage.storage.plans.find())?.state).toBe('sent');
  });

  test('given the owner’s chair sets "any member" then the setting is shown and saved, every member of the steering group is asked, and a plain member approves', async () => {
    const cast = await aPlanCast(running);
    const member = await steeringMember(cast);
    const { storage } = running.storage;
    const shown = await click(cast, cast.ownerChair, 'plan.settings.show', {});
    const field = JSON.stringify(shown);
    expect(field).toContain('"id":"approvers","label":"Hvem i styregruppen godkender"');
    expect(field).toContain('"value":"chair","choices":[{"title":"Kun formanden","value":"chair"},{"title":"Ethvert medlem af styregruppen","value":"members"}]');
    // A consultant of the owner may not change who approves.
    expect(isErrorCard(await click(cast, cast.consultant, 'plan.settings.save', { ownerForumId: cast.ownerForumId, steeringForumId: cast.steeringForumId, reminderMonth: '1', approvers: 'members' }))).toBe(true);
    expect((await storage.plans.find())?.approvers).toBe('chair');
    const saved = await click(cast, cast.ownerChair, 'plan.settings.save', { ownerForumId: cast.ownerForumId, steeringForumId: cast.steeringForumId, reminderMonth: '1', approvers: 'members' });
    expect(text(saved)).toContain('Indstillingerne er gemt.');
    expect((await storage.plans.find())?.approvers).toBe('members');
    expect((await storage.audit.listByForum(cast.ownerForumId)).filter((e) => e.action === 'plan.settings.changed').at(-1)?.after).toContain('"approvers":"members"');

    await saveInitiative(running, cast, cast.consultant, typed2017(0, cast.ownerForumId));
    const sent = await click(cast, cast.consultant, PLAN_VERBS.send, {});
    expect(text(sent)).toContain('ethvert medlem kan godkende. Sendt til 3 af 3 godkendere.');
    await outboxDrained(storage);
    expect(askedCards(cast, cast.steeringChair).length).toBeGreaterThan(0);
    const asked = askedCards(cast, member).at(-1);
    expect(asked).toBeDefined();
    // Someone outside the steering group is still refused.
    const approve = buttons(asked).find((b) => b.verb === PLAN_VERBS.approve)!;
    expect(isErrorCard(await click(cast, cast.ownerChair, PLAN_VERBS.approve, approve.data))).toBe(true);
    // The steering group's channel is gone from Teams: the approver is told, with why; the owner's channel has it.
    running.emulator.deleteConversation(cast.chain.top.forum.teams!.conversationId);
    const done = await click(cast, member, PLAN_VERBS.approve, approve.data);
    expect(text(done)).toContain('Godkendt som version');
    expect(text(done)).toContain(`Nåede ikke kanalen for ${cast.chain.top.forum.name}: samtalen findes ikke længere.`);
    expect(text(done)).toContain(`Slået op i kanalen for ${cast.chain.middle!.forum.name}.`);
    const record = await storage.plans.find();
    expect(record?.state).toBe('approved');
    expect((await storage.plans.findVersion(record!.approvedVersion))?.approvedBy).toBe(member.aadObjectId);

    // After approval a status change is an adjustment: the owner's channel is told what changed, once.
    const ownerChannel = cast.chain.middle!.forum.teams!.conversationId;
    const initiative = (await storage.initiatives.list()).find((i) => i.project === typed2017(0, cast.ownerForumId)['project'])!;
    await outboxDrained(storage);
    const before = running.emulator.sent(ownerChannel).length;
    await click(cast, cast.consultant, PLAN_VERBS.initiativeStatus, { initiativeId: initiative.id, status: 'on_hold' });
    await outboxDrained(storage);
    const posted = running.emulator.sent(ownerChannel).slice(before).map((e) => e.activity['text']);
    expect(posted).toEqual([`Handlingsplanen er justeret: ${initiative.project} er nu sat i bero (før: i gang).`]);
  });

  test('given a steering member who never opened Forumbot then the sender is told who got the card and who was not reached, not how many were queued', async () => {
    const cast = await aPlanCast(running);
    await steeringMember(cast);
    const stranger = aPerson('Skoleleder Sofie');
    await running.storage.storage.members.save(cast.steeringForumId, aMember({ userId: stranger.aadObjectId, displayName: stranger.name, roles: ['member'] }));
    await click(cast, cast.ownerChair, 'plan.settings.save', { ownerForumId: cast.ownerForumId, steeringForumId: cast.steeringForumId, reminderMonth: '1', approvers: 'members' });
    await saveInitiative(running, cast, cast.consultant, typed2017(0, cast.ownerForumId));
    const said = text(await click(cast, cast.consultant, PLAN_VERBS.send, {}));
    expect(said).toContain('Sendt til 3 af 4 godkendere; 1 kan ikke nås endnu.');
    expect(said).toContain('Skoleleder Sofie');
    expect(said).not.toContain('Sendt til 4 af 4');
  });
});
