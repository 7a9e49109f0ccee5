import type { MeetingStatus } from './meeting';
import type { z } from 'zod';

/**
 * One meeting as people see it: an occurrence of a series (with its override applied, if moved or
 * cancelled) or a one-off meeting. `key` is stable for the life of the occurrence — moving it does
 * not change it — so reminders, agendas and calendar invitations can refer to it:
 * `<seriesId>@<originalStart ISO instant>` for a series occurrence, `<meetingId>` for a one-off.
 */
export interface Occurrence {
  key: string;
  forumId: string;
  title: string;
  seriesId?: string;
  /** The override or one-off row behind it, if any. */
  meetingId?: string;
  /** Where the series put it (series occurrences only). */
  originalStart?: string;
  /** ISO instants (UTC). */
  start: string;
  end: string;
  status: z.infer<typeof MeetingStatus>;
  location?: string;
  onlineMeetingUrl?: string;
}
