import { afterAll, describe, expect, it } from 'vitest';
import { upcomingMeetings } from '../../../bot/meetings/upcoming-meetings';
import { aMeeting, aMeetingSeries } from '../../storage/storage.mothers';
import { openTestStorage, uniqueId } from '../../storage/storage-kit';

const { storage } = openTestStorage();
afterAll(() => storage.dropAll());

describe('upcomingMeetings over Table storage', () => {
  it('given two fora with series, a cancellation and a one-off then it lists the next ones of both, sorted and limited', async () => {
    const a = uniqueId('forum');
    const b = uniqueId('forum');
    const monthly = await storage.meetingSeries.save(aMeetingSeries(a, { firstDate: '2026-01-13', rrule: 'FREQ=MONTHLY;BYDAY=2TU' }));
    await storage.meetingSeries.save(aMeetingSeries(b, { firstDate: '2026-01-15', startTime: '13:00', rrule: 'FREQ=MONTHLY;BYDAY=3TH' }));
    await storage.meetings.save(
      aMeeting(a, { seriesId: monthly.id, originalStart: '2026-02-10T08:00:00.000Z', start: '2026-02-10T08:00:00.000Z', end: '2026-02-10T09:30:00.000Z', status: 'cancelled' }),
    );
    await storage.meetings.save(aMeeting(b, { title: 'Ekstra', start: '2026-02-02T12:00:00.000Z', end: '2026-02-02T13:00:00.000Z' }));
    await storage.meetingSeries.save(aMeetingSeries(uniqueId('forum')));

    const from = new Date('2026-01-20T00:00:00Z');
    const list = await upcomingMeetings(storage, [a, b], from, { limit: 4 });
    expect(list.map((o) => [o.forumId, o.start, o.status])).toEqual([
      [b, '2026-02-02T12:00:00.000Z', 'scheduled'],
      [b, '2026-02-19T12:00:00.000Z', 'scheduled'],
      [a, '2026-03-10T08:00:00.000Z', 'scheduled'],
      [b, '2026-03-19T12:00:00.000Z', 'scheduled'],
    ]);

    const withCancelled = await upcomingMeetings(storage, [a], from, { limit: 2, includeCancelled: true });
    expect(withCancelled.map((o) => [o.start, o.status])).toEqual([
      ['2026-02-10T08:00:00.000Z', 'cancelled'],
      ['2026-03-10T08:00:00.000Z', 'scheduled'],
    ]);
  });

  it('given a short horizon then meetings beyond it are left out; given no fora then nothing', async () => {
    const a = uniqueId('forum');
    await storage.meetingSeries.save(aMeetingSeries(a, { firstDate: '2026-01-13', rrule: 'FREQ=MONTHLY;BYDAY=2TU' }));
    const list = await upcomingMeetings(storage, [a], new Date('2026-01-01T00:00:00Z'), { horizonDays: 41 });
    expect(list.map((o) => o.start)).toEqual(['2026-01-13T08:00:00.000Z', '2026-02-10T08:00:00.000Z']);
    expect(await upcomingMeetings(storage, [], new Date())).toEqual([]);
  });
});
