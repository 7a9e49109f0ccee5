/**
 * Tracking a change reads only the fora it concerns (issue 16): an item's change looks up its own
 * forum by id, never the list of every forum, and a sensitive forum's cells stay sealed in the summary.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../../../bot/logger';
import { withPictureTracking } from '../../../bot/picture/picture-tracking';
import { SUMMARY_FORUM } from '../../../domain/picture/record-contribution';
import type { Repositories } from '../../../domain/repositories';
import { aForum, anActionItem } from '../../storage/storage.mothers';
import { openTestStorage } from '../../storage/storage-kit';
import { LogCapture } from '../support/bot-harness';

let test$: ReturnType<typeof openTestStorage>;
let tracked: Repositories;
let listed = 0;
const logs = new LogCapture();

beforeAll(() => {
  test$ = openTestStorage();
  const { ping: _p, dropAll: _d, outbox: _o, ...repositories } = test$.storage;
  // The real repository, with its every-forum read counted.
  const fora = { ...repositories.fora, list: () => ((listed += 1), repositories.fora.list()) };
  tracked = { ...test$.storage, ...withPictureTracking({ ...repositories, fora }, createLogger('info', logs)) };
});

afterAll(async () => {
  await test$?.storage.dropAll();
});

describe('picture tracking reads only the fora a change concerns', () => {
  test('given items saved and changed in an open and a sensitive forum then no change lists every forum, and only the sensitive forum keeps its own summary cells', async () => {
    const open = await test$.storage.fora.save(aForum({ name: 'Lokalt SSP-forum' }));
    const sealed = await test$.storage.fora.save(aForum({ name: 'Infohus', sensitive: true }));
    const month = '2031-05';
    const createdAt = `${month}-02T10:00:00.000Z`;
    const dueDate = `${month}-20`;
    const inOpen = await tracked.actionItems.save(anActionItem(open.id, { createdAt, dueDate }));
    const inSealed = await tracked.actionItems.save(anActionItem(sealed.id, { createdAt, dueDate }));
    await tracked.actionItems.update(open.id, inOpen.id, (i) => ({ ...i, status: 'done', closedAt: `${month}-03T10:00:00.000Z` }));
    await tracked.actionItems.update(sealed.id, inSealed.id, (i) => ({ ...i, status: 'started' }));

    expect(listed).toBe(0);
    expect(logs.lines.filter((l) => l['msg'] === 'picture not updated; a rebuild will repair it')).toEqual([]);
    const summary = await test$.storage.picture.listMonths([month], { layer: 'summary' });
    expect(summary.map((c) => c.forumId).sort()).toEqual([SUMMARY_FORUM, sealed.id].sort());
    expect(summary.find((c) => c.forumId === SUMMARY_FORUM)?.counters).toMatchObject({ itemsOpened: 1, itemsDoneOnTime: 1 });
    expect(summary.find((c) => c.forumId === sealed.id)?.counters).toMatchObject({ itemsOpened: 1 });
  });
});
