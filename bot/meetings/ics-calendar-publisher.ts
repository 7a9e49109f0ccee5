import type { CalendarPublisher } from '../../domain/meetings/calendar-publisher';
import { newCalendarToken } from '../../domain/meetings/calendar-publisher';
import type { BotServices } from '../core/services';
import { linkKeyring, signLink, type LinkClaims } from '../signed-links';

const base = (publicUrl: string): string => publicUrl.replace(/\/+$/, '');

export const seriesCalendarPath = (forumId: string, seriesId: string): string =>
  `/calendar/${encodeURIComponent(forumId)}/${encodeURIComponent(seriesId)}.ics`;
export const meetingCalendarPath = (forumId: string, meetingId: string): string =>
  `/calendar/${encodeURIComponent(forumId)}/meeting/${encodeURIComponent(meetingId)}.ics`;

/**
 * What a calendar link's signature covers: the forum, the series or meeting, and its random token
 * (kept in storage, never in the link), so a new token revokes the links of one series. The link
 * does not expire: a calendar app polls it for as long as it is subscribed.
 */
export const calendarClaims = (forumId: string, id: string, token: string): LinkClaims => ({ kind: 'calendar', scope: [forumId, id, token], userId: '', expires: 0 });

/**
 * The .ics publisher: nothing is pushed anywhere; the link points at the bot's calendar route,
 * which renders the series as it is now. The link is signed with the bot's link key (see
 * signed-links.ts), so only people who were given the link can read a forum's meeting times.
 */
export function createIcsCalendarPublisher(services: Pick<BotServices, 'config' | 'meetingSeries' | 'meetings'>): CalendarPublisher {
  const root = base(services.config.publicUrl);
  return {
    async publishSeries({ series }) {
      const token =
        series.calendarToken ??
        (await services.meetingSeries.update(series.forumId, series.id, (current) => ({ ...current, calendarToken: current.calendarToken ?? newCalendarToken() })))
          .calendarToken!;
      const { k, s } = signLink(linkKeyring(services.config.linkKeys), calendarClaims(series.forumId, series.id, token));
      return { url: `${root}${seriesCalendarPath(series.forumId, series.id)}?k=${encodeURIComponent(k)}&s=${s}` };
    },
    async publishMeeting({ meeting }) {
      const token =
        meeting.calendarToken ??
        (await services.meetings.update(meeting.forumId, meeting.id, (current) => ({ ...current, calendarToken: current.calendarToken ?? newCalendarToken() })))
          .calendarToken!;
      const { k, s } = signLink(linkKeyring(services.config.linkKeys), calendarClaims(meeting.forumId, meeting.id, token));
      return { url: `${root}${meetingCalendarPath(meeting.forumId, meeting.id)}?k=${encodeURIComponent(k)}&s=${s}` };
    },
  };
}
