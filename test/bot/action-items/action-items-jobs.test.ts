/**
 * Reminders from two bot instances at once, follow-up, "løftes" and the CSV export, through the
 * real bot, the outbox, the Teams connector emulator and Azurite.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ACTION_VERBS } from '../../../cards/action-item.card';
import { carryInput } from '../../../cards/action-follow-up.card';
import { createBotApp } from '../../../bot/app';
import { actionItemsFeature } from '../../../bot/action-items/action-items.feature';
import { sendActionReminders } from '../../../bot/action-items/action-items.jobs';
import { createLogger } from '../../../bot/logger';
import { followUpAgendaItem } from '../../../domain/actions/follow-up';
import { aForum, aMember, anActionItem, anAgenda } from '../../storage/storage.mothers';
import { LogCapture, testConfig, useRunningBot } from '../support/bot-harness';
import { aWorld, cardTexts, click, isErrorCard, localIso, personalChatOf, type World } from './action-items.support';
import { reachablePerson } from '../support/emulated-teams';
import { outboxDrained } from '../support/outbox-drained';

const running = useRunningBot();

beforeAll(() => {
  running.bot.app.outbox.start();
});
afterAll(async () => {
  await running.bot.app.outbox.stop({ timeoutMs: 2_000 });
});

const memberOwner = (world: World) => ({ kind: 'member' as const, userId: world.owner.aadObjectId, displayName: 'Jonas Berg' });
const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString();

describe('reminders', () => {
  test('given two bot instances run the reminder job at the same time, twice, then the owner gets the due-soon and the overdue reminder and the chair the digest, each exactly once', async () => {
    const world = await aWorld(running);
    const { storage } = running.storage;
    await storage.actionItems.save(anActionItem(world.forum.id, { title: 'Snart forfalden', owner: memberOwner(world), dueDate: localIso(2), createdAt: tenDaysAgo }));
    await storage.actionItems.save(anActionItem(world.forum.id, { title: 'Allerede forfalden', owner: memberOwner(world), dueDate: localIso(-1), createdAt: tenDaysAgo }));
    await storage.actionItems.save(anActionItem(world.forum.id, { title: 'God tid', owner: memberOwner(world), dueDate: localIso(10), createdAt: tenDaysAgo }));
    const second = createBotApp({ config: testConfig(), logger: createLogger('silent', new LogCapture()), storage });
    const jobs = [...actionItemsFeature.jobs!(running.bot.app.services), ...actionItemsFeature.jobs!(second.services)];
    const morning = new Date(`${localIso(0)}T08:30:00.000Z`);

    await Promise.all(jobs.map((job) => job.run(morning)));
    const ownerChat = personalChatOf(world, world.owner).conversationId;
    const chairChat = personalChatOf(world, world.chair).conversationId;
    await running.emulator.waitFor((e) => e.sent(ownerChat).length >= 2 && e.sent(chairChat).length >= 1, 10_000);
    await Promise.all(jobs.map((job) => job.run(new Date(morning.getTime() + 3 * 3600_000))));
    // A wrongly queued second copy would be delivered before the outbox is empty.
    await outboxDrained(running.storage.storage);

    const ownerCards = running.emulator.sent(ownerChat).map((s) => String(s.activity['summary']));
    expect(ownerCards.sort()).toEqual(['Frist overskredet: Allerede forfalden', 'Påmindelse om frist: Snart forfalden']);
    const chairCards = running.emulator.sent(chairChat);
    expect(chairCards.map((s) => String(s.activity['summary']))).toEqual([`1 overskreden handling i ${world.forum.name}`]);
    expect(cardTexts((chairCards[0]!.activity['attachments'] as { content: unknown }[])[0]!.content)).toContain('Allerede forfalden');
  });

  test('given the night (before 08:00 local time) then the job queues nothing', async () => {
    const world = await aWorld(running);
    await running.storage.storage.actionItems.save(anActionItem(world.forum.id, { owner: memberOwner(world), dueDate: localIso(-3), createdAt: tenDaysAgo }));
    const night = new Date(`${localIso(0)}T01:00:00.000Z`);
    expect(await sendActionReminders(running.bot.app.services, night)).toEqual({ reminders: 0, digests: 0 });
  });
});

describe('follow-up at the next meeting', () => {
  test('given open and closed items when the next agenda is made then it has "Opfølgning på handlinger" with the open ones; the chair closes one and carries the other over', async () => {
    const world = await aWorld(running);
    const { storage } = running.storage;
    const a = await storage.actionItems.save(anActionItem(world.forum.id, { title: 'Tal med skolerne', owner: memberOwner(world), dueDate: localIso(-1) }));
    const b = await storage.actionItems.save(anActionItem(world.forum.id, { title: 'Plan for sommerferien', owner: memberOwner(world), dueDate: localIso(5) }));
    await storage.actionItems.save(anActionItem(world.forum.id, { title: 'Gammel og lukket', owner: memberOwner(world), status: 'done' }));

    const followUp = followUpAgendaItem(await storage.actionItems.listByForum(world.forum.id), 'da', { todayLocal: localIso(0) });
    const agenda = await storage.agendas.save(anAgenda(world.forum.id, { items: [...anAgenda(world.forum.id).items, followUp] }));
    const stored = (await storage.agendas.findById(world.forum.id, agenda.id))!.items.at(-1)!;
    expect(stored.title).toBe('Opfølgning på handlinger');
    expect(stored.description).toContain('Tal med skolerne — Jonas Berg');
    expect(stored.description).toContain('Plan for sommerferien');
    expect(stored.description).not.toContain('Gammel og lukket');

    expect(isErrorCard(await click(running, world.channel, world.consultant, ACTION_VERBS.followUp, { forumId: world.forum.id }))).toBe(true);
    const card = await click(running, world.channel, world.chair, ACTION_VERBS.followUp, { forumId: world.forum.id });
    expect(cardTexts(card).filter((t) => t.startsWith('**'))).toEqual(['**Tal med skolerne** — Jonas Berg', '**Plan for sommerferien** — Jonas Berg']);
    const afterClose = await click(running, world.channel, world.chair, ACTION_VERBS.status, { forumId: world.forum.id, itemId: a.id, to: 'done', from: 'followUp' });
    expect(cardTexts(afterClose).filter((t) => t.startsWith('**'))).toEqual(['**Plan for sommerferien** — Jonas Berg']);
    await click(running, world.channel, world.chair, ACTION_VERBS.carry, { forumId: world.forum.id, itemId: b.id, [carryInput(b.id)]: localIso(33) });
    expect(await storage.actionItems.findById(world.forum.id, b.id)).toMatchObject({ dueDate: localIso(33), carriedOver: 1, status: 'open' });
    expect((await storage.actionItems.findById(world.forum.id, a.id))?.status).toBe('done');
  });
});

describe('løftes: moving an item up', () => {
  test('given the chair moves an item up then an escalation held one level up is created with its first step, linked, audited and sent to the managers above; a second time is refused', async () => {
    const { storage } = running.storage;
    // The forum above, with a manager (who is told) and a plain member (who is not).
    const above = await storage.fora.save(aForum({ name: 'Koordinationsgruppen', level: 'coordinating', escalatesTo: undefined }));
    const manager = aMember({ displayName: 'Leder Karen', roles: ['manager'] });
    await storage.members.save(above.id, manager);
    await storage.members.save(above.id, aMember({ displayName: 'Medlem Mads', roles: ['member'] }));
    const managerUser = await reachablePerson(running, { aadObjectId: manager.userId, teamsId: `29:${manager.userId}` });
    const world = await aWorld(running, { escalatesTo: above.id });
    const item = await storage.actionItems.save(anActionItem(world.forum.id, { title: 'Mangler ressourcer til natteravne', owner: memberOwner(world), dueDate: localIso(5) }));
    const ref = { forumId: world.forum.id, itemId: item.id };
    expect(isErrorCard(await click(running, personalChatOf(world, world.owner), world.owner, ACTION_VERBS.escalate, { ...ref, escalationNote: 'Kan ikke løses her' }))).toBe(true);

    const card = await click(running, world.channel, world.chair, ACTION_VERBS.escalate, { ...ref, escalationNote: 'Kræver budget fra koordinationsgruppen' });
    expect(cardTexts(card)).toContain('Løftet til forummet over.');
    const linked = (await storage.actionItems.findById(world.forum.id, item.id))!;
    const escalation = (await storage.escalations.findById(linked.escalationId!))!;
    expect(escalation).toMatchObject({ actionItemId: item.id, originForumId: world.forum.id, currentForumId: above.id, state: 'raised', description: 'Kræver budget fra koordinationsgruppen' });
    expect((await storage.escalations.history(escalation.id)).map((s) => [s.action, s.toForumId])).toEqual([['raise', above.id]]);
    const audit = await storage.audit.listByForum(world.forum.id);
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['escalation.raised', 'action.linkEscalation']));
    const told = await storage.outbox.listBySubject('escalation', escalation.id);
    expect(told.map((m) => m.recipient)).toEqual([{ kind: 'user', userId: manager.userId }]);
    expect(told[0]).toMatchObject({ causedBy: world.chair.aadObjectId, activity: { summary: 'Ny eskaleret sag: Mangler ressourcer til natteravne' } });
    await running.emulator.waitFor((e) => e.sent(managerUser.personalConversationId).length === 1, 10_000);

    const again = await click(running, world.channel, world.chair, ACTION_VERBS.escalate, ref);
    expect(isErrorCard(again)).toBe(false);
    expect(cardTexts(again)[0]).toBe('Handlingen er allerede løftet til forummet over.');
    expect(await storage.escalations.listByOriginForum(world.forum.id)).toHaveLength(1);
    expect(await storage.outbox.listBySubject('escalation', escalation.id)).toHaveLength(1);
  });

  test('given a forum at the top of the chain then moving up is refused and no case is created', async () => {
    const world = await aWorld(running, { escalatesTo: undefined });
    const item = await running.storage.storage.actionItems.save(anActionItem(world.forum.id, { owner: memberOwner(world), dueDate: localIso(5) }));
    // The item card comes back saying why (no error card, no card that disappears).
    const top = await click(running, world.channel, world.chair, ACTION_VERBS.escalate, { forumId: world.forum.id, itemId: item.id });
    expect(isErrorCard(top)).toBe(false);
    expect(cardTexts(top)[0]).toContain('øverste');
    expect(await running.storage.storage.escalations.listByOriginForum(world.forum.id)).toEqual([]);
  });
});

describe('CSV export', () => {
  async function exportUrl(world: World, who = world.chair): Promise<URL> {
    const card = await click(running, world.channel, who, ACTION_VERBS.export, { forumId: world.forum.id });
    const open = card.actions?.find((a) => a['type'] === 'Action.OpenUrl');
    const url = new URL(String(open?.['url']));
    expect(url.origin).toBe('http://localhost:3978');
    return new URL(`${url.pathname}${url.search}`, running.bot.baseUrl);
  }

  test('given a member opens the signed link then Danish Excel CSV (BOM, semicolons) that an independent parser reads back', async () => {
    const world = await aWorld(running);
    const { storage } = running.storage;
    await storage.actionItems.save(anActionItem(world.forum.id, { title: 'Møde; "natteravne" og æøå', owner: memberOwner(world), dueDate: '2026-12-24' }));
    await storage.actionItems.save(anActionItem(world.forum.id, { title: '=HYPERLINK("x")', owner: { kind: 'external', displayName: 'Boligselskabet', email: 'drift@bolig.example' }, dueDate: '2027-01-05', status: 'blocked', blockedReason: 'Venter\npå svar' }));
    const response = await fetch(await exportUrl(world, world.owner));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // The review found no nosniff on the CSV: every download has all three.
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="handlinger-.+\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r['Titel'], r['Ansvarlig'], r['E-mail'], r['Frist'], r['Status'], r['Blokeret fordi']])).toEqual([
      ['Møde; "natteravne" og æøå', 'Jonas Berg', '', '24.12.2026', 'Åben', ''],
      ["'=HYPERLINK(\"x\")", 'Boligselskabet', 'drift@bolig.example', '05.01.2027', 'Blokeret', 'Venter\npå svar'],
    ]);
  });

  test('given a tampered link, a link for another forum or a person no longer a member then 403 and no data', async () => {
    const world = await aWorld(running);
    const other = await aWorld(running);
    const url = await exportUrl(world, world.consultant);
    expect((await fetch(url)).status).toBe(200);
    const tampered = new URL(url);
    tampered.searchParams.set('u', world.chair.aadObjectId);
    expect((await fetch(tampered)).status).toBe(403);
    const elsewhere = new URL(url.href.replace(encodeURIComponent(world.forum.id), encodeURIComponent(other.forum.id)));
    expect((await fetch(elsewhere)).status).toBe(403);
    await running.storage.storage.members.remove(world.forum.id, world.consultant.aadObjectId);
    const gone = await fetch(url);
    expect(gone.status).toBe(403);
    expect(await gone.text()).not.toContain('Titel');
  });

  test('given someone outside the forum asks for the link then the card refuses', async () => {
    const world = await aWorld(running);
    const stranger = { ...world.consultant, aadObjectId: crypto.randomUUID() };
    expect(isErrorCard(await click(running, world.channel, stranger, ACTION_VERBS.export, { forumId: world.forum.id }))).toBe(true);
  });
});
