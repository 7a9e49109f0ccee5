import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { EntityId } from '../../domain/shared/ids';
import type { BotServices } from '../handlers/bot-services';
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

function send(res: Response, status: number, body: string, type: string): void {
  res.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    // Meeting times of a forum: not for shared caches.
    'Cache-Control': 'private, no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

function parse(req: Request): { forumId: string; id: string; token: string } | undefined {
  const params = Params.safeParse(req.params);
  const query = Query.safeParse(Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams));
  if (!params.success || !query.success) return undefined;
  return { forumId: params.data.forumId, id: params.data.file.slice(0, -'.ics'.length), token: query.data.token };
}

/**
 * `GET /calendar/<forumId>/<seriesId>.ics?token=…` (a series) and
 * `GET /calendar/<forumId>/meeting/<meetingId>.ics?token=…` (a one-off meeting). An unknown id and a
 * wrong token get the same 404, so the route does not tell which series exist.
 */
export function registerCalendarRoutes(server: Server, services: BotServices): void {
  server.get('/calendar/:forumId/:file', async (req: Request, res: Response) => {
    const asked = parse(req);
    const series = asked === undefined ? undefined : await services.meetingSeries.findById(asked.forumId, asked.id);
    if (asked === undefined || series === undefined || !sameToken(series.calendarToken, asked.token)) return send(res, 404, NOT_FOUND, 'text/plain');
    const [overrides, forum] = await Promise.all([services.meetings.listByForum(series.forumId), services.fora.findById(series.forumId)]);
    const body = renderSeriesIcs(series, overrides, forum?.name ?? series.forumId, services.clock.now());
    send(res, 200, body, 'text/calendar');
  });

  server.get('/calendar/:forumId/meeting/:file', async (req: Request, res: Response) => {
    const asked = parse(req);
    const meeting = asked === undefined ? undefined : await services.meetings.findById(asked.forumId, asked.id);
    if (asked === undefined || meeting === undefined || meeting.seriesId !== undefined || !sameToken(meeting.calendarToken, asked.token)) {
      return send(res, 404, NOT_FOUND, 'text/plain');
    }
    const forum = await services.fora.findById(meeting.forumId);
    send(res, 200, renderMeetingIcs(meeting, forum?.name ?? meeting.forumId, services.config.timeZone, services.clock.now()), 'text/calendar');
  });
}
