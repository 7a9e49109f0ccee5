/**
 * The local action plan over real HTTP: initiatives written from cards, the approval round through
 * the outbox (send back with a comment, approve), the published plan following status changes while
 * the frozen version stays as approved, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PLAN_VERBS } from '../../../cards/plan-verbs';
import { useRunningBot } from '../support/bot-harness';
import { clickCard } from '../support/card-clicks';
import { cardTexts, fieldMessage, type CardValue } from '../support/card-reading';
import { sayTo } from '../support/conversation';
import { outboxDrained } from '../support/outbox-drained';
import { isErrorCard, sentCards } from '../escalations/escalations.support';
import { aPlanCast, buttons, saveInitiative, typed2017, type PlanCast } from './plan.support';

const running = useRunningBot();
beforeAll(() => running.bot.app.outbox.start());
afterAll(async () => {
  await running.bot.app.outbox.stop({ timeoutMs: 2_000 });
});

const cardOf = (reply: Record<string, unknown>): CardValue => (reply['attachments'] as { content: CardValue }[])[0]!.content;
const text = (card: CardValue): string => cardTexts(card).join('\n');
const click = (cast: PlanCast, who: PlanCast['consultant'], verb: string, data: unknown) => clickCard(running, cast.personal(who), who, verb, data);

/** The published plan as a reader (the plain member) sees it from the command. */
async function publishedAs(cast: PlanCast, who = cast.member): Promise<string> {
  return text(cardOf(await sayTo(running, cast.personal(who), who, 'handlingsplan')));
}

describe('the local action plan, from draft to approved and adjusted', () => {
  let cast: PlanCast;

  test('given the consultant then the command shows the draft with the writer\'s buttons; a plain member sees no draft', async () => {
    cast = await aPlanCast(running);
    const draft = cardOf(await sayTo(running, cast.personal(cast.consultant), cast.consultant, 'handlingsplan'));
    expect(text(draft)).toContain('Kladde · under udarbejdelse');
    expect(buttons(draft).map((b) => b.verb)).toEqual(expect.arrayContaining([PLAN_VERBS.initiativeForm, PLAN_VERBS.send]));
    const reader = cardOf(await sayTo(running, cast.personal(cast.member), cast.member, 'actionplan'));
    expect(text(reader)).toContain('Der er endnu ingen godkendt plan.');
    expect(buttons(reader).map((b) => b.verb)).not.toContain(PLAN_VERBS.send);
  });

  test('given initiatives typed on the form then they are saved with history and audit; mistakes come back beside their fields, nothing written', async () => {
    for (const index of [0, 3, 4]) {
      const card = await saveInitiative(running, cast, cast.consultant, typed2017(index, cast.ownerForumId));
      expect(text(card)).toContain('er gemt.');
    }
    const refused = await saveInitiative(running, cast, cast.consultant, typed2017(5, cast.ownerForumId, { fromYear: '2030', toYear: '2029', purpose: 'Opfølgning på 010190-1234' }));
    expect(fieldMessage(refused, 'toYear')).toBe('Til-året skal være samme år som fra-året eller senere.');
    expect(fieldMessage(refused, 'purpose')).toContain('CPR-nummer');
    expect(buttons(refused).map((b) => b.verb)).toContain(PLAN_VERBS.initiativeSave);
    const { storage } = running.storage;
    const saved = await storage.initiatives.list();
    expect(saved.map((i) => i.project).sort()).toEqual(['Antiradikalisering - Kompetenceudvikling hos nøglepersoner', 'Boligsocial helhedsplan i Vejledparken', 'Politikadet']);
    expect((await storage.initiatives.history(saved[0]!.id)).map((h) => h.kind)).toEqual(['created']);
    expect((await storage.audit.listByForum(cast.ownerForumId)).filter((e) => e.action === 'plan.initiative.created')).toHaveLength(3);
  });

  test('given a plain member or an outsider then editing is refused with an error card and nothing is written', async () => {
    const before = (await running.storage.storage.initiatives.list()).length;
    const byMember = await saveInitiative(running, cast, cast.member, typed2017(6, cast.ownerForumId));
    expect(isErrorCard(byMember)).toBe(true);
    expect(text(byMember)).toContain('Kun konsulenterne og formanden');
    const byOutsider = await saveInitiative(running, cast, cast.outsider, typed2017(6, cast.ownerForumId));
    expect(isErrorCard(byOutsider)).toBe(true);
    expect(isErrorCard(await click(cast, cast.outsider, PLAN_VERBS.send, {}))).toBe(true);
    expect(isErrorCard(await click(cast, cast.consultant, PLAN_VERBS.approve, { sentAt: 'x' }))).toBe(true);
    expect((await running.storage.storage.initiatives.list()).length).toBe(before);
  });

  test('given the draft sent then the steering chair gets the card, sends it back with a comment (required), and the writer sees it', async () => {
    const sent = await click(cast, cast.consultant, PLAN_VERBS.send, {});
    expect(text(sent)).toContain('Sendt til 1 af 1 godkender.');
    await outboxDrained(running.storage.storage);
    const asked = sentCards(running, cast.personal(cast.steeringChair).conversationId).at(-1)!;
    expect(text(asked)).toContain('Handlingsplan til godkendelse');
    const sendBack = buttons(asked).find((b) => b.verb === PLAN_VERBS.sendBack)!;

    const noComment = await click(cast, cast.steeringChair, PLAN_VERBS.sendBack, { ...sendBack.data, comment: '  ' });
    expect(fieldMessage(noComment, 'comment')).toBe('Skriv en kommentar, så konsulenterne ved, hvad der skal rettes.');
    expect((await running.storage.storage.plans.find())?.state).toBe('sent');

    const back = await click(cast, cast.steeringChair, PLAN_VERBS.sendBack, { ...sendBack.data, comment: 'Strategien mangler mål for næste år.' });
    expect(text(back)).toContain('Sendt tilbage med din kommentar.');
    expect(text(back)).toContain('Sendt til 1 af 1 modtager.');
    expect(await running.storage.storage.plans.find()).toMatchObject({ state: 'draft', sentBackComment: 'Strategien mangler mål for næste år.', approvedVersion: 0 });
    await outboxDrained(running.storage.storage);
    expect(text(sentCards(running, cast.personal(cast.consultant).conversationId).at(-1)!)).toContain('Styregruppen har sendt planen tilbage: Strategien mangler mål for næste år.');
    // The old card's round is over: approving from it is refused.
    expect(isErrorCard(await click(cast, cast.steeringChair, PLAN_VERBS.approve, sendBack.data))).toBe(true);
  });

  test('given the draft sent again and approved then version 1 is frozen and published in both channels', async () => {
    await click(cast, cast.ownerChair, PLAN_VERBS.send, {});
    await outboxDrained(running.storage.storage);
    const asked = sentCards(running, cast.personal(cast.steeringChair).conversationId).at(-1)!;
    const approve = buttons(asked).find((b) => b.verb === PLAN_VERBS.approve)!;
    // Only the steering group's chair approves.
    expect(isErrorCard(await click(cast, cast.ownerChair, PLAN_VERBS.approve, approve.data))).toBe(true);
    const done = await click(cast, cast.steeringChair, PLAN_VERBS.approve, approve.data);
    expect(text(done)).toContain('Godkendt som version 1.');
    // Said once Teams accepted each channel post, not when queued.
    for (const forum of [cast.chain.top, cast.chain.middle!]) expect(text(done)).toContain(`Slået op i kanalen for ${forum.forum.name}.`);
    const version = await running.storage.storage.plans.findVersion(1);
    expect(version?.content.initiatives).toHaveLength(3);
    expect(version?.approvedBy).toBe(cast.steeringChair.aadObjectId);
    await outboxDrained(running.storage.storage);
    for (const forum of [cast.chain.top, cast.chain.middle!]) {
      const posted = sentCards(running, forum.forum.teams!.conversationId).at(-1)!;
      expect(text(posted)).toContain('Gældende plan · godkendt');
      expect(text(posted)).toContain('Politikadet');
    }
    // A second click on the same card does not approve twice.
    expect(isErrorCard(await click(cast, cast.steeringChair, PLAN_VERBS.approve, approve.data))).toBe(true);
    expect(await running.storage.storage.plans.findVersion(2)).toBeUndefined();
  });

  test('given an initiative put on hold and back then the published plan drops and re-adds it as adjusted; the frozen version is unchanged', async () => {
    const { storage } = running.storage;
    const frozen = await storage.plans.findVersion(1);
    const politikadet = (await storage.initiatives.list()).find((i) => i.project === 'Politikadet')!;
    expect(await publishedAs(cast)).toContain('Politikadet');

    const unchanged = await click(cast, cast.consultant, PLAN_VERBS.initiativeStatus, { initiativeId: politikadet.id, status: 'running' });
    expect(fieldMessage(unchanged, 'status')).toBe('Indsatsen har allerede den status. Vælg en anden.');

    const onHold = await click(cast, cast.consultant, PLAN_VERBS.initiativeStatus, { initiativeId: politikadet.id, status: 'on_hold' });
    expect(text(onHold)).toContain('"Politikadet" har nu status Sat i bero.');
    const published = await publishedAs(cast);
    expect(published).not.toContain('Projekt: Politikadet');
    expect(published).toContain('senest justeret');
    expect(published).toContain('Justeret');
    expect(await storage.plans.find()).toMatchObject({ state: 'approved', approvedVersion: 1 });

    await click(cast, cast.consultant, PLAN_VERBS.initiativeStatus, { initiativeId: politikadet.id, status: 'running' });
    expect(await publishedAs(cast)).toContain('Projekt: Politikadet');
    expect(await storage.plans.findVersion(1)).toEqual(frozen);
    expect((await storage.initiatives.history(politikadet.id)).map((h) => [h.kind, h.toStatus])).toEqual([['created', undefined], ['status', 'on_hold'], ['status', 'running']]);
  });

  test('given an initiative added after approval then it waits for a new approval and is not in the published plan', async () => {
    await saveInitiative(running, cast, cast.consultant, typed2017(7, cast.ownerForumId));
    expect(await running.storage.storage.plans.find()).toMatchObject({ state: 'draft', approvedVersion: 1 });
    expect(await publishedAs(cast)).not.toContain('Fra gadeliv til klubliv');
    const draft = cardOf(await sayTo(running, cast.personal(cast.consultant), cast.consultant, 'handlingsplan'));
    expect(text(draft)).toContain('1 ny indsats venter på styregruppens godkendelse.');
    expect(text(draft)).toContain('Projekt: Fra gadeliv til klubliv');
  });
});

describe('the plan\'s settings', () => {
  test('given the owner\'s chair then the settings change the steering group only to a strategic forum and set the reminder month; a consultant may not', async () => {
    const cast = await aPlanCast(running);
    const { storage } = running.storage;
    const chairCard = cardOf(await sayTo(running, cast.personal(cast.ownerChair), cast.ownerChair, 'handlingsplan'));
    expect(buttons(chairCard).map((b) => b.verb)).toContain('plan.settings.show');
    const consultantCard = cardOf(await sayTo(running, cast.personal(cast.consultant), cast.consultant, 'handlingsplan'));
    expect(buttons(consultantCard).map((b) => b.verb)).not.toContain('plan.settings.show');
    expect(isErrorCard(await click(cast, cast.consultant, 'plan.settings.save', { ownerForumId: cast.ownerForumId, steeringForumId: cast.steeringForumId, reminderMonth: '9' }))).toBe(true);

    const shown = await click(cast, cast.ownerChair, 'plan.settings.show', {});
    expect(text(shown)).toContain('Handlingsplanens indstillinger');
    const refused = await click(cast, cast.ownerChair, 'plan.settings.save', { ownerForumId: cast.ownerForumId, steeringForumId: cast.chain.origin.forum.id, reminderMonth: '9' });
    expect(fieldMessage(refused, 'steeringForumId')).toBe('Styregruppen skal være et strategisk forum.');
    expect((await storage.plans.find())?.reminderMonth).toBe(1);

    const saved = await click(cast, cast.ownerChair, 'plan.settings.save', { ownerForumId: cast.ownerForumId, steeringForumId: cast.steeringForumId, reminderMonth: '9' });
    expect(text(saved)).toContain('Indstillingerne er gemt.');
    expect(await storage.plans.find()).toMatchObject({ ownerForumId: cast.ownerForumId, steeringForumId: cast.steeringForumId, reminderMonth: 9 });
    expect((await storage.audit.listByForum(cast.ownerForumId)).some((e) => e.action === 'plan.settings.changed')).toBe(true);
  });
});
