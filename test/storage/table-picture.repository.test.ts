/** The picture's cells in Azurite: adding differences, two layers, a forum's key range, contributions, clearing. */
import { afterAll, describe, expect, it } from 'vitest';
import { emptyCounters, type PictureCell } from '../../domain/picture/picture-cell';
import { recordContribution } from '../../domain/picture/record-contribution';
import { openTestStorage } from './storage-kit';

const cell = (forumId: string, raised: number, ack?: Record<string, number>): PictureCell => ({
  month: '2026-03',
  forumId,
  category: 'trend',
  area: 'vejleaaparken',
  counters: { ...emptyCounters(), raised, ...(ack === undefined ? {} : { ackMinutes: ack }) },
});

describe('picture cells in Table storage', () => {
  const { storage } = openTestStorage();
  afterAll(() => storage.dropAll());

  it('given twenty changes to one cell at once then the stored counters are their sum (none lost to a conflict)', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => storage.picture.add([cell('ssp-a', 1, { [String(i % 4)]: 1 })])));
    const [stored] = await storage.picture.listMonths(['2026-03']);
    expect(stored?.counters.raised).toBe(20);
    expect(stored?.counters.ackMinutes).toEqual({ 0: 5, 1: 5, 2: 5, 3: 5 });
  });

  it('given contributions of cases from an open and a sensitive forum then the summary folds the open one into "*" and keeps the sensitive one', async () => {
    const sensitive = new Set(['infohus']);
    const delta = (forumId: string) => [{ key: { month: '2026-04', forumId, category: 'problem', area: '' }, add: { raised: 1 } }];
    await recordContribution(storage.picture, 'case', 'c1', delta('ssp-b'), sensitive);
    await recordContribution(storage.picture, 'case', 'c2', delta('ssp-c'), sensitive);
    await recordContribution(storage.picture, 'case', 'c3', delta('infohus'), sensitive);
    const summary = await storage.picture.listMonths(['2026-04'], { layer: 'summary' });
    expect(summary.map((c) => [c.forumId, c.counters.raised]).sort()).toEqual([['*', 2], ['infohus', 1]]);
    const oneForum = await storage.picture.listMonths(['2026-04'], { forumIds: ['ssp-c'] });
    expect(oneForum.map((c) => c.forumId)).toEqual(['ssp-c']);

    // The same contribution again changes nothing; a case moved to another category moves its count.
    await recordContribution(storage.picture, 'case', 'c1', delta('ssp-b'), sensitive);
    await recordContribution(storage.picture, 'case', 'c2', [{ key: { month: '2026-04', forumId: 'ssp-c', category: 'trend', area: '' }, add: { raised: 1 } }], sensitive);
    const after = await storage.picture.listMonths(['2026-04'], { layer: 'summary' });
    expect(after.map((c) => [c.forumId, c.category, c.counters.raised]).sort()).toEqual([['*', 'problem', 1], ['*', 'trend', 1], ['infohus', 'problem', 1]]);
    expect(await storage.picture.contributionOf('case', 'c2')).toEqual([{ key: { month: '2026-04', forumId: 'ssp-c', category: 'trend', area: '' }, add: { raised: 1 } }]);
  });

  it('given a clear then no cell or contribution is left', async () => {
    await storage.picture.clear();
    expect(await storage.picture.listMonths(['2026-03', '2026-04'])).toEqual([]);
    expect(await storage.picture.contributionOf('case', 'c1')).toEqual([]);
  });
});
