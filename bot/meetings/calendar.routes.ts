import { z } from 'zod';
import { EntityId, slugify } from '../../domain/shared/ids';
import { downloadResponse, type HttpRequest, type HttpResponse, type HttpRoute } from '../core/http-route';
import type { BotServices } from '../core/services';
import { linkKeyring, verifyLink } from '../signed-links';
import { calendarClaims } from './ics-calendar-publisher';
import { renderMeetingIcs, renderSeriesIcs } from './ics-calendar';

const Params = z.object({ forumId: EntityId, file: z.string().regex(/^.{1,200}\.ics$/) });
const Query = z.object({ k: z.string().min(1).max(16), s: z.string().min(1).max(100) });

const NOT_FOUND = 'Kalenderen findes ikke, eller linket er forkert. (Calendar not found, or the link is wrong.)';

/** The link's signature is the one made for this series or meeting with its current token. */
function signedFor(services: BotServices, forumId: string, id: string, token: string | undefined, asked: { k: string; s: string }): boolean {
  return token !== undefined && verifyLink(linkKeyring(services.config.linkKeys), calendarClaims(forumId, id, token), asked.k, asked.s);
}

// Meeting times of a forum: not for shared caches.
const text = (status: number, body: string, type: string): HttpResponse => ({ status, headers: { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'private, no-store' }, body });

function parse(req: HttpRequest): { forumId: string; id: string; k: string; s: string } | undefined {
  const params = Params.safeParse(req.params);
  const query = Query.safeParse(req.query);
  if (!params.success || !query.success) return undefined;
  return { forumId: params.data.forumId, id: params.data.file.slice(0, -'.ics'.length), ...query.data };
}

// The link is signed with the bot's link key over the series and its random token, and shown only
// on the meetings card, which the forum's public (never outsiders of a sensitive forum) may open.
const why = 'a signed link per series, shown only to those who may see the forum’s meetings';

/**
 * `GET /calendar/<forumId>/<seriesId>.ics?k=…&s=…` (a series) and
 * `GET /calendar/<forumId>/meeting/<meetingId>.ics?k=…&s=…` (a one-off meeting). An unknown id and a
 * wrong signature get the same 404, so the route does not tell which series exist.
 */
export const calendarRoutes = (services: BotServices): HttpRoute[] => [
  {
    method: 'GET',
    path: '/calendar/:forumId/:file',
    access: { kind: 'capability', why },
    async handle({ req }) {
      const asked = parse(req);
      const series = asked === undefined ? undefined : await services.meetingSeries.findById(asked.forumId, asked.id);
      if (asked === undefined || series === undefined || !signedFor(services, series.forumId, series.id, series.calendarToken, asked)) return text(404, NOT_FOUND, 'text/plain');
      const [overrides, forum] = await Promise.all([services.meetings.listByForum(series.forumId), services.fora.findById(series.forumId)]);
      return downloadResponse('text/calendar; charset=utf-8', `${slugify(forum?.name ?? series.forumId)}-${series.id}.ics`, renderSeriesIcs(series, overrides, forum?.name ?? series.forumId, services.clock.now()));
    },
  },
  {
    method: 'GET',
    path: '/calendar/:forumId/meeting/:file',
    access: { kind: 'capability', why },
    async handle({ req }) {
      const asked = parse(req);
      const meeting = asked === undefined ? undefined : await services.meetings.findById(asked.forumId, asked.id);
      if (asked === undefined || meeting === undefined || meeting.seriesId !== undefined || !signedFor(services, meeting.forumId, meeting.id, meeting.calendarToken, asked)) return text(404, NOT_FOUND, 'text/plain');
      const forum = await services.fora.findById(meeting.forumId);
      return downloadResponse('text/calendar; charset=utf-8', `${slugify(forum?.name ?? meeting.forumId)}-${meeting.id}.ics`, renderMeetingIcs(meeting, forum?.name ?? meeting.forumId, services.config.timeZone, services.clock.now()));
    },
  },
];
