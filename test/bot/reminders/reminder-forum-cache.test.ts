import { afterAll, describe, expect, test } from 'vitest';
import { createBotApp } from '../../../bot/app';
import { createLogger } from '../../../bot/logger';
import { KEEP_AT_MOST_MS, ReminderForumCache } from '../../../bot/reminders/reminder-forum-cache';
import { testConfig } from '../support/bot-harness';
import { aForum, aMeetingSeries, aMember, anAgenda, anAgendaItem } from '../../storage/storage.mothers';
import { openTestStorage } from '../../storage/storage-kit';

const kit = openTestStorage();
afterAll(() => kit.storage.dropAll());
const services = createBotApp({ config: testConfig(), logger: createLogger('silent'), storage: kit.storage, clock: { now: () => new Date('2026-02-01T12:00:00.000Z') } }).services;

/** The services with the fora reads counted: a forum read again shows up here. */
function counting(): { reads: string[]; services: typeof services } {
  const reads: string[] = [];
  return { reads, services: { ...services, fora: { ...services.fora, findMany: (ids: readonly string[]) => (reads.push(...ids), services.fora.findMany(ids)) } } };
}

describe('the reminder jobs\' kept rows', () => {
  test('given a forum read once then it is kept while its mark stays, read again after a change or when too old, and the sweep reads it afresh', async () => {
    const forum = await kit.storage.fora.save(aForum());
    await kit.storage.members.save(forum.id, aMember({ roles: ['chair'] }));
    await kit.storage.meetingSeries.save(aMeetingSeries(forum.id));
    await kit.storage.agendas.save(anAgenda(forum.id, { state: 'published', meetingId: 'series@2026-02-10T08:00:00.000Z', meetingStart: '2026-02-10T08:00:00.000Z', items: [anAgendaItem({ title: 'Status' })] }));
    let clock = 0;
    const cache = new ReminderForumCache(() => clock);
    const from = new Date('2026-01-01T00:00:00.000Z');
    const { reads, services: counted } = counting();

    const first = await cache.read(counted, [forum.id, 'forum-unknown'], from);
    expect([...first.keys()]).toEqual([forum.id]);
    expect(first.get(forum.id)?.agendas).toEqual([{ meetingId: 'series@2026-02-10T08:00:00.000Z', itemTitles: ['Status'] }]);
    expect(reads).toEqual([forum.id, 'forum-unknown']);

    reads.length = 0;
    clock += KEEP_AT_MOST_MS - 1;
    expect((await cache.read(counted, [forum.id], from)).get(forum.id)).toBe(first.get(forum.id));
    expect(reads).toEqual([]);

    // Another instance renames the forum: the mark moves, the rows are read again.
    await kit.storage.fora.update(forum.id, (f) => ({ ...f, name: 'SSP-NU o18' }));
    expect((await cache.read(counted, [forum.id], from)).get(forum.id)?.forum.name).toBe('SSP-NU o18');
    expect(reads).toEqual([forum.id]);

    reads.length = 0;
    clock += KEEP_AT_MOST_MS;
    await cache.read(counted, [forum.id], from);
    expect(reads).toEqual([forum.id]);

    reads.length = 0;
    await cache.read(counted, [forum.id], from, { fresh: true });
    expect(reads).toEqual([forum.id]);
    // Agendas kept from a later time on do not serve a read that needs earlier ones.
    reads.length = 0;
    await cache.read(counted, [forum.id], new Date('2025-12-01T00:00:00.000Z'));
    expect(reads).toEqual([forum.id]);
  });
});
