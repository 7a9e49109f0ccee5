import { afterAll, describe, expect, test } from 'vitest';
import { anActionItem } from './storage.mothers';
import { openTestStorage, uniqueId } from './storage-kit';

const { storage, raw } = openTestStorage();
afterAll(() => storage.dropAll());

const person = (userId: string, displayName = 'Mette') => ({ kind: 'member' as const, userId, displayName });
const titlesOf = async (userId: string): Promise<string[]> => (await storage.actionItems.listOpenOfOwnerEverywhere(userId)).map((i) => i.title).sort();

describe("an owner's open items across fora (listOpenOfOwnerEverywhere)", () => {
  test('given items in three fora then each change of owner, status, due date or a deletion shows in one query', async () => {
    const [mette, jonas] = [uniqueId('mette'), uniqueId('jonas')];
    const fora = [uniqueId('forum'), uniqueId('forum'), uniqueId('forum')];
    const [a, b, c] = await Promise.all(fora.map((forumId, i) => storage.actionItems.save(anActionItem(forumId, { title: `Opgave ${i + 1}`, owner: person(mette), dueDate: `2026-12-1${i}` }))));
    await storage.actionItems.save(anActionItem(fora[0]!, { title: 'Lukket', owner: person(mette), status: 'done' }));
    await storage.actionItems.save(anActionItem(fora[0]!, { title: 'Ekstern', owner: { kind: 'external', displayName: 'Politiet', email: 'politi@example.dk' } }));
    expect(await titlesOf(mette)).toEqual(['Opgave 1', 'Opgave 2', 'Opgave 3']);

    // Reassigned: it moves to the new owner's list; closed: it leaves; a new due date: it stays once.
    await storage.actionItems.update(a!.forumId, a!.id, (item) => ({ ...item, owner: person(jonas, 'Jonas') }));
    await storage.actionItems.update(b!.forumId, b!.id, (item) => ({ ...item, status: 'done' }));
    await storage.actionItems.update(c!.forumId, c!.id, (item) => ({ ...item, dueDate: '2027-01-05', title: 'Opgave 3, flyttet' }));
    expect(await titlesOf(mette)).toEqual(['Opgave 3, flyttet']);
    expect(await titlesOf(jonas)).toContain('Opgave 1');

    await storage.actionItems.delete(c!.forumId, c!.id);
    expect(await titlesOf(mette)).toEqual([]);
  });

  test('given a lost row and a stale row in a member\'s list then the repair of the forum puts them right, and a second repair finds nothing', async () => {
    const [mette, forumId] = [uniqueId('mette'), uniqueId('forum')];
    const kept = await storage.actionItems.save(anActionItem(forumId, { title: 'Opgave 1', owner: person(mette), dueDate: '2026-12-10' }));
    const lost = await storage.actionItems.save(anActionItem(forumId, { title: 'Opgave 2', owner: person(mette), dueDate: '2026-12-11' }));
    const table = raw('ownedopenitems');
    await table.deleteEntity(mette, `${forumId}~${lost.dueDate}~${lost.id}`);
    const { etag: _etag, timestamp: _timestamp, ...copy } = await table.getEntity<Record<string, unknown>>(mette, `${forumId}~${kept.dueDate}~${kept.id}`);
    await table.upsertEntity({ ...copy, partitionKey: mette, rowKey: `${forumId}~2026-12-01~gone`, id: 'gone', title: 'Væk' }, 'Replace');
    expect(await titlesOf(mette)).toEqual(['Opgave 1', 'Væk']);

    expect(await storage.actionItems.repairOpenLists(forumId, [mette])).toEqual({ written: 1, removed: 1 });
    expect(await titlesOf(mette)).toEqual(['Opgave 1', 'Opgave 2']);
    expect(await storage.actionItems.repairOpenLists(forumId, [mette])).toEqual({ written: 0, removed: 0 });
  });
});
