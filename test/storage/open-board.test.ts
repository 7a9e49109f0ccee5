import { afterAll, describe, expect, test } from 'vitest';
import { anActionItem } from './storage.mothers';
import { openTestStorage, uniqueId } from './storage-kit';

const { storage } = openTestStorage();
afterAll(() => storage.dropAll());

const TODAY = '2026-12-04';
const dayOffset = (days: number): string => new Date(Date.parse(`${TODAY}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function seed(forumId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await storage.actionItems.save(anActionItem(forumId, { id: `item-${String(i).padStart(3, '0')}`, dueDate: dayOffset((i % 9) - 3), status: i % 4 === 0 ? 'done' : 'open' }));
  }
}

describe('the board read in one query (listOpenBoard)', () => {
  test('given open, overdue and closed items then the first page and counts are what the page and the counter give apart', async () => {
    const forumId = uniqueId('forum');
    await seed(forumId, 30); // 22 open, some overdue; the counter row sorts before the board's rows
    const board = await storage.actionItems.listOpenBoard(forumId, TODAY, { limit: 10 });
    const page = await storage.actionItems.listOpenPage(forumId, { limit: 10 });
    const counts = await storage.actionItems.countOpen(forumId, TODAY);
    expect(counts.open).toBe(22);
    expect(counts.overdue).toBeGreaterThan(0);
    expect(board.counts).toEqual(counts);
    expect(board.items.map((i) => i.id)).toEqual(page.items.map((i) => i.id));
    expect(board.next).toBe(page.next);
    expect(board.items.every((i) => i.status !== 'done')).toBe(true);

    // The next pages follow the cursor and keep the counts, until the last has no cursor.
    const seen = [...board.items.map((i) => i.id)];
    let after = board.next;
    while (after !== undefined) {
      const next = await storage.actionItems.listOpenBoard(forumId, TODAY, { limit: 10, after });
      expect(next.counts).toEqual(counts);
      seen.push(...next.items.map((i) => i.id));
      after = next.next;
    }
    expect(seen).toHaveLength(22);
    expect(new Set(seen).size).toBe(22);
    // All open ones at once (the reminder job), in the same order, no closed one among them.
    expect((await storage.actionItems.listOpen(forumId)).map((i) => i.id)).toEqual(seen);
  });

  test('given exactly a page of open items then there is no next page', async () => {
    const forumId = uniqueId('forum');
    for (let i = 0; i < 5; i++) await storage.actionItems.save(anActionItem(forumId, { id: `item-${i}`, dueDate: dayOffset(i), status: 'open' }));
    const board = await storage.actionItems.listOpenBoard(forumId, TODAY, { limit: 5 });
    expect(board.items).toHaveLength(5);
    expect(board.next).toBeUndefined();
    expect(board.counts).toEqual({ open: 5, overdue: 0 });
  });

  test('given 8 forms of 4 items each saved at once, due the same day, then the board counts all 32', async () => {
    // Five people recording at the same meeting: each form's items one after another, the forms side by side.
    for (let round = 0; round < 4; round++) {
      const forumId = uniqueId('forum');
      await Promise.all(
        Array.from({ length: 8 }, async (_, form) => {
          for (let i = 0; i < 4; i++) await storage.actionItems.save(anActionItem(forumId, { id: `item-${form}-${i}`, dueDate: dayOffset(7), status: 'open' }));
        }),
      );
      expect(await storage.actionItems.countOpen(forumId, TODAY)).toEqual({ open: 32, overdue: 0 });
    }
  });

  test('given a forum without items then the board is empty with zero counts', async () => {
    expect(await storage.actionItems.listOpenBoard(uniqueId('forum'), TODAY, { limit: 10 })).toEqual({ items: [], counts: { open: 0, overdue: 0 } });
  });
});
