import { describe, expect, test } from 'vitest';
import { actionListsRepairJob } from '../../../bot/action-items/action-items.jobs';
import { ACTION_VERBS } from '../../../cards/action-item.card';
import { anActionItem } from '../../storage/storage.mothers';
import { useRunningBot } from '../support/bot-harness';
import { aWorld, cardTexts, click, localIso, personalChatOf, type CardValue } from './action-items.support';
import { aMessage } from '../support/teams-activities';

/**
 * A long board comes a page at a time, most urgent first, with the count of all open items and a
 * "Vis flere" that gives the next page; closed items are never read for it, and a change moves an
 * item (or takes it off) at once.
 */
const running = useRunningBot();

const titlesOf = (card: CardValue): string[] => cardTexts(card).filter((t) => /^Opgave \d+$/.test(t));
const buttonsOf = (card: CardValue): { title: string; verb: string; data: Record<string, unknown> }[] =>
  ((card as { actions?: { title: string; verb: string; data: Record<string, unknown> }[] }).actions ?? []).map(({ title, verb, data }) => ({ title, verb, data }));

describe('the board in pages', () => {
  test('given 45 open and 30 closed items then 20 at a time, overdue first, with the total; "Vis flere" to the end, and changes show at once', async () => {
    const world = await aWorld(running);
    const { storage } = running.storage;
    const owner = { kind: 'member' as const, userId: world.owner.aadObjectId, displayName: 'Jonas Berg' };
    // Opgave 0..44 due from 5 days ago onwards (0–4 overdue); 30 closed ones due earlier still.
    await Promise.all(Array.from({ length: 45 }, (_, i) => storage.actionItems.save(anActionItem(world.forum.id, { title: `Opgave ${i}`, owner, dueDate: localIso(i - 5) }))));
    await Promise.all(Array.from({ length: 30 }, (_, i) => storage.actionItems.save(anActionItem(world.forum.id, { title: `Lukket ${i}`, owner, dueDate: localIso(-40 + i), status: i % 2 === 0 ? 'done' : 'cancelled' }))));

    const first = await click(running, world.channel, world.chair, ACTION_VERBS.board, { forumId: world.forum.id });
    expect(titlesOf(first)).toEqual(Array.from({ length: 20 }, (_, i) => `Opgave ${i}`));
    expect(cardTexts(first)).toContain('5 handlinger har overskredet fristen.');
    expect(cardTexts(first)).toContain('Viser 1–20 af 45 åbne handlinger, de mest presserende først.');
    expect(cardTexts(first).some((t) => t.startsWith('Lukket'))).toBe(false);
    const more = buttonsOf(first).find((b) => b.title === 'Vis flere')!;
    expect(more.verb).toBe(ACTION_VERBS.board);

    const second = await click(running, world.channel, world.chair, more.verb, more.data);
    expect(titlesOf(second)).toEqual(Array.from({ length: 20 }, (_, i) => `Opgave ${i + 20}`));
    expect(cardTexts(second)).toContain('Viser 21–40 af 45 åbne handlinger, de mest presserende først.');
    const third = await click(running, world.channel, world.chair, ACTION_VERBS.board, buttonsOf(second).find((b) => b.title === 'Vis flere')!.data);
    expect(titlesOf(third)).toEqual(['Opgave 40', 'Opgave 41', 'Opgave 42', 'Opgave 43', 'Opgave 44']);
    expect(buttonsOf(third).map((b) => b.title)).not.toContain('Vis flere');
    expect(buttonsOf(third).map((b) => b.title)).toContain('Til første side');

    // Done: off the board. A later due date: further down. Both at once, through the item's own card.
    const items = await storage.actionItems.listByForum(world.forum.id);
    const item0 = items.find((i) => i.title === 'Opgave 0')!;
    const item1 = items.find((i) => i.title === 'Opgave 1')!;
    await click(running, world.channel, world.owner, ACTION_VERBS.status, { forumId: world.forum.id, itemId: item0.id, to: 'done' });
    await storage.actionItems.update(world.forum.id, item1.id, (current) => ({ ...current, dueDate: localIso(100) }));
    const after = await click(running, world.channel, world.chair, ACTION_VERBS.board, { forumId: world.forum.id });
    expect(titlesOf(after)[0]).toBe('Opgave 2');
    expect(cardTexts(after)).toContain('Viser 1–20 af 44 åbne handlinger, de mest presserende først.');
    expect(cardTexts(after)).toContain('3 handlinger har overskredet fristen.');
    await storage.actionItems.delete(world.forum.id, item1.id);
    expect((await storage.actionItems.countOpen(world.forum.id, localIso(0))).open).toBe(43);
  });

  test('given lists that disagree with the items (a lost write, items from before the lists) then the repair job makes them agree', async () => {
    const world = await aWorld(running);
    const { storage } = running.storage;
    const owner = { kind: 'member' as const, userId: world.owner.aadObjectId, displayName: 'Jonas Berg' };
    const kept = await storage.actionItems.save(anActionItem(world.forum.id, { title: 'Opgave 1', owner, dueDate: localIso(2) }));
    await storage.actionItems.save(anActionItem(world.forum.id, { title: 'Opgave 2', owner, dueDate: localIso(3) }));
    // Under the repository: one item's list rows lost, a stale row left for an item long gone.
    const raw = running.storage.raw('openactionitems');
    for await (const row of raw.listEntities({ queryOptions: { filter: `PartitionKey eq '${world.forum.id}'` } })) {
      if (row['title'] === 'Opgave 2') await raw.deleteEntity(row.partitionKey!, row.rowKey!);
    }
    const { etag: _etag, timestamp: _timestamp, ...copy } = await raw.getEntity<Record<string, unknown>>(world.forum.id, `f~${kept.dueDate}~${kept.id}`);
    await raw.upsertEntity({ ...copy, partitionKey: world.forum.id, rowKey: `f~${localIso(1)}~gone`, title: 'Opgave 9' }, 'Replace');
    // The owner's own list: the same item's row lost, a stale one left; and a row of the former per-forum owner list.
    const owned = running.storage.raw('ownedopenitems');
    await owned.deleteEntity(owner.userId, `${world.forum.id}~${localIso(3)}~${(await storage.actionItems.listByForum(world.forum.id)).find((i) => i.title === 'Opgave 2')!.id}`);
    await owned.upsertEntity({ ...copy, partitionKey: owner.userId, rowKey: `${world.forum.id}~${localIso(1)}~gone`, title: 'Opgave 9' }, 'Replace');
    await raw.upsertEntity({ ...copy, partitionKey: world.forum.id, rowKey: `o~${owner.userId}~${kept.dueDate}~${kept.id}` }, 'Replace');
    const before = await click(running, world.channel, world.chair, ACTION_VERBS.board, { forumId: world.forum.id });
    expect(titlesOf(before).sort()).toEqual(['Opgave 1', 'Opgave 9']);
    expect((await storage.actionItems.listOpenOfOwnerEverywhere(owner.userId)).map((i) => i.title).sort()).toEqual(['Opgave 1', 'Opgave 9']);

    await actionListsRepairJob(running.bot.app.services).run(new Date());
    const after = await click(running, world.channel, world.chair, ACTION_VERBS.board, { forumId: world.forum.id });
    expect(titlesOf(after)).toEqual(['Opgave 1', 'Opgave 2']);
    expect((await storage.actionItems.listOpenOfOwnerEverywhere(owner.userId)).map((i) => i.title).sort()).toEqual(['Opgave 1', 'Opgave 2']);
    const leftOver: string[] = [];
    for await (const row of raw.listEntities({ queryOptions: { filter: `PartitionKey eq '${world.forum.id}'` } })) leftOver.push(row.rowKey!);
    expect(leftOver.filter((key) => key.startsWith('o~'))).toEqual([]);
    expect(await storage.actionItems.countOpen(world.forum.id, localIso(0))).toEqual({ open: 2, overdue: 0 });
    expect(await storage.actionItems.repairOpenLists(world.forum.id, [owner.userId])).toEqual({ written: 0, removed: 0 });
  });

  test('given an owner with 45 open items in two fora then their own list comes 20 at a time, most urgent first, with the total, and "Vis flere" to the end', async () => {
    const world = await aWorld(running);
    const other = await aWorld(running);
    const { storage } = running.storage;
    await storage.members.save(other.forum.id, { userId: world.owner.aadObjectId, displayName: 'Jonas Berg', roles: ['member'] });
    const owner = { kind: 'member' as const, userId: world.owner.aadObjectId, displayName: 'Jonas Berg' };
    // Opgave 0..44 by due date, alternating between the two fora; closed ones never count.
    await Promise.all(Array.from({ length: 45 }, (_, i) => storage.actionItems.save(anActionItem(i % 2 === 0 ? world.forum.id : other.forum.id, { title: `Opgave ${i}`, owner, dueDate: localIso(i - 5) }))));
    await Promise.all(Array.from({ length: 5 }, (_, i) => storage.actionItems.save(anActionItem(world.forum.id, { title: `Lukket ${i}`, owner, dueDate: localIso(-9), status: 'done' }))));
    const chat = personalChatOf(world, world.owner);

    const first = await click(running, chat, world.owner, ACTION_VERBS.mine, {});
    expect(titlesOf(first)).toEqual(Array.from({ length: 20 }, (_, i) => `Opgave ${i}`));
    expect(cardTexts(first)).toContain('Viser 1–20 af 45 åbne handlinger, de mest presserende først.');
    expect(buttonsOf(first).map((b) => b.title)).toEqual(['Vis flere']);
    const second = await click(running, chat, world.owner, ACTION_VERBS.mine, buttonsOf(first)[0]!.data);
    expect(titlesOf(second)).toEqual(Array.from({ length: 20 }, (_, i) => `Opgave ${i + 20}`));
    const third = await click(running, chat, world.owner, ACTION_VERBS.mine, buttonsOf(second).find((b) => b.title === 'Vis flere')!.data);
    expect(titlesOf(third)).toEqual(['Opgave 40', 'Opgave 41', 'Opgave 42', 'Opgave 43', 'Opgave 44']);
    expect(cardTexts(third)).toContain('Viser 41–45 af 45 åbne handlinger, de mest presserende først.');
    expect(buttonsOf(third).map((b) => b.title)).toEqual(['Til første side']);

    // Someone else asking for a page gets their own list (empty), never Jonas's.
    const stranger = await click(running, personalChatOf(world, world.chair), world.chair, ACTION_VERBS.mine, { from: 21 });
    expect(titlesOf(stranger)).toEqual([]);
    expect(cardTexts(stranger)).toContain('Du har ingen åbne handlinger.');

    // `handlinger` typed in the chat gives the first page.
    await running.bot.post(aMessage(running.emulator.serviceUrl, chat, world.owner, 'handlinger'));
    await running.emulator.waitFor((e) => e.sent(chat.conversationId).some((m) => JSON.stringify(m.activity).includes('Viser 1–20 af 45')), 10_000);
  });

  test('given an item opened from page 2 of "Mine handlinger" or of the board then its card goes back to that page, also after a status change', async () => {
    const world = await aWorld(running);
    const { storage } = running.storage;
    const owner = { kind: 'member' as const, userId: world.owner.aadObjectId, displayName: 'Jonas Berg' };
    await Promise.all(Array.from({ length: 25 }, (_, i) => storage.actionItems.save(anActionItem(world.forum.id, { title: `Opgave ${i}`, owner, dueDate: localIso(i + 1) }))));
    /** The click on an item's line: its selectAction's verb and data. */
    const openerOf = (card: CardValue, title: string): { verb: string; data: Record<string, unknown> } => {
      const line = (card as { body: { selectAction?: { verb: string; data: Record<string, unknown> }; items?: { text?: string }[] }[] }).body.find((e) => e.items?.some((i) => i.text === title));
      return line!.selectAction!;
    };
    const back = (card: CardValue) => buttonsOf(card).find((b) => b.title === 'Tilbage til listen');

    // "Mine handlinger", page 2: the item's card, "Udført", then back to page 2 (Opgave 22 done: 21–24 of 24).
    const chat = personalChatOf(world, world.owner);
    const page2 = await click(running, chat, world.owner, ACTION_VERBS.mine, { from: 21 });
    const opener = openerOf(page2, 'Opgave 22');
    const itemCard = await click(running, chat, world.owner, opener.verb, opener.data);
    expect(back(itemCard)).toMatchObject({ verb: ACTION_VERBS.mine, data: { from: 21 } });
    const done = buttonsOf(itemCard).find((b) => b.title === 'Udført')!;
    const afterDone = await click(running, chat, world.owner, done.verb, done.data);
    expect(cardTexts(afterDone)).toContain('Udført');
    const backAgain = back(afterDone)!;
    const listed = await click(running, chat, world.owner, backAgain.verb, backAgain.data);
    expect(titlesOf(listed)).toEqual(['Opgave 20', 'Opgave 21', 'Opgave 23', 'Opgave 24']);
    expect(cardTexts(listed)).toContain('Viser 21–24 af 24 åbne handlinger, de mest presserende først.');

    // The board, page 2 (read by cursor): back to the same page.
    const board1 = await click(running, world.channel, world.chair, ACTION_VERBS.board, { forumId: world.forum.id });
    const more = buttonsOf(board1).find((b) => b.title === 'Vis flere')!;
    const board2 = await click(running, world.channel, world.chair, more.verb, more.data);
    const fromBoard = openerOf(board2, 'Opgave 24');
    const boardItem = await click(running, world.channel, world.chair, fromBoard.verb, fromBoard.data);
    const toBoard = back(boardItem)!;
    expect(toBoard).toMatchObject({ verb: ACTION_VERBS.board, data: { forumId: world.forum.id, from: 21 } });
    expect(titlesOf(await click(running, world.channel, world.chair, toBoard.verb, toBoard.data))).toEqual(titlesOf(board2));
    // From the first page: back to the first page.
    const firstOpener = openerOf(board1, 'Opgave 0');
    expect(back(await click(running, world.channel, world.chair, firstOpener.verb, firstOpener.data))).toMatchObject({ verb: ACTION_VERBS.board, data: { forumId: world.forum.id } });
  });
});
