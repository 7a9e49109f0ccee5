/**
 * A forum's own deadlines for escalated cases: the chair's settings card over real HTTP (rights,
 * ranges, audit) and the deadline job reading what the chair saved, on Azurite.
 */
import { describe, expect, test } from 'vitest';
import { escalationsFeature } from '../../../bot/escalations/escalations.feature';
import { ESCALATION_DEADLINE_VERBS } from '../../../cards/escalation-deadlines.card';
import type { Escalation, Urgency } from '../../../domain/escalations/escalation';
import { newEscalation } from '../../../domain/escalations/escalation-raise';
import { aMember } from '../../storage/storage.mothers';
import { useRunningBot } from '../support/bot-harness';
import { aPerson, aPersonalChat, type Person } from '../support/teams-activities';
import { aChain, cardTexts, click, isErrorCard, type CardValue, type Chain } from './escalations.support';
import { fieldMessage, inputValue } from '../support/card-reading';

const running = useRunningBot();
const HOUR_MS = 3_600_000;

/** What Teams sends from the settings card: every value as text; these are the defaults. */
const inputs = (over: Record<string, string> = {}) => ({
  autoEscalate: 'true',
  remind_high: '4',
  remind_normal: '48',
  remind_low: '120',
  escalate_high: '24',
  escalate_normal: '120',
  escalate_low: '336',
  ...over,
});

/** A chain whose middle forum (Koordinationsgruppen) also has a chair. */
async function chainWithChair(): Promise<{ chain: Chain; chair: Person; forumId: string }> {
  const chain = await aChain(running);
  const chair = aPerson('Formand Frida');
  await running.storage.storage.members.save(chain.middle!.forum.id, aMember({ userId: chair.aadObjectId, displayName: chair.name, roles: ['chair', 'member'] }));
  return { chain, chair, forumId: chain.middle!.forum.id };
}

const as = (who: Person, verb: string, data: unknown): Promise<CardValue> => click(running, aPersonalChat(), who, verb, data);

/** The Action.Execute buttons anywhere on a card (ActionSets in the body included), as verb → data. */
function executes(node: unknown): { verb: string; data: unknown }[] {
  if (Array.isArray(node)) return node.flatMap(executes);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = record['type'] === 'Action.Execute' ? [{ verb: String(record['verb']), data: record['data'] }] : [];
  return [...own, ...Object.entries(record).flatMap(([key, value]) => (key === 'refresh' ? [] : executes(value)))];
}

/** A case raised from the origin `hoursAgo` hours ago, not acknowledged, held by the middle forum. */
async function aWaitingCase(chain: Chain, urgency: Urgency, hoursAgo: number): Promise<Escalation> {
  const { storage } = running.storage;
  const raiser = { userId: chain.raiser.aadObjectId, displayName: chain.raiser.name };
  const membership = await storage.members.find(chain.origin.forum.id, raiser.userId);
  const draft = newEscalation(
    { title: 'Uro ved busterminalen om aftenen', urgency, originForumId: chain.origin.forum.id, raisedBy: raiser },
    chain.origin.forum,
    membership,
    `dl-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`,
    new Date(Date.now() - hoursAgo * HOUR_MS),
  );
  return storage.escalations.create(draft.escalation, draft.firstStep);
}

const runDeadlineJob = () => escalationsFeature.jobs!(running.bot.app.services).find((j) => j.name === 'escalations.deadlines')!.run(new Date());

describe('the chair sets the forum\'s deadlines', () => {
  test('given the chair opens the forum card then a button leads to the deadlines; saving stores them on the forum and audits before and after', async () => {
    const { chair, forumId } = await chainWithChair();
    const forumCard = await as(chair, 'registry.forum.show', { forumId });
    const button = executes(forumCard).find((b) => b.verb === ESCALATION_DEADLINE_VERBS.show);
    expect(button?.data).toEqual({ forumId });

    const shown = await as(chair, ESCALATION_DEADLINE_VERBS.show, button?.data);
    expect(isErrorCard(shown)).toBe(false);
    expect(cardTexts(shown)).toContain('Forummet bruger standardfristerne. Gem for at give det sine egne.');

    const saved = await as(chair, ESCALATION_DEADLINE_VERBS.save, { forumId, ...inputs({ autoEscalate: 'false', remind_high: '1', escalate_high: '3' }) });
    expect(cardTexts(saved)).toContain('Fristerne er gemt.');
    const chosen = { remindAfterHours: { high: 1, normal: 48, low: 120 }, escalateAfterHours: { high: 3, normal: 120, low: 336 }, autoEscalate: false };
    expect((await running.storage.storage.fora.findById(forumId))?.escalationDeadlines).toEqual(chosen);

    const [entry, ...more] = (await running.storage.storage.audit.listByForum(forumId)).filter((e) => e.action === 'forum.escalationDeadlines.changed');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actorId: chair.aadObjectId });
    expect(JSON.parse(entry!.before!)).toMatchObject({ remindAfterHours: { high: 4 }, escalateAfterHours: { high: 24 }, autoEscalate: true, defaults: true });
    expect(JSON.parse(entry!.after!)).toEqual(chosen);
  });

  test('given a manager who is not the chair then showing and saving are refused, with no button on the forum card, and nothing is written', async () => {
    const { chain, forumId } = await chainWithChair();
    const manager = chain.managers[0]!;
    expect(executes(await as(manager, 'registry.forum.show', { forumId })).map((b) => b.verb)).not.toContain(ESCALATION_DEADLINE_VERBS.show);
    for (const [verb, data] of [
      [ESCALATION_DEADLINE_VERBS.show, { forumId }],
      [ESCALATION_DEADLINE_VERBS.save, { forumId, ...inputs({ autoEscalate: 'false' }) }],
    ] as const) {
      const card = await as(manager, verb, data);
      expect(isErrorCard(card)).toBe(true);
      expect(cardTexts(card)).toContain('Kun forummets formand kan gøre det.');
    }
    expect((await running.storage.storage.fora.findById(forumId))?.escalationDeadlines).toBeUndefined();
    expect(await running.storage.storage.audit.listByForum(forumId)).toEqual([]);
  });

  test('given a value out of range, a word, or a reminder after the escalation then the same card comes back with what was typed and the reason beside the field, and nothing is written', async () => {
    const { chair, forumId } = await chainWithChair();
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ remind_high: '0' }, { remind_high: 'Skriv et helt tal fra 1 til 336.' }],
      [{ escalate_low: '5000', remind_low: 'to' }, { escalate_low: 'Skriv et helt tal fra 2 til 720.', remind_low: 'Skriv et helt tal fra 1 til 336.' }],
      [{ remind_normal: '100', escalate_normal: '100' }, { escalate_normal: 'For normal hastegrad skal påmindelsen komme før sagen sendes videre (nu 100 og 100 timer). Ret det og gem igen; intet er gemt.' }],
    ];
    for (const [over, messages] of cases) {
      const card = await as(chair, ESCALATION_DEADLINE_VERBS.save, { forumId, ...inputs(over) });
      expect(isErrorCard(card)).toBe(false);
      for (const [id, message] of Object.entries(messages)) expect(fieldMessage(card, id)).toBe(message);
      for (const [id, value] of Object.entries(over)) if (/^\d+$/.test(value)) expect(inputValue(card, id)).toBe(Number(value));
    }
    expect((await running.storage.storage.fora.findById(forumId))?.escalationDeadlines).toBeUndefined();
    expect(await running.storage.storage.audit.listByForum(forumId)).toEqual([]);
  });
});

describe('the deadline job reads the forum\'s deadlines', () => {
  test('given the chair chose "only remind" then a high-urgency case 25 hours old gets its second reminder and stays (the default would send it up)', async () => {
    const { chain, chair, forumId } = await chainWithChair();
    await as(chair, ESCALATION_DEADLINE_VERBS.save, { forumId, ...inputs({ autoEscalate: 'false' }) });
    const late = await aWaitingCase(chain, 'high', 25);
    await runDeadlineJob();
    expect(await running.storage.storage.escalations.findById(late.id)).toMatchObject({ currentForumId: forumId, state: 'raised', reminderCount: 2 });
    expect((await running.storage.storage.escalations.history(late.id)).map((s) => s.action)).toEqual(['raise']);
  });

  test('given the chair chose 3 hours for high urgency then a case 4 hours old goes one level up (the default waits 24 hours)', async () => {
    const { chain, chair, forumId } = await chainWithChair();
    await as(chair, ESCALATION_DEADLINE_VERBS.save, { forumId, ...inputs({ remind_high: '1', escalate_high: '3' }) });
    const early = await aWaitingCase(chain, 'high', 4);
    await runDeadlineJob();
    expect(await running.storage.storage.escalations.findById(early.id)).toMatchObject({ currentForumId: chain.top.forum.id, state: 'raised' });
    expect((await running.storage.storage.escalations.history(early.id)).map((s) => s.action)).toEqual(['raise', 'auto_escalate']);
  });
});
