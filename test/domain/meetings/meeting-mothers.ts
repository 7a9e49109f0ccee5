import type { Meeting, MeetingSeries } from '../../../domain/meetings/meeting';

/** A forum's series: weekly by default, Tuesdays 09:00–10:30 Copenhagen time from 13 January 2026. */
export const aSeries = (over: Partial<MeetingSeries> = {}): MeetingSeries => ({
  id: 's1',
  forumId: 'koordinationsgruppen',
  title: 'Koordinationsmøde',
  firstDate: '2026-01-13',
  startTime: '09:00',
  durationMinutes: 90,
  rrule: 'FREQ=WEEKLY;BYDAY=TU',
  timeZone: 'Europe/Copenhagen',
  location: 'Ishøj Rådhus',
  ...over,
});

export const anOverride = (over: Partial<Meeting> & Pick<Meeting, 'originalStart' | 'start' | 'end' | 'status'>): Meeting => ({
  id: `s1~${over.originalStart}`,
  forumId: 'koordinationsgruppen',
  seriesId: 's1',
  ...over,
});
