/**
 * The half-yearly report's draft on Table storage (Azurite): the commentary of every section at its
 * limit reads back whole, the edits and the publication with it; a stale write is refused, and the
 * Lokalråd's reports list newest period first.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { PICTURE_SECTIONS, published, withCommentary } from '../../domain/picture/report-draft';
import { AlreadyExistsError, ConcurrencyError } from '../../domain/shared/repository-errors';
import { TEXT_LIMITS } from '../../domain/shared/text-limits';
import { openTestStorage, uniqueId } from './storage-kit';

const { storage } = openTestStorage();
afterAll(() => storage.dropAll());

const H2 = { from: '2026-07', to: '2026-12' };
const H1 = { from: '2026-01', to: '2026-06' };
const edit = (at: string) => ({ userId: 'analyst-1', name: 'Anna Analytiker', at });

describe('the report draft on Table storage', () => {
  test('given every section at its limit with Danish letters then the draft reads back equal, with a version', async () => {
    const forumId = uniqueId('lokalraad');
    const full = Object.fromEntries(PICTURE_SECTIONS.map((s) => [s, `${s} æøå `.repeat(1000).slice(0, TEXT_LIMITS.pictureCommentary)]));
    const saved = await storage.pictureReports.save(withCommentary(undefined, forumId, H2, full, edit('2027-01-05T09:00:00.000Z')));
    expect(saved.version).toBeDefined();
    const back = await storage.pictureReports.find(forumId, H2);
    expect(back).toEqual(saved);
    expect(back?.commentary.cases).toHaveLength(TEXT_LIMITS.pictureCommentary);
    expect(back?.status).toBe('draft');
    expect(await storage.pictureReports.find(forumId, H1)).toBeUndefined();
  });

  test('given two writers of one read then the second is refused, and a second create is refused too', async () => {
    const forumId = uniqueId('lokalraad');
    const first = await storage.pictureReports.save(withCommentary(undefined, forumId, H2, { cases: 'Første' }, edit('2027-01-05T09:00:00.000Z')));
    await expect(storage.pictureReports.save(withCommentary(undefined, forumId, H2, { cases: 'Samtidig' }, edit('2027-01-05T09:00:01.000Z')))).rejects.toBeInstanceOf(AlreadyExistsError);
    const second = await storage.pictureReports.save(withCommentary(first, forumId, H2, { cases: 'Anden' }, edit('2027-01-05T09:01:00.000Z')));
    await expect(storage.pictureReports.save(withCommentary(first, forumId, H2, { cases: 'Forældet' }, edit('2027-01-05T09:02:00.000Z')))).rejects.toBeInstanceOf(ConcurrencyError);
    const back = await storage.pictureReports.find(forumId, H2);
    expect(back?.commentary).toEqual({ cases: 'Anden' });
    expect(back?.edits.map((e) => e.at)).toEqual(['2027-01-05T09:00:00.000Z', '2027-01-05T09:01:00.000Z']);
    expect(back?.version).toBe(second.version);
  });

  test('given a draft published then it reads back published with who and when, and the list is newest first', async () => {
    const forumId = uniqueId('lokalraad');
    await storage.pictureReports.save(withCommentary(undefined, forumId, H1, {}, edit('2026-07-02T09:00:00.000Z')));
    const draft = await storage.pictureReports.save(withCommentary(undefined, forumId, H2, { times: 'Hurtigere svar' }, edit('2027-01-05T09:00:00.000Z')));
    await storage.pictureReports.save(published(draft, edit('2027-01-06T10:00:00.000Z')));
    const back = await storage.pictureReports.find(forumId, H2);
    expect(back).toMatchObject({ status: 'published', published: edit('2027-01-06T10:00:00.000Z'), commentary: { times: 'Hurtigere svar' } });
    expect((await storage.pictureReports.listByForum(forumId)).map((d) => d.period.from)).toEqual(['2026-07', '2026-01']);
  });
});
