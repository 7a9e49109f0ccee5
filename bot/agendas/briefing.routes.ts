import { z } from 'zod';
import { canSeeBriefing } from '../../domain/agendas/agenda.rules';
import { compileBriefing } from '../../domain/agendas/briefing';
import { DomainError } from '../../domain/shared/domain-error';
import { EntityId, slugify } from '../../domain/shared/ids';
import { downloadResponse, type HttpRequest, type HttpResponse, type HttpRoute } from '../core/http-route';
import type { BotServices } from '../core/services';
import { proactiveLang, textsFor } from './agenda-context';
import { briefingDocx, briefingMarkdown } from './briefing-document';
import { linkKeyring } from '../signed-links';
import { checkBriefingLink, type BriefingFormat } from './briefing-links';

const Params = z.object({ forumId: EntityId, agendaId: EntityId });

const CONTENT_TYPES: Record<BriefingFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
};

const plain = (status: number, text: string): HttpResponse => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, body: text });

/** A file name without characters browsers or Windows stumble over. */
const fileName = (forumName: string, meetingStart: string, format: BriefingFormat): string => `briefing-${slugify(forumName)}-${meetingStart.slice(0, 10)}.${format}`;

/** The person the signed link was made for (signed with the bot's link key). */
function linkHolder(req: HttpRequest, services: BotServices): Promise<{ userId: string }> {
  const params = Params.safeParse(req.params);
  if (!params.success) return Promise.reject(new DomainError('LINK.INVALID'));
  const { forumId, agendaId } = params.data;
  const query = { u: req.query['u'], e: req.query['e'], k: req.query['k'], s: req.query['s'] };
  const link = checkBriefingLink(linkKeyring(services.config.linkKeys), { forumId, agendaId }, query, services.clock.now());
  if (!link.ok) return Promise.reject(new DomainError(link.reason === 'expired' ? 'LINK.EXPIRED' : 'LINK.INVALID'));
  return Promise.resolve({ userId: link.userId });
}

/**
 * GET /agendas/:forumId/:agendaId/briefing.docx|.md?u=&e=&s= — the briefing for the person the
 * signed link was made for, if they are still a member now and may see it (see briefing-links.ts).
 */
function download(services: BotServices, format: BriefingFormat): HttpRoute {
  return {
    method: 'GET',
    path: `/agendas/:forumId/:agendaId/briefing.${format}`,
    access: { kind: 'person', proof: 'signed-link', identify: linkHolder, access: { kind: 'forum', requirement: 'member', forumId: (req) => req.params['forumId'] } },
    refuse(code) {
      const texts = textsFor(proactiveLang(services)).document;
      // One status for every refusal: a link never tells whether its agenda exists.
      return plain(403, code === 'LINK.EXPIRED' ? texts.expired : texts.denied);
    },
    async handle({ req, person, granted }) {
      const texts = textsFor(proactiveLang(services)).document;
      const { forum, member } = granted;
      const agenda = await services.agendas.findById(req.params['forumId'] ?? '', req.params['agendaId'] ?? '');
      if (person === undefined || forum === undefined || agenda === undefined || !canSeeBriefing(member?.roles ?? [], person.userId, agenda).ok) return plain(403, texts.denied);
      const briefing = compileBriefing(agenda, await services.agendaInputs.listByAgenda(agenda.id));
      const context = { texts, lang: proactiveLang(services), forumName: forum.name, timeZone: services.config.timeZone };
      const body = format === 'docx' ? await briefingDocx(briefing, context) : Buffer.from(briefingMarkdown(briefing, context), 'utf8');
      services.logger.info({ forumId: forum.id, agendaId: agenda.id, userId: person.userId, format }, 'briefing downloaded');
      return downloadResponse(CONTENT_TYPES[format], fileName(forum.name, agenda.meetingStart, format), body);
    },
  };
}

export const briefingRoutes = (services: BotServices): HttpRoute[] => [download(services, 'docx'), download(services, 'md')];
