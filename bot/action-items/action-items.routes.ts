import { localDateOf } from '../../domain/actions/local-date';
import { DomainError } from '../../domain/shared/domain-error';
import { EntityId } from '../../domain/shared/ids';
import { downloadResponse, type HttpRequest, type HttpRoute } from '../core/http-route';
import type { BotServices } from '../core/services';
import { defaultTexts } from './action-items.service';
import { actionItemsCsv } from './action-items.csv';
import { linkKeyring } from '../signed-links';
import { verifyExportLink } from './export-link';

/** The person the export link was signed for (made on the export card, for one person and forum, expiring). */
function linkHolder(req: HttpRequest, services: BotServices): Promise<{ userId: string }> {
  const forumId = EntityId.safeParse(req.params['forumId']);
  const userId = forumId.success ? verifyExportLink(linkKeyring(services.config.linkKeys), forumId.data, req.query, services.clock.now()) : undefined;
  return userId === undefined ? Promise.reject(new DomainError('ACTION.LINK_INVALID')) : Promise.resolve({ userId });
}

/**
 * `GET /forums/:forumId/actions.csv?u=…&exp=…&sig=…`: the forum's action items for Excel. The
 * browser proves nothing by itself, so the link is signed; membership is checked again now, so a
 * member who left gets nothing.
 */
export const actionItemRoutes = (services: BotServices): HttpRoute[] => [
  {
    method: 'GET',
    path: '/forums/:forumId/actions.csv',
    access: { kind: 'person', proof: 'signed-link', identify: linkHolder, access: { kind: 'forum', requirement: 'member', forumId: (req) => req.params['forumId'] } },
    refuse: (code) => ({ status: 403, json: { error: code } }),
    async handle({ person, granted }) {
      const forum = granted.forum;
      if (forum === undefined || person === undefined) return { status: 403, json: { error: 'ACCESS.DENIED' } };
      const [items, agendas] = await Promise.all([services.actionItems.listByForum(forum.id), services.agendas.listByForum(forum.id)]);
      const titles = new Map(agendas.flatMap((a) => a.items.map((i) => [i.id, i.title] as const)));
      const today = localDateOf(services.clock.now(), services.config.timeZone);
      const csv = actionItemsCsv(defaultTexts(services), items, { todayLocal: today, timeZone: services.config.timeZone, agendaItemTitle: (id) => titles.get(id) });
      services.logger.info({ forumId: forum.id, userId: person.userId, items: items.length }, 'action items exported');
      return downloadResponse('text/csv; charset=utf-8', `handlinger-${forum.id}-${today}.csv`, csv);
    },
  },
];
