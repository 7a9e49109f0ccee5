import { z } from 'zod';
import { GuardedText, GuardedUrl } from '../shared/guarded-text';
import { EntityId } from '../shared/ids';
import { Instant, LocalDate } from '../shared/time';

/** Local wall-clock time "HH:MM" in the municipality's time zone. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

export const Place = z.object({
  location: GuardedText.trim().max(300).optional(),
  onlineMeetingUrl: GuardedUrl.optional(),
});

/** 128 random bits, base64url: unguessable, so a calendar link reveals nothing to those without it. */
export const CalendarToken = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);

/**
 * A forum's recurring meetings. The rule is an RFC 5545 RRULE (e.g. `FREQ=MONTHLY;BYDAY=2TU`),
 * expanded in `timeZone` so that 09:00 stays 09:00 local time across daylight-saving changes.
 */
export const MeetingSeries = z.object({
  id: EntityId,
  forumId: EntityId,
  title: GuardedText.trim().min(1).max(200),
  firstDate: LocalDate,
  startTime: LocalTime,
  durationMinutes: z.number().int().min(5).max(24 * 60),
  rrule: z.string().trim().min(1).max(1000),
  timeZone: z.string().min(1).max(64),
  /** Changing a series ends the old one here, so past meetings keep their old schedule. */
  until: LocalDate.optional(),
  ...Place.shape,
  /** Secret part of the series' calendar (.ics) link; a series without one has no public link. */
  calendarToken: CalendarToken.optional(),
  version: z.string().optional(),
});
export type MeetingSeries = z.infer<typeof MeetingSeries>;

export const MEETING_STATUSES = ['scheduled', 'moved', 'cancelled'] as const;
export const MeetingStatus = z.enum(MEETING_STATUSES);

/**
 * One occurrence that differs from its series, or a one-off meeting. `originalStart` identifies the
 * occurrence within its series; moving or cancelling it never touches the series.
 */
export const Meeting = z.object({
  id: EntityId,
  forumId: EntityId,
  seriesId: EntityId.optional(),
  /** A one-off meeting's title (occurrences of a series take the series' title). */
  title: GuardedText.trim().min(1).max(200).optional(),
  originalStart: Instant.optional(),
  start: Instant,
  end: Instant,
  status: MeetingStatus,
  ...Place.shape,
  /** Secret part of a one-off meeting's calendar (.ics) link. */
  calendarToken: CalendarToken.optional(),
  version: z.string().optional(),
});
export type Meeting = z.infer<typeof Meeting>;
