import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { EntityId } from '../../domain/shared/ids';
import type { HttpRequest, HttpResponse, HttpRoute } from '../core/http-route';
import type { BotServices } from '../core/services';
import { renderMeetingIcs, renderSeriesIcs } from './ics-calendar';

const Params = z.object({ forumId: EntityId, file: z.string().regex(/^.{1,200}\.ics$/) });
const Query = z.object({ token: z.string().min(1).max(100) });

const NOT_FOUND = 'Kalenderen findes ikke, eller linket er forkert. (Calendar not found, or the link is wrong.)';

function sameToken(expected: string | undefined, given: string): boolean {
  if (expected === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

// Meeting times of a forum: not for shared caches.
const text = (status: number, body: string, type: string): HttpResponse => ({ status, headers: { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'private, no-store' }, body });

function parse(req: HttpRequest): { forumId: string; id: string; token: string } | undefined {
  const params = Params.safeParse(req.params);
  const query = Query.safeParse(req.query);
  if (!params.success || !query.success) return undefined;
  return { forumId: params.data.forumId, id: params.data.file.slice(0, -'.ics'.length), token: query.data.token };
}

// The token is a random 128-bit value per series or meeting, shown only on the meetings card, which
// the forum's public (never outsiders of a sensitive forum) may open.
const why = 'a random token per series, shown only to those who may see the forum’s meetings';

/**
 * `GET /calendar/<forumId>/<seriesId>.ics?token=…` (a series) and
 * `GET /calendar/<forumId>/meeting/<meetingId>.ics?token=…` (a one-off meeting). An unknown id and a
 * wrong token get the same 404, so the route does not tell which series exist.
 */
export const calendarRoutes = (services: BotServices): HttpRoute[] => [
  {
    method: 'GET',
    path: '/calendar/:forumId/:file',
    access: { kind: 'capability', why },
    async handle({ req }) {
      const asked = parse(req);
      const series = asked === undefined ? undefined : await services.meetingSeries.findById(asked.forumId, asked.id);
      if (asked === undefined || series === undefined || !sameToken(series.calendarToken, asked.token)) return text(404, NOT_FOUND, 'text/plain');
      const [overrides, forum] = await Promise.all([services.meetings.listByForum(series.forumId), services.fora.findById(series.forumId)]);
      return text(200, renderSeriesIcs(series, overrides, forum?.name ?? series.forumId, services.clock.now()), 'text/calendar');
    },
  },
  {
    method: 'GET',
    path: '/calendar/:forumId/meeting/:file',
    access: { kind: 'capability', why },
    async handle({ req }) {
      const asked = parse(req);
      const meeting = asked === undefined ? undefined : await services.meetings.findById(asked.forumId, asked.id);
      if (asked === undefined || meeting === undefined || meeting.seriesId !== undefined || !sameToken(meeting.calendarToken, asked.token)) return text(404, NOT_FOUND, 'text/plain');
      const forum = await services.fora.findById(meeting.forumId);
      return text(200, renderMeetingIcs(meeting, forum?.name ?? meeting.forumId, services.config.timeZone, services.clock.now()), 'text/calendar');
    },
  },
];
