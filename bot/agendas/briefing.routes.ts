import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { canSeeBriefing } from '../../domain/agendas/agenda.rules';
import { compileBriefing } from '../../domain/agendas/briefing';
import { EntityId, slugify } from '../../domain/shared/ids';
import type { BotServices } from '../handlers/bot-services';
import { proactiveLang, textsFor } from './agenda-context';
import { briefingDocx, briefingMarkdown } from './briefing-document';
import { checkBriefingLink, type BriefingFormat } from './briefing-links';

const Params = z.object({ forumId: EntityId, agendaId: EntityId });

const CONTENT_TYPES: Record<BriefingFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
};

function plain(res: Response, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** A file name without characters browsers or Windows stumble over. */
const fileName = (forumName: string, meetingStart: string, format: BriefingFormat): string => `briefing-${slugify(forumName)}-${meetingStart.slice(0, 10)}.${format}`;

/**
 * GET /agendas/:forumId/:agendaId/briefing.docx|.md?u=&e=&s= — the briefing for the person the
 * signed link was made for, if they may see it now (see briefing-links.ts). Nothing is cached.
 */
function download(services: BotServices, format: BriefingFormat) {
  return async (req: Request, res: Response): Promise<void> => {
    const texts = textsFor(proactiveLang(services)).document;
    const params = Params.safeParse(req.params);
    if (!params.success) return plain(res, 404, texts.denied);
    const { forumId, agendaId } = params.data;
    const agenda = await services.agendas.findById(forumId, agendaId);
    const key = agenda?.circulation?.briefingKey;
    if (agenda === undefined || key === undefined) return plain(res, 404, texts.denied);
    const query = new URL(req.url ?? '', 'http://localhost').searchParams;
    const link = checkBriefingLink(key, { forumId, agendaId }, { u: query.get('u') ?? undefined, e: query.get('e') ?? undefined, s: query.get('s') ?? undefined }, services.clock.now());
    if (!link.ok) return plain(res, 403, link.reason === 'expired' ? texts.expired : texts.denied);
    const [forum, member] = await Promise.all([services.fora.findById(forumId), services.members.find(forumId, link.userId)]);
    if (forum === undefined || !canSeeBriefing(member?.roles ?? [], link.userId, agenda).ok) return plain(res, 403, texts.denied);

    const briefing = compileBriefing(agenda, await services.agendaInputs.listByAgenda(agenda.id));
    const context = { texts, lang: proactiveLang(services), forumName: forum.name, timeZone: services.config.timeZone };
    const body = format === 'docx' ? await briefingDocx(briefing, context) : Buffer.from(briefingMarkdown(briefing, context), 'utf8');
    services.logger.info({ forumId, agendaId, userId: link.userId, format }, 'briefing downloaded');
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${fileName(forum.name, agenda.meetingStart, format)}"`,
      'content-length': String(body.length),
      'cache-control': 'no-store',
    });
    res.end(body);
  };
}

export function briefingRoutes(server: Server, services: BotServices): void {
  server.get('/agendas/:forumId/:agendaId/briefing.docx', download(services, 'docx'));
  server.get('/agendas/:forumId/:agendaId/briefing.md', download(services, 'md'));
}
