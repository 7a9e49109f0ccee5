import type { Server } from 'restify';
import { localDateOf } from '../../domain/actions/local-date';
import { EntityId } from '../../domain/shared/ids';
import type { BotServices } from '../handlers/bot-services';
import { defaultTexts } from './action-items.service';
import { actionItemsCsv } from './action-items.csv';
import { exportLinkKey, verifyExportLink } from './export-link';

// The server has no query parser plugin: read the query from the URL.
const queryOf = (url: string | undefined): Record<string, string> => Object.fromEntries(new URL(url ?? '/', 'http://localhost').searchParams);

/**
 * `GET /forums/:forumId/actions.csv?u=…&exp=…&sig=…`: the forum's action items for Excel. The
 * browser proves nothing by itself, so the link is signed for one person and forum and expires
 * (made on the export card); membership is checked again now, so a member who left gets nothing.
 */
export function actionItemRoutes(server: Server, services: BotServices): void {
  server.get('/forums/:forumId/actions.csv', async (req, res) => {
    const forumId = EntityId.safeParse(req.params?.['forumId']);
    const userId = forumId.success ? verifyExportLink(exportLinkKey(services.config), forumId.data, queryOf(req.url), services.clock.now()) : undefined;
    if (!forumId.success || userId === undefined) {
      res.send(403, { error: 'ACTION.LINK_INVALID' });
      return;
    }
    const [forum, member] = await Promise.all([services.fora.findById(forumId.data), services.members.find(forumId.data, userId)]);
    if (forum === undefined || member === undefined) {
      res.send(403, { error: 'FORUM.NOT_MEMBER' });
      return;
    }
    const [items, agendas] = await Promise.all([services.actionItems.listByForum(forum.id), services.agendas.listByForum(forum.id)]);
    const titles = new Map(agendas.flatMap((a) => a.items.map((i) => [i.id, i.title] as const)));
    const today = localDateOf(services.clock.now(), services.config.timeZone);
    const csv = actionItemsCsv(defaultTexts(services), items, { todayLocal: today, timeZone: services.config.timeZone, agendaItemTitle: (id) => titles.get(id) });
    services.logger.info({ forumId: forum.id, userId, items: items.length }, 'action items exported');
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="handlinger-${forum.id}-${today}.csv"`,
      'cache-control': 'no-store',
    });
    res.end(csv);
  });
}
