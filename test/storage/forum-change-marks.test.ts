import { afterAll, describe, expect, test } from 'vitest';
import { aForum, aMeeting, aMeetingSeries, aMember, anAgenda } from './storage.mothers';
import { openTestStorage } from './storage-kit';

const { storage } = openTestStorage();
afterAll(() => storage.dropAll());

const markOf = async (forumId: string): Promise<string | undefined> => (await storage.reminderIndex.marks([forumId])).get(forumId);

describe('forum change marks', () => {
  test('given each kind of write to what reminders are made of then the forum\'s mark moves, reads leave it, and another forum\'s stays', async () => {
    const forum = await storage.fora.save(aForum());
    const bystander = await storage.fora.save(aForum());
    const bystanderMark = await markOf(bystander.id);
    expect(bystanderMark).toEqual(expect.any(String));

    const member = aMember();
    const series = aMeetingSeries(forum.id);
    const meeting = aMeeting(forum.id);
    const agenda = anAgenda(forum.id);
    const writes: [string, () => Promise<unknown>][] = [
      ['forum update', () => storage.fora.update(forum.id, (f) => ({ ...f, name: 'SSP-NU o18' }))],
      ['member saved', () => storage.members.save(forum.id, member)],
      ['member removed', () => storage.members.remove(forum.id, member.userId)],
      ['series saved', () => storage.meetingSeries.save(series)],
      ['series updated', () => storage.meetingSeries.update(forum.id, series.id, (s) => ({ ...s, title: 'Ugemøde' }))],
      ['series deleted', () => storage.meetingSeries.delete(forum.id, series.id)],
      ['meeting saved', () => storage.meetings.save(meeting)],
      ['meeting deleted', () => storage.meetings.delete(forum.id, meeting.id)],
      ['agenda saved', () => storage.agendas.save(agenda)],
      ['agenda updated', () => storage.agendas.update(forum.id, agenda.id, (a) => ({ ...a, state: 'published' }))],
      ['agenda deleted', () => storage.agendas.delete(forum.id, agenda.id)],
    ];
    const seen = new Set<string | undefined>([await markOf(forum.id)]);
    for (const [what, write] of writes) {
      await write();
      const mark = await markOf(forum.id);
      expect(seen.has(mark), what).toBe(false);
      seen.add(mark);
    }
    const last = await markOf(forum.id);
    await Promise.all([storage.fora.findById(forum.id), storage.members.listByForum(forum.id), storage.agendas.listPublishedFrom(forum.id, new Date(0))]);
    expect(await markOf(forum.id)).toBe(last);
    expect(await markOf(bystander.id)).toBe(bystanderMark);
    // Many fora at once, one never written: only those with a mark are in the answer.
    const marks = await storage.reminderIndex.marks([forum.id, bystander.id, 'forum-never-written']);
    expect([...marks.keys()].sort()).toEqual([forum.id, bystander.id].sort());
  });
});
