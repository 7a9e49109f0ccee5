import { describe, expect, it } from 'vitest';
import { occurrenceKey, occurrencesBetween } from '../../../domain/meetings/meeting-schedule';
import { localParts } from '../../../domain/meetings/zoned-time';
import { anOverride, aSeries } from './meeting-mothers';

const CPH = 'Europe/Copenhagen';
const d = (iso: string) => new Date(iso);
const local = (iso: string) => {
  const p = localParts(new Date(iso), CPH);
  return `${p.date} ${p.time}`;
};

describe('occurrencesBetween — series expansion', () => {
  it('given a weekly series then each occurrence has its series key, times and place', () => {
    const list = occurrencesBetween([aSeries()], [], d('2026-01-01T00:00:00Z'), d('2026-01-28T00:00:00Z'));
    expect(list.map((o) => o.start)).toEqual(['2026-01-13T08:00:00.000Z', '2026-01-20T08:00:00.000Z', '2026-01-27T08:00:00.000Z']);
    expect(list[0]).toEqual({
      key: 's1@2026-01-13T08:00:00.000Z',
      forumId: 'koordinationsgruppen',
      title: 'Koordinationsmøde',
      seriesId: 's1',
      originalStart: '2026-01-13T08:00:00.000Z',
      start: '2026-01-13T08:00:00.000Z',
      end: '2026-01-13T09:30:00.000Z',
      status: 'scheduled',
      location: 'Ishøj Rådhus',
    });
  });

  it('given a weekly 09:00 series across the March DST change then it stays 09:00 local (08:00Z → 07:00Z)', () => {
    const list = occurrencesBetween([aSeries()], [], d('2026-03-20T00:00:00Z'), d('2026-04-04T00:00:00Z'));
    expect(list.map((o) => o.start)).toEqual(['2026-03-24T08:00:00.000Z', '2026-03-31T07:00:00.000Z']);
    expect(list.map((o) => local(o.start))).toEqual(['2026-03-24 09:00', '2026-03-31 09:00']);
  });

  it('given a Sunday series in the DST weeks of March and October then it stays 09:00 local on the change days', () => {
    const s = aSeries({ firstDate: '2026-03-22', rrule: 'FREQ=WEEKLY;BYDAY=SU' });
    const march = occurrencesBetween([s], [], d('2026-03-28T00:00:00Z'), d('2026-03-30T00:00:00Z'));
    expect(march.map((o) => [o.start, local(o.start)])).toEqual([['2026-03-29T07:00:00.000Z', '2026-03-29 09:00']]);
    const october = occurrencesBetween([s], [], d('2026-10-24T00:00:00Z'), d('2026-10-26T00:00:00Z'));
    expect(october.map((o) => [o.start, local(o.start)])).toEqual([['2026-10-25T08:00:00.000Z', '2026-10-25 09:00']]);
  });

  it('given a meeting that spans the October change night then its end is its duration after its start', () => {
    const s = aSeries({ firstDate: '2026-10-24', startTime: '23:00', durationMinutes: 240, rrule: 'FREQ=WEEKLY;BYDAY=SA' });
    const [o] = occurrencesBetween([s], [], d('2026-10-24T00:00:00Z'), d('2026-10-26T00:00:00Z'));
    expect(o?.start).toBe('2026-10-24T21:00:00.000Z');
    expect(o?.end).toBe('2026-10-25T01:00:00.000Z');
  });

  it('given a monthly series on the last Tuesday then it lands on the last Tuesday of each month', () => {
    const s = aSeries({ firstDate: '2026-01-27', rrule: 'FREQ=MONTHLY;BYDAY=-1TU' });
    const list = occurrencesBetween([s], [], d('2026-01-01T00:00:00Z'), d('2026-06-01T00:00:00Z'));
    expect(list.map((o) => local(o.start))).toEqual([
      '2026-01-27 09:00',
      '2026-02-24 09:00',
      '2026-03-31 09:00',
      '2026-04-28 09:00',
      '2026-05-26 09:00',
    ]);
  });

  it('given a series with until then no occurrence comes after that local day', () => {
    const s = aSeries({ until: '2026-01-20' });
    const list = occurrencesBetween([s], [], d('2026-01-01T00:00:00Z'), d('2026-03-01T00:00:00Z'));
    expect(list.map((o) => local(o.start))).toEqual(['2026-01-13 09:00', '2026-01-20 09:00']);
  });

  it('given a window that starts during a meeting then that meeting is included (overlap), one that ended is not', () => {
    const list = occurrencesBetween([aSeries()], [], d('2026-01-13T09:00:00Z'), d('2026-01-14T00:00:00Z'));
    expect(list.map((o) => o.key)).toEqual(['s1@2026-01-13T08:00:00.000Z']);
    expect(occurrencesBetween([aSeries()], [], d('2026-01-13T09:30:00Z'), d('2026-01-14T00:00:00Z'))).toEqual([]);
  });

  it('given a window that ends exactly at a start then that meeting is excluded ([from, to))', () => {
    expect(occurrencesBetween([aSeries()], [], d('2026-01-12T00:00:00Z'), d('2026-01-13T08:00:00Z'))).toEqual([]);
  });
});

describe('occurrencesBetween — overrides and one-offs', () => {
  const original = '2026-01-20T08:00:00.000Z';

  it('given one occurrence moved then it appears at its new time with status moved and its key unchanged', () => {
    const moved = anOverride({ originalStart: original, start: '2026-01-21T12:00:00.000Z', end: '2026-01-21T13:30:00.000Z', status: 'moved', location: 'Politigården' });
    const list = occurrencesBetween([aSeries()], [moved], d('2026-01-19T00:00:00Z'), d('2026-01-28T00:00:00Z'));
    expect(list.map((o) => [o.key, o.start, o.status])).toEqual([
      [occurrenceKey('s1', original), '2026-01-21T12:00:00.000Z', 'moved'],
      ['s1@2026-01-27T08:00:00.000Z', '2026-01-27T08:00:00.000Z', 'scheduled'],
    ]);
    expect(list[0]?.meetingId).toBe(moved.id);
    expect(list[0]?.location).toBe('Politigården');
    expect(list[0]?.originalStart).toBe(original);
  });

  it('given one occurrence moved into the window from outside then it is included, and not at its old place', () => {
    const moved = anOverride({ originalStart: original, start: '2026-02-02T08:00:00.000Z', end: '2026-02-02T09:30:00.000Z', status: 'moved' });
    const feb = occurrencesBetween([aSeries()], [moved], d('2026-02-01T00:00:00Z'), d('2026-02-03T00:00:00Z'));
    expect(feb.map((o) => o.key)).toEqual([occurrenceKey('s1', original)]);
    const jan = occurrencesBetween([aSeries()], [moved], d('2026-01-19T00:00:00Z'), d('2026-01-21T00:00:00Z'));
    expect(jan).toEqual([]);
  });

  it('given one occurrence cancelled then it stays in the list at its original time with status cancelled', () => {
    const cancelled = anOverride({ originalStart: original, start: original, end: '2026-01-20T09:30:00.000Z', status: 'cancelled' });
    const list = occurrencesBetween([aSeries()], [cancelled], d('2026-01-19T00:00:00Z'), d('2026-01-28T00:00:00Z'));
    expect(list.map((o) => [o.start, o.status])).toEqual([
      [original, 'cancelled'],
      ['2026-01-27T08:00:00.000Z', 'scheduled'],
    ]);
  });

  it('given an override whose original start is not an occurrence of the series then it is ignored', () => {
    const stray = anOverride({ originalStart: '2026-01-21T08:00:00.000Z', start: '2026-01-22T08:00:00.000Z', end: '2026-01-22T09:00:00.000Z', status: 'moved' });
    const list = occurrencesBetween([aSeries()], [stray], d('2026-01-19T00:00:00Z'), d('2026-01-28T00:00:00Z'));
    expect(list.map((o) => o.start)).toEqual(['2026-01-20T08:00:00.000Z', '2026-01-27T08:00:00.000Z']);
  });

  it('given one-off meetings and two series then all are merged and sorted by start', () => {
    const oneOff = { id: 'm1', forumId: 'koordinationsgruppen', title: 'Ekstraordinært møde', start: '2026-01-14T12:00:00.000Z', end: '2026-01-14T13:00:00.000Z', status: 'scheduled' as const };
    const other = aSeries({ id: 's2', forumId: 'infohus', title: 'Infohus', firstDate: '2026-01-15', rrule: 'FREQ=WEEKLY;BYDAY=TH', startTime: '13:00' });
    const list = occurrencesBetween([other, aSeries()], [oneOff], d('2026-01-12T00:00:00Z'), d('2026-01-19T00:00:00Z'));
    expect(list.map((o) => [o.key, o.start])).toEqual([
      ['s1@2026-01-13T08:00:00.000Z', '2026-01-13T08:00:00.000Z'],
      ['m1', '2026-01-14T12:00:00.000Z'],
      ['s2@2026-01-15T12:00:00.000Z', '2026-01-15T12:00:00.000Z'],
    ]);
    expect(list[1]).toMatchObject({ title: 'Ekstraordinært møde', meetingId: 'm1', status: 'scheduled' });
    expect(list[1]?.seriesId).toBeUndefined();
  });
});
