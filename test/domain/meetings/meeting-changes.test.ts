import { describe, expect, it } from 'vitest';
import { cancelOccurrence, changeSeries, moveOccurrence } from '../../../domain/meetings/meeting-changes';
import { occurrencesBetween } from '../../../domain/meetings/meeting-schedule';
import { DomainError } from '../../../domain/shared/domain-error';
import { aSeries } from './meeting-mothers';

const NOW = new Date('2026-01-15T12:00:00Z');
const d = (iso: string) => new Date(iso);
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
};

describe('moving and cancelling one occurrence', () => {
  const series = aSeries();
  const original = d('2026-01-20T08:00:00.000Z');

  it('given a future occurrence moved then the override is keyed by the occurrence and the series is unchanged', () => {
    const before = structuredClone(series);
    const moved = moveOccurrence(series, original, { start: d('2026-01-21T12:00:00Z'), end: d('2026-01-21T13:00:00Z') }, NOW);
    expect(moved).toEqual({
      id: 's1@2026-01-20T08:00:00.000Z',
      forumId: series.forumId,
      seriesId: 's1',
      originalStart: '2026-01-20T08:00:00.000Z',
      start: '2026-01-21T12:00:00.000Z',
      end: '2026-01-21T13:00:00.000Z',
      status: 'moved',
      location: 'Ishøj Rådhus',
    });
    expect(series).toEqual(before);
    const list = occurrencesBetween([series], [moved], d('2026-01-19T00:00:00Z'), d('2026-01-23T00:00:00Z'));
    expect(list.map((o) => [o.key, o.start, o.status])).toEqual([['s1@2026-01-20T08:00:00.000Z', '2026-01-21T12:00:00.000Z', 'moved']]);
  });

  it('given a future occurrence cancelled then it keeps its original time with status cancelled', () => {
    const cancelled = cancelOccurrence(series, original, NOW);
    expect(cancelled).toMatchObject({ id: 's1@2026-01-20T08:00:00.000Z', start: '2026-01-20T08:00:00.000Z', end: '2026-01-20T09:30:00.000Z', status: 'cancelled' });
    const list = occurrencesBetween([series], [cancelled], d('2026-01-19T00:00:00Z'), d('2026-01-28T00:00:00Z'));
    expect(list.map((o) => o.status)).toEqual(['cancelled', 'scheduled']);
  });

  it('given a time that is not an occurrence, a past occurrence, a move into the past or end before start then each is refused', () => {
    expect(codeOf(() => cancelOccurrence(series, d('2026-01-21T08:00:00Z'), NOW))).toBe('MEETINGS.NO_SUCH_OCCURRENCE');
    expect(codeOf(() => cancelOccurrence(series, d('2026-01-13T08:00:00Z'), NOW))).toBe('MEETINGS.OCCURRENCE_PAST');
    expect(codeOf(() => moveOccurrence(series, original, { start: d('2026-01-14T08:00:00Z'), end: d('2026-01-14T09:00:00Z') }, NOW))).toBe('MEETINGS.MOVE_TO_PAST');
    expect(codeOf(() => moveOccurrence(series, original, { start: d('2026-01-22T08:00:00Z'), end: d('2026-01-22T08:00:00Z') }, NOW))).toBe('MEETINGS.END_BEFORE_START');
  });
});

describe('changing a series', () => {
  const old = aSeries({ rrule: 'FREQ=WEEKLY;BYDAY=TU' });
  const cancel = (iso: string) => cancelOccurrence(old, d(iso), NOW);

  it('given a change from 3 February then past meetings keep the old schedule and later ones follow the new', () => {
    const next = aSeries({ id: 's2', firstDate: '2026-02-05', rrule: 'FREQ=WEEKLY;BYDAY=TH', startTime: '13:00' });
    const change = changeSeries(old, [], next);
    expect(change.ended?.until).toBe('2026-02-04');
    expect(change.removedSeriesId).toBeUndefined();
    const list = occurrencesBetween([change.ended!, change.started], [], d('2026-01-26T00:00:00Z'), d('2026-02-13T00:00:00Z'));
    expect(list.map((o) => [o.seriesId, o.start])).toEqual([
      ['s1', '2026-01-27T08:00:00.000Z'],
      ['s1', '2026-02-03T08:00:00.000Z'],
      ['s2', '2026-02-05T12:00:00.000Z'],
      ['s2', '2026-02-12T12:00:00.000Z'],
    ]);
  });

  it('given overrides of the old series then earlier ones stay, later ones are carried when the new rule has that time, else dropped', () => {
    const early = cancel('2026-01-20T08:00:00.000Z');
    const keepsTime = cancel('2026-02-17T08:00:00.000Z');
    const goesAway = cancel('2026-02-10T08:00:00.000Z');
    // Every two weeks on Tuesdays from 3 February: 3, 17 February … (not 10 February).
    const next = aSeries({ id: 's2', firstDate: '2026-02-03', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' });
    const change = changeSeries(old, [early, keepsTime, goesAway], next);
    expect(change.carried.map((m) => [m.id, m.seriesId, m.status])).toEqual([['s2@2026-02-17T08:00:00.000Z', 's2', 'cancelled']]);
    expect(change.dropped.map((m) => m.id)).toEqual([goesAway.id]);
    const list = occurrencesBetween([change.ended!, change.started], [early, ...change.carried], d('2026-01-19T00:00:00Z'), d('2026-03-04T00:00:00Z'));
    expect(list.map((o) => [o.start, o.status])).toEqual([
      ['2026-01-20T08:00:00.000Z', 'cancelled'],
      ['2026-01-27T08:00:00.000Z', 'scheduled'],
      ['2026-02-03T08:00:00.000Z', 'scheduled'],
      ['2026-02-17T08:00:00.000Z', 'cancelled'],
      ['2026-03-03T08:00:00.000Z', 'scheduled'],
    ]);
  });

  it('given a change from before the old series began then the old series is removed, not ended', () => {
    const change = changeSeries(old, [], aSeries({ id: 's2', firstDate: '2026-01-13', rrule: 'FREQ=MONTHLY;BYDAY=2TU' }));
    expect(change.ended).toBeUndefined();
    expect(change.removedSeriesId).toBe('s1');
  });
});
