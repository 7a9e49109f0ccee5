import { afterAll, describe, expect, test } from 'vitest';
import { createBotApp } from '../../../bot/app';
import { createLogger } from '../../../bot/logger';
import { ForumRowsCache, KEEP_AT_MOST_MS, occurrencesOfRows, type ForumRows } from '../../../bot/core/forum-rows';
import { occurrencesBetween } from '../../../domain/meetings/meeting-schedule';
import { testConfig } from '../support/bot-harness';
import { aForum, aMeeting, aMeetingSeries, aMember, anAgenda, anAgendaItem } from '../../storage/storage.mothers';
import { openTestStorage } from '../../storage/storage-kit';

const kit = openTestStorage();
afterAll(() => kit.storage.dropAll());
const services = createBotApp({ config: testConfig(), logger: createLogger('silent'), storage: kit.storage, clock: { now: () => new Date('2026-02-01T12:00:00.000Z') } }).services;

/** The services with the fora reads counted: a forum read again shows up here. */
function counting(): { reads: string[]; services: typeof services } {
  const reads: string[] = [];
  return { reads, services: { ...services, fora: { ...services.fora, findMany: (ids: readonly string[]) => (reads.push(...ids), services.fora.findMany(ids)) } } };
}

describe('the kept rows of fora (reminder jobs and commands)', () => {
  test('given a forum read once then it is kept while its mark stays, read again after a change or when too old, and the sweep reads it afresh', async () => {
    const forum = await kit.storage.fora.save(aForum());
    await kit.storage.members.save(forum.id, aMember({ roles: ['chair'] }));
    await kit.storage.meetingSeries.save(aMeetingSeries(forum.id));
    await kit.storage.agendas.save(anAgenda(forum.id, { state: 'published', meetingId: 'series@2026-02-10T08:00:00.000Z', meetingStart: '2026-02-10T08:00:00.000Z', items: [anAgendaItem({ title: 'Status' })] }));
    let clock = 0;
    const cache = new ForumRowsCache(() => clock);
    const from = new Date('2026-01-01T00:00:00.000Z');
    const { reads, services: counted } = counting();

    const first = await cache.read(counted, [forum.id, 'forum-unknown'], { agendasFrom: from });
    expect([...first.keys()]).toEqual([forum.id]);
    expect(first.get(forum.id)?.agendas).toEqual([{ meetingId: 'series@2026-02-10T08:00:00.000Z', itemTitles: ['Status'] }]);
    expect(reads).toEqual([forum.id, 'forum-unknown']);

    reads.length = 0;
    clock += KEEP_AT_MOST_MS - 1;
    expect((await cache.read(counted, [forum.id], { agendasFrom: from })).get(forum.id)).toBe(first.get(forum.id));
    expect(reads).toEqual([]);

    // Another instance renames the forum: the mark moves, the rows are read again.
    await kit.storage.fora.update(forum.id, (f) => ({ ...f, name: 'SSP-NU o18' }));
    expect((await cache.read(counted, [forum.id], { agendasFrom: from })).get(forum.id)?.forum.name).toBe('SSP-NU o18');
    expect(reads).toEqual([forum.id]);

    reads.length = 0;
    clock += KEEP_AT_MOST_MS;
    await cache.read(counted, [forum.id], { agendasFrom: from });
    expect(reads).toEqual([forum.id]);

    reads.length = 0;
    await cache.read(counted, [forum.id], { agendasFrom: from, fresh: true });
    expect(reads).toEqual([forum.id]);
    // Agendas kept from a later time on do not serve a read that needs earlier ones.
    reads.length = 0;
    await cache.read(counted, [forum.id], { agendasFrom: new Date('2025-12-01T00:00:00.000Z') });
    expect(reads).toEqual([forum.id]);
  });

  test('given rows read for the reminders then a command (no agendas) uses them, and rows a command read serve no agenda read', async () => {
    const forum = await kit.storage.fora.save(aForum());
    await kit.storage.members.save(forum.id, aMember({ roles: ['chair'] }));
    await kit.storage.meetingSeries.save(aMeetingSeries(forum.id));
    const cache = new ForumRowsCache(() => 0);
    const from = new Date('2026-01-01T00:00:00.000Z');
    const { reads, services: counted } = counting();

    const forReminders = await cache.read(counted, [forum.id], { agendasFrom: from });
    reads.length = 0;
    expect((await cache.read(counted, [forum.id])).get(forum.id)).toBe(forReminders.get(forum.id));
    expect(reads).toEqual([]);

    // A member joins (a write on another instance): the command reads the forum again, without agendas.
    await kit.storage.members.save(forum.id, aMember({ userId: 'aad-new', displayName: 'Ny Person' }));
    const forCommand = (await cache.read(counted, [forum.id])).get(forum.id)!;
    expect(reads).toEqual([forum.id]);
    expect(forCommand.members.map((m) => m.userId)).toContain('aad-new');
    expect(forCommand.agendas).toEqual([]);
    // The reminder job needs agendas: what the command kept does not serve it.
    reads.length = 0;
    await cache.read(counted, [forum.id], { agendasFrom: from });
    expect(reads).toEqual([forum.id]);
  });

  test('given kept rows then they cannot be changed in place by a reader (every reader shares them)', async () => {
    const forum = await kit.storage.fora.save(aForum());
    await kit.storage.members.save(forum.id, aMember({ displayName: 'B' }));
    await kit.storage.members.save(forum.id, aMember({ userId: 'aad-a', displayName: 'A' }));
    const rows = (await new ForumRowsCache().read(services, [forum.id])).get(forum.id)!;
    expect(() => (rows.members as unknown as { displayName: string }[]).sort((a, b) => a.displayName.localeCompare(b.displayName))).toThrow(TypeError);
    expect(await new ForumRowsCache().read(services, [])).toEqual(new Map());
  });

  test('given a person\'s fora then rows read beside their marks are read once more after them, then kept; a changed or newly joined forum alone is read again', async () => {
    const [a, b, c] = await Promise.all([kit.storage.fora.save(aForum()), kit.storage.fora.save(aForum()), kit.storage.fora.save(aForum())]);
    const person = aMember({ userId: 'aad-person-fora' });
    await Promise.all([kit.storage.members.save(a.id, person), kit.storage.members.save(b.id, person)]);
    const cache = new ForumRowsCache(() => 0);
    const { reads, services: counted } = counting();
    const readNow = async (): Promise<string[]> => {
      reads.length = 0;
      const { memberships, rows } = await cache.readOfPerson(counted, person.userId);
      expect([...rows.keys()].sort()).toEqual(memberships.map((m) => m.forumId).sort());
      return [...reads].sort();
    };

    expect(await readNow()).toEqual([a.id, b.id].sort()); // beside the marks: unverified
    expect(await readNow()).toEqual([a.id, b.id].sort()); // after the marks
    expect(await readNow()).toEqual([]);

    await kit.storage.fora.update(a.id, (f) => ({ ...f, name: 'Omdøbt' }));
    expect(await readNow()).toEqual([a.id]);
    expect((await cache.readOfPerson(counted, person.userId)).rows.get(a.id)?.forum.name).toBe('Omdøbt');

    await kit.storage.members.save(c.id, person);
    expect(await readNow()).toEqual([c.id]);
    expect(await readNow()).toEqual([c.id]);
    expect(await readNow()).toEqual([]);

    await kit.storage.members.remove(b.id, person.userId);
    expect(await readNow()).toEqual([b.id].filter(() => false)); // b's mark moved, but b is no longer theirs
    const none = await cache.readOfPerson(counted, 'aad-in-no-forum');
    expect(none).toEqual({ memberships: [], rows: new Map() });
  });

  test('given kept rows then their occurrences, expanded once for the hour, are those expanded afresh for every window asked', () => {
    const forumId = 'forum-expand';
    const weekly = aMeetingSeries(forumId, { id: 'weekly', firstDate: '2026-01-05', rrule: 'FREQ=WEEKLY;BYDAY=MO,TH', durationMinutes: 60 });
    const moved = aMeeting(forumId, { seriesId: 'weekly', originalStart: '2026-03-30T07:00:00.000Z', start: '2026-03-31T12:00:00.000Z', end: '2026-03-31T13:00:00.000Z' });
    const oneOff = aMeeting(forumId, { start: '2026-03-29T00:30:00.000Z', end: '2026-03-29T02:30:00.000Z' });
    const rows: ForumRows = { forum: aForum({ id: forumId }), series: [weekly], meetings: [moved, oneOff], members: [], agendas: [], agendasFrom: Infinity };
    const day = 86_400_000;
    // Minutes apart within an hour (kept), past the hour (expanded again), around the spring-forward, and wider windows.
    for (const at of ['2026-03-26T06:59:00.000Z', '2026-03-26T07:30:00.000Z', '2026-03-26T07:59:59.000Z', '2026-03-29T00:00:00.000Z', '2026-03-29T01:45:00.000Z', '2026-03-30T07:30:00.000Z']) {
      for (const days of [1, 7, 120]) {
        const from = new Date(at);
        const to = new Date(from.getTime() + days * day);
        expect(occurrencesOfRows(rows, from, to)).toEqual(occurrencesBetween(rows.series, rows.meetings, from, to));
      }
    }
    expect(occurrencesOfRows(rows, new Date('2026-03-26T07:00:00.000Z'), new Date('2026-03-26T07:00:00.000Z'))).toEqual([]);
  });
});

