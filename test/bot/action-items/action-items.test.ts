/**
 * Action items through the real bot over HTTP: Teams' invokes and messages go to /api/messages,
 * proactive cards go through the outbox to the Teams connector emulator, everything is stored in
 * Azurite.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ACTION_VERBS } from '../../../cards/action-item.card';
import { carryInput } from '../../../cards/action-follow-up.card';
import { EXTERNAL_OWNER } from '../../../cards/action-record.card';
import type { ActionItem } from '../../../domain/actions/action-item';
import { anActionItem, anAgenda } from '../../storage/storage.mothers';
import { useRunningBot } from '../support/bot-harness';
import { aMessage, aPersonalChat } from '../support/teams-activities';
import { fieldMessage, inputValue } from '../support/card-reading';
import { aWorld, cardTexts, click, isErrorCard, localIso, personalChatOf, sentCards, type World } from './action-items.support';

const running = useRunningBot();

beforeAll(() => {
  running.bot.app.outbox.start();
});
afterAll(async () => {
  await running.bot.app.outbox.stop({ timeoutMs: 2_000 });
});

const items = (world: World): Promise<ActionItem[]> => running.storage.storage.actionItems.listByForum(world.forum.id);

async function recordTwo(world: World): Promise<ActionItem[]> {
  const card = await click(running, world.channel, world.chair, ACTION_VERBS.record, {
    forumId: world.forum.id,
    title_1: 'Kontakt boligselskabet om belysning',
    owner_1: world.owner.aadObjectId,
    due_1: localIso(14),
    title_2: 'Send tal for hærværk',
    owner_2: EXTERNAL_OWNER,
    extName_2: 'Boligselskabet Vest',
    extEmail_2: 'drift@bolig-vest.example',
    due_2: localIso(21),
    title_3: '',
  });
  expect(isErrorCard(card)).toBe(false);
  const saved = await items(world);
  expect(saved).toHaveLength(2);
  return saved;
}

describe('recording action items', () => {
  test('given the chair records two items (a member and an outsider) then both are stored, audited, the owner gets a personal card and the channel the board', async () => {
    const world = await aWorld(running);
    const saved = await recordTwo(world);
    const member = saved.find((i) => i.owner.kind === 'member')!;
    expect(member).toMatchObject({ status: 'open', dueDate: localIso(14), createdBy: world.chair.aadObjectId, owner: { displayName: 'Jonas Berg' } });

    const audit = await running.storage.storage.audit.listByForum(world.forum.id);
    expect(audit.filter((e) => e.action === 'action.created')).toHaveLength(2);

    const ownerChat = personalChatOf(world, world.owner).conversationId;
    await running.emulator.waitFor((e) => e.sent(ownerChat).length === 1 && e.sent(world.channel.conversationId).length === 1, 10_000);
    const ownerCard = sentCards(running, ownerChat)[0];
    expect(cardTexts(ownerCard)).toContain('Kontakt boligselskabet om belysning');
    expect(cardTexts(ownerCard)[0]).toBe(`Ny handling til dig fra ${world.forum.name}`);
    const board = cardTexts(sentCards(running, world.channel.conversationId)[0]);
    expect(board).toEqual(expect.arrayContaining(['Jonas Berg', 'Boligselskabet Vest', 'Send tal for hærværk']));
    // Nobody can be reached in Teams by e-mail: the outsider gets nothing from the bot.
    expect(running.emulator.sent().filter((s) => JSON.stringify(s.activity).includes('Send tal for hærværk') && s.conversationId !== world.channel.conversationId)).toEqual([]);
  });

  test('given a row with an outsider without e-mail then nothing is recorded and the same form comes back with all rows as typed and the message beside the e-mail field', async () => {
    const world = await aWorld(running);
    const card = await click(running, world.channel, world.chair, ACTION_VERBS.record, {
      forumId: world.forum.id,
      title_1: 'Godt',
      owner_1: world.owner.aadObjectId,
      due_1: localIso(3),
      title_2: 'Mangler e-mail',
      owner_2: EXTERNAL_OWNER,
      extName_2: 'Skolen',
      due_2: localIso(3),
    });
    expect(isErrorCard(card)).toBe(false);
    expect(fieldMessage(card, 'extEmail_2')).toBe('Skal udfyldes: skriv her, og send igen.');
    expect([inputValue(card, 'title_1'), inputValue(card, 'owner_1'), inputValue(card, 'title_2'), inputValue(card, 'extName_2')]).toEqual(['Godt', world.owner.aadObjectId, 'Mangler e-mail', 'Skolen']);
    expect(await items(world)).toEqual([]);
  });

  test('given a CPR number in one row and a past due date in another then both are marked beside their fields, every row is kept and nothing is recorded', async () => {
    const world = await aWorld(running);
    const card = await click(running, world.channel, world.chair, ACTION_VERBS.record, {
      forumId: world.forum.id,
      title_1: 'Tal med drengen 010203-1234',
      owner_1: world.owner.aadObjectId,
      due_1: localIso(3),
      title_2: 'Send tal for hærværk',
      owner_2: world.owner.aadObjectId,
      due_2: localIso(-2),
      title_3: 'x'.repeat(301),
      owner_3: world.owner.aadObjectId,
      due_3: localIso(3),
    });
    expect(isErrorCard(card)).toBe(false);
    expect(fieldMessage(card, 'title_1')).toContain('CPR-nummer');
    expect(fieldMessage(card, 'due_2')).toBe('Fristen må ikke ligge før i dag (række 2).');
    expect(fieldMessage(card, 'title_3')).toBe('Teksten er for lang: højst 300 tegn; teksten har 301. Gør den kortere, og send igen.');
    expect([inputValue(card, 'title_1'), inputValue(card, 'due_2'), inputValue(card, 'title_3')]).toEqual(['Tal med drengen ••••••-••••', localIso(-2), 'x'.repeat(301)]);
    expect(await items(world)).toEqual([]);
  });
});

describe('the recording form', () => {
  test('given the meeting just held had an agenda then the form offers its items as origin, and a recorded item keeps its agenda item and meeting', async () => {
    const world = await aWorld(running);
    const { storage } = running.storage;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const agenda = await storage.agendas.save(anAgenda(world.forum.id, { meetingStart: yesterday, meetingId: 'meeting-1' }));
    const form = await click(running, world.channel, world.secretary, ACTION_VERBS.recordForm, { forumId: world.forum.id });
    expect(JSON.stringify(form)).toContain(agenda.items[1]!.title);
    expect(form.actions?.[0]?.['data']).toEqual({ forumId: world.forum.id, meetingId: 'meeting-1' });
    await click(running, world.channel, world.secretary, ACTION_VERBS.record, {
      forumId: world.forum.id,
      meetingId: 'meeting-1',
      title_1: 'Følg op på punktet',
      owner_1: world.owner.aadObjectId,
      due_1: localIso(7),
      origin_1: agenda.items[1]!.id,
    });
    expect((await items(world))[0]).toMatchObject({ originAgendaItemId: agenda.items[1]!.id, originMeetingId: 'meeting-1', createdBy: world.secretary.aadObjectId });
    expect(isErrorCard(await click(running, world.channel, world.consultant, ACTION_VERBS.recordForm, { forumId: world.forum.id }))).toBe(true);
  });
});

describe('permissions: only the owner, the chair or the secretary may change an item', () => {
  test('given a consultant then recording, marking done and cancelling are refused and nothing changes', async () => {
    const world = await aWorld(running);
    const [item] = await recordTwo(world).then((all) => all.filter((i) => i.owner.kind === 'member'));
    const record = await click(running, world.channel, world.consultant, ACTION_VERBS.record, { forumId: world.forum.id, title_1: 'x', owner_1: world.owner.aadObjectId, due_1: localIso(3) });
    expect(cardTexts(record)[1]).toBe('Kun forummets formand eller sekretær kan gøre det.');
    const done = await click(running, aPersonalChat(), world.consultant, ACTION_VERBS.status, { forumId: world.forum.id, itemId: item!.id, to: 'done' });
    expect(isErrorCard(done)).toBe(true);
    expect((await running.storage.storage.actionItems.findById(world.forum.id, item!.id))?.status).toBe('open');
    expect(await items(world)).toHaveLength(2);
  });

  test('given the owner then started and done work, cancelling does not; given the secretary then cancelling works', async () => {
    const world = await aWorld(running);
    const item = (await recordTwo(world)).find((i) => i.owner.kind === 'member')!;
    const chat = personalChatOf(world, world.owner);
    const ref = { forumId: world.forum.id, itemId: item.id };
    expect(cardTexts(await click(running, chat, world.owner, ACTION_VERBS.status, { ...ref, to: 'started' }))).toContain('I gang');
    expect(isErrorCard(await click(running, chat, world.owner, ACTION_VERBS.status, { ...ref, to: 'cancelled' }))).toBe(true);
    expect(cardTexts(await click(running, world.channel, world.secretary, ACTION_VERBS.status, { ...ref, to: 'cancelled' }))).toContain('Annulleret');
    const audit = await running.storage.storage.audit.listByForum(world.forum.id);
    const cancelled = audit.find((e) => e.action === 'action.status.cancelled')!;
    expect([JSON.parse(cancelled.before!).status, JSON.parse(cancelled.after!).status, cancelled.actorId]).toEqual(['started', 'cancelled', world.secretary.aadObjectId]);
  });
});

describe('the owner works on the item from the card', () => {
  test('given the owner marks the item done then the card shows it, and the board in the channel is updated in place', async () => {
    const world = await aWorld(running);
    const item = (await recordTwo(world)).find((i) => i.owner.kind === 'member')!;
    await running.emulator.waitFor((e) => e.sent(world.channel.conversationId).length === 1, 10_000);
    // The board's delivery is recorded shortly after the send; an update needs its activity id.
    await expect.poll(() => running.bot.app.outbox.findDelivery('action-board', world.forum.id), { timeout: 5_000 }).toBeDefined();
    const card = await click(running, personalChatOf(world, world.owner), world.owner, ACTION_VERBS.status, { forumId: world.forum.id, itemId: item.id, to: 'done' });
    expect(cardTexts(card)).toContain('Udført');
    await running.emulator.waitFor((e) => e.updates(world.channel.conversationId).length === 1, 10_000);
    const update = running.emulator.updates(world.channel.conversationId)[0]!;
    expect(update.id).toBe(running.emulator.sent(world.channel.conversationId)[0]!.id);
    const texts = cardTexts((update.activity['attachments'] as { content: unknown }[])[0]!.content);
    expect(texts).not.toContain('Kontakt boligselskabet om belysning');
    expect(texts).toContain('Send tal for hærværk');
  });

  test('given the owner blocks with a reason and proposes a new date then the chair gets the proposal and accepts it', async () => {
    const world = await aWorld(running);
    const item = (await recordTwo(world)).find((i) => i.owner.kind === 'member')!;
    const chat = personalChatOf(world, world.owner);
    const ref = { forumId: world.forum.id, itemId: item.id };
    // "Blokeret" without a reason: the item card stays, with the message beside the reason field.
    const noReason = await click(running, chat, world.owner, ACTION_VERBS.block, { ...ref, blockedReason: '' });
    expect(isErrorCard(noReason)).toBe(false);
    expect(fieldMessage(noReason, 'blockedReason')).toBe('Skriv en kort begrundelse, når en handling er blokeret.');
    const cpr = await click(running, chat, world.owner, ACTION_VERBS.block, { ...ref, blockedReason: 'Venter på 010203-1234' });
    expect(fieldMessage(cpr, 'blockedReason')).toContain('CPR-nummer');
    expect(inputValue(cpr, 'blockedReason')).toBe('Venter på ••••••-••••');
    expect(cardTexts(await click(running, chat, world.owner, ACTION_VERBS.block, { ...ref, blockedReason: 'Venter på politiet' }))).toContain('Venter på politiet');
    await click(running, chat, world.owner, ACTION_VERBS.propose, { ...ref, proposedDueDate: localIso(30) });
    const chairChat = personalChatOf(world, world.chair).conversationId;
    await running.emulator.waitFor((e) => e.sent(chairChat).length === 1, 10_000);
    expect(cardTexts(sentCards(running, chairChat)[0])[0]).toContain('Jonas Berg foreslår ny frist');
    await click(running, personalChatOf(world, world.chair), world.chair, ACTION_VERBS.decide, { ...ref, accept: true });
    const after = await running.storage.storage.actionItems.findById(world.forum.id, item.id);
    expect([after?.dueDate, after?.proposedDueDate, after?.status]).toEqual([localIso(30), undefined, 'blocked']);
  });
});

describe('concurrent changes', () => {
  test('given the owner and the chair change the same items at the same moment then both changes survive on every item', async () => {
    const world = await aWorld(running);
    const { storage } = running.storage;
    const seeded = await Promise.all(
      Array.from({ length: 6 }, () =>
        storage.actionItems.save(anActionItem(world.forum.id, { owner: { kind: 'member', userId: world.owner.aadObjectId, displayName: 'Jonas Berg' }, dueDate: localIso(5) })),
      ),
    );
    const ownerChat = personalChatOf(world, world.owner);
    await Promise.all(
      seeded.flatMap((item) => [
        click(running, ownerChat, world.owner, ACTION_VERBS.block, { forumId: world.forum.id, itemId: item.id, blockedReason: 'Afventer skolen' }),
        click(running, world.channel, world.chair, ACTION_VERBS.carry, { forumId: world.forum.id, itemId: item.id, [carryInput(item.id)]: localIso(40) }),
      ]),
    );
    const after = await items(world);
    expect(after.map((i) => [i.status, i.blockedReason, i.dueDate, i.carriedOver])).toEqual(seeded.map(() => ['blocked', 'Afventer skolen', localIso(40), 1]));
    const audit = await storage.audit.listByForum(world.forum.id);
    expect(audit.filter((e) => e.action === 'action.status.blocked')).toHaveLength(6);
    expect(audit.filter((e) => e.action === 'action.carryOver')).toHaveLength(6);
  });
});

describe('handlinger', () => {
  test('given the channel then open items grouped by owner, overdue first; given a personal chat then my items across my fora', async () => {
    const world = await aWorld(running);
    const other = await aWorld(running);
    const { storage } = running.storage;
    const jonas = { kind: 'member' as const, userId: world.owner.aadObjectId, displayName: 'Jonas Berg' };
    await storage.members.save(other.forum.id, { userId: world.owner.aadObjectId, displayName: 'Jonas Berg', roles: ['member'] });
    await storage.actionItems.save(anActionItem(world.forum.id, { title: 'Snart', owner: jonas, dueDate: localIso(3) }));
    await storage.actionItems.save(anActionItem(world.forum.id, { title: 'For sent', owner: { kind: 'member', userId: world.secretary.aadObjectId, displayName: 'Sekretær Sofie' }, dueDate: localIso(-2) }));
    await storage.actionItems.save(anActionItem(world.forum.id, { title: 'Færdig', owner: jonas, dueDate: localIso(-9), status: 'done' }));
    await storage.actionItems.save(anActionItem(other.forum.id, { title: 'I det andet forum', owner: jonas, dueDate: localIso(1) }));

    await running.bot.post(aMessage(running.emulator.serviceUrl, world.channel, world.chair, 'handlinger', { mention: true }));
    await running.emulator.waitFor((e) => e.sent().some((s) => s.conversationId.startsWith(world.channel.conversationId) && s.replyToId !== undefined), 10_000);
    const reply = running.emulator.sent().find((s) => s.conversationId.startsWith(world.channel.conversationId) && s.replyToId !== undefined)!;
    const texts = cardTexts((reply.activity['attachments'] as { content: unknown }[])[0]!.content);
    expect(texts.filter((t) => ['Sekretær Sofie', 'Jonas Berg', 'Snart', 'For sent', 'Færdig'].includes(t))).toEqual(['Sekretær Sofie', 'For sent', 'Jonas Berg', 'Snart']);

    const chat = personalChatOf(world, world.owner);
    await running.bot.post(aMessage(running.emulator.serviceUrl, chat, world.owner, 'handlinger'));
    await running.emulator.waitFor((e) => e.sent(chat.conversationId).some((s) => JSON.stringify(s.activity).includes('Mine handlinger')), 10_000);
    const mine = running.emulator.sent(chat.conversationId).find((s) => JSON.stringify(s.activity).includes('Mine handlinger'))!;
    const mineTexts = cardTexts((mine.activity['attachments'] as { content: unknown }[])[0]!.content);
    expect(mineTexts.filter((t) => ['Snart', 'I det andet forum', 'Færdig', 'For sent'].includes(t))).toEqual(['I det andet forum', 'Snart']);

    // Having left the other forum, its item is no longer on their list (it stays on that forum's board).
    await storage.members.remove(other.forum.id, world.owner.aadObjectId);
    const minesSent = () => running.emulator.sent(chat.conversationId).filter((s) => JSON.stringify(s.activity).includes('Mine handlinger'));
    await running.bot.post(aMessage(running.emulator.serviceUrl, chat, world.owner, 'handlinger'));
    await running.emulator.waitFor(() => minesSent().length === 2, 10_000);
    const afterLeaving = cardTexts((minesSent()[1]!.activity['attachments'] as { content: unknown }[])[0]!.content);
    expect(afterLeaving.filter((t) => ['Snart', 'I det andet forum', 'Færdig', 'For sent'].includes(t))).toEqual(['Snart']);
  });
});
