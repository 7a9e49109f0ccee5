import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderMeetingIcs, renderSeriesIcs } from '../../../bot/meetings/ics-calendar';
import { aSeries } from '../../domain/meetings/meeting-mothers';

const NOW = new Date('2026-01-01T10:00:00Z');
const eventsOf = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');

describe('renderSeriesIcs', () => {
  it('given a series ended with until then RRULE carries UNTIL in UTC at the end of that local day', () => {
    const [event] = eventsOf(renderSeriesIcs(aSeries({ until: '2026-06-30' }), [], 'Koordinationsgruppen', NOW));
    const rule = event!.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.until?.toString()).toBe('2026-06-30T21:59:59Z');
    expect(String(rule)).toBe('FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630T215959Z');
  });

  it('given a counted series that was later ended then RRULE has UNTIL only (RFC 5545 forbids both), at the earlier end', () => {
    const counted = aSeries({ rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3', until: '2026-12-31' });
    const rule = String(eventsOf(renderSeriesIcs(counted, [], 'K', NOW))[0]!.getFirstPropertyValue('rrule'));
    expect(rule).toBe('FREQ=WEEKLY;BYDAY=TU;UNTIL=20260127T080000Z');
    const stillCounted = eventsOf(renderSeriesIcs(aSeries({ rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3' }), [], 'K', NOW))[0]!.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect([stillCounted.count, stillCounted.until]).toEqual([3, null]);
  });

  it('given an override of another series or of no occurrence then it is not in the file', () => {
    const stray = { id: 'x', forumId: 'koordinationsgruppen', seriesId: 's1', originalStart: '2026-01-14T08:00:00.000Z', start: '2026-01-15T08:00:00.000Z', end: '2026-01-15T09:00:00.000Z', status: 'moved' as const };
    const other = { ...stray, seriesId: 's2', originalStart: '2026-01-20T08:00:00.000Z' };
    expect(eventsOf(renderSeriesIcs(aSeries(), [stray, other], 'K', NOW))).toHaveLength(1);
  });
});

describe('renderMeetingIcs', () => {
  it('given a cancelled one-off meeting then its VEVENT says STATUS:CANCELLED with a stable UID and local times', () => {
    const meeting = { id: 'm1', forumId: 'infohus', title: 'Ekstraordinært møde', start: '2026-07-01T12:00:00.000Z', end: '2026-07-01T13:00:00.000Z', status: 'cancelled' as const };
    const [event] = eventsOf(renderMeetingIcs(meeting, 'Infohus', 'Europe/Copenhagen', NOW));
    expect(event!.getFirstPropertyValue('uid')).toBe('m1@forumbot');
    expect(event!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(String(event!.getFirstPropertyValue('dtstart'))).toBe('2026-07-01T14:00:00');
  });
});
