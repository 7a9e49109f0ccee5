import type { Meeting, MeetingSeries } from './meeting';

/** Where people get a published series or meeting: a link to open or import. */
export interface PublishedCalendar {
  url: string;
}

export interface SeriesToPublish {
  series: MeetingSeries;
  /** The series' overrides: cancelled ones become exceptions, moved ones their own instances. */
  overrides: readonly Meeting[];
  forumName: string;
}

/**
 * Puts a forum's meetings in people's calendars. The .ics implementation serves an iCalendar file
 * from the bot (people import or subscribe); a Microsoft Graph implementation would create the
 * Teams meeting in the chair's calendar and invite the members. Publishing again after a change
 * must update, never duplicate (stable UID / stored event id).
 */
export interface CalendarPublisher {
  publishSeries(input: SeriesToPublish): Promise<PublishedCalendar>;
  publishMeeting(input: { meeting: Meeting; forumName: string }): Promise<PublishedCalendar>;
}

/** 16 random bytes as base64url, for `calendarToken`. */
export function newCalendarToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
