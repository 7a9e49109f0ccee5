import type { CalendarPublisher } from '../../domain/meetings/calendar-publisher';
import { newCalendarToken } from '../../domain/meetings/calendar-publisher';
import type { BotServices } from '../core/services';

const base = (publicUrl: string): string => publicUrl.replace(/\/+$/, '');

export const seriesCalendarPath = (forumId: string, seriesId: string): string =>
  `/calendar/${encodeURIComponent(forumId)}/${encodeURIComponent(seriesId)}.ics`;
export const meetingCalendarPath = (forumId: string, meetingId: string): string =>
  `/calendar/${encodeURIComponent(forumId)}/meeting/${encodeURIComponent(meetingId)}.ics`;

/**
 * The .ics publisher: nothing is pushed anywhere; the link points at the bot's calendar route,
 * which renders the series as it is now. The link carries the series' random token (created here
 * on first publish), so only people who were given the link can read a forum's meeting times.
 */
export function createIcsCalendarPublisher(services: Pick<BotServices, 'config' | 'meetingSeries' | 'meetings'>): CalendarPublisher {
  const root = base(services.config.publicUrl);
  return {
    async publishSeries({ series }) {
      const token =
        series.calendarToken ??
        (await services.meetingSeries.update(series.forumId, series.id, (current) => ({ ...current, calendarToken: current.calendarToken ?? newCalendarToken() })))
          .calendarToken!;
      return { url: `${root}${seriesCalendarPath(series.forumId, series.id)}?token=${token}` };
    },
    async publishMeeting({ meeting }) {
      const token =
        meeting.calendarToken ??
        (await services.meetings.update(meeting.forumId, meeting.id, (current) => ({ ...current, calendarToken: current.calendarToken ?? newCalendarToken() })))
          .calendarToken!;
      return { url: `${root}${meetingCalendarPath(meeting.forumId, meeting.id)}?token=${token}` };
    },
  };
}
