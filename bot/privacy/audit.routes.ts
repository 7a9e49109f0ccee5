import { z } from 'zod';
import { AuditQuery, auditPage, mayReadAudit } from '../../domain/privacy/audit-view';
import { isAdmin } from '../config';
import { DomainError } from '../../domain/shared/domain-error';
import { EntityId } from '../../domain/shared/ids';
import type { HttpRoute } from '../core/http-route';
import type { BotServices } from '../core/services';
import { errorText, messagesFor } from '../i18n';
import type { IdentityResolver } from '../tab/tab-identity';

const Params = z.object({ forumId: EntityId });

const forumIdOf = (params: unknown): string => {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw new DomainError('TAB.BAD_REQUEST');
  return parsed.data.forumId;
};

/**
 * `GET /api/tab/audit/fora`: the fora whose audit the person may read (the tab's picker).
 * `GET /api/tab/forum/:forumId/audit?actor=&action=&from=&to=&page=`: who did what when in a forum,
 * newest first, 50 a page, for the tab. Chairs see their forum's; administrators any forum's they may see.
 */
export function auditRoutes(services: BotServices, identity: IdentityResolver): HttpRoute[] {
  const refuse: HttpRoute['refuse'] = (code) => ({ status: code.startsWith('TAB.') && code !== 'TAB.BAD_REQUEST' ? 401 : code === 'TAB.BAD_REQUEST' ? 400 : 403, headers: { 'cache-control': 'no-store' }, json: { error: { code, message: errorText(messagesFor('da'), code) } } });
  return [
    {
      // The audit tab opened without a forum: the fora whose audit this person may read, to pick from.
      method: 'GET',
      path: '/api/tab/audit/fora',
      access: { kind: 'person', proof: 'teams-sso', identify: (req) => identity.identify(req), access: { kind: 'anyone', why: 'lists only the fora whose audit the signed-in person may read' } },
      refuse,
      async handle({ person }) {
        if (person === undefined) throw new DomainError('TAB.NOT_SIGNED_IN');
        const [fora, memberships] = await Promise.all([services.fora.list(), services.members.listMembershipsOfUser(person.userId)]);
        const admin = isAdmin(services.config, person.userId);
        const readable = fora.filter((forum) => {
          const membership = memberships.find((m) => m.forumId === forum.id);
          const member = membership === undefined ? undefined : { userId: person.userId, displayName: '-', roles: membership.roles };
          return mayReadAudit(forum, member, admin);
        });
        const sorted = readable.sort((a, b) => a.name.localeCompare(b.name, 'da'));
        return { status: 200, headers: { 'cache-control': 'no-store' }, json: { fora: sorted.map((forum) => ({ id: forum.id, name: forum.name })) } };
      },
    },
    {
      method: 'GET',
      path: '/api/tab/forum/:forumId/audit',
      access: { kind: 'person', proof: 'teams-sso', identify: (req) => identity.identify(req), access: { kind: 'audit', forumId: (req) => forumIdOf(req.params) } },
      refuse,
      async handle({ req, granted }) {
        const forum = granted.forum;
        if (forum === undefined) throw new DomainError('ACCESS.DENIED');
        const query = AuditQuery.safeParse(req.query);
        if (!query.success) throw new DomainError('TAB.BAD_REQUEST');
        const events = await services.audit.listByForum(forum.id);
        return { status: 200, headers: { 'cache-control': 'no-store' }, json: { forum: { id: forum.id, name: forum.name }, ...auditPage(events, query.data, services.config.timeZone) } };
      },
    },
  ];
}
