import { z } from 'zod';
import { localDateOf } from '../actions/local-date';
import type { AuditEvent } from '../audit/audit-event';
import { forumViewOf } from '../access/visibility';
import type { Forum, Member } from '../fora/forum';
import { UserId } from '../shared/ids';
import { LocalDate } from '../shared/time';

export const AUDIT_PAGE_SIZE = 50;

/** What the audit page may ask: by person, by kind of action (its prefix, e.g. `agenda`), by local date, a page. */
export const AuditQuery = z.object({
  actor: UserId.optional(),
  action: z.string().trim().min(1).max(100).optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export interface AuditPage {
  events: Pick<AuditEvent, 'id' | 'at' | 'actorId' | 'action' | 'subject'>[];
  page: number;
  pages: number;
  total: number;
}

/** Newest first, filtered, one page; snapshots (before/after) stay out of the list. */
export function auditPage(events: readonly AuditEvent[], query: AuditQuery, timeZone: string, pageSize = AUDIT_PAGE_SIZE): AuditPage {
  const matching = events.filter((event) => {
    if (query.actor !== undefined && event.actorId !== query.actor) return false;
    if (query.action !== undefined && event.action !== query.action && !event.action.startsWith(`${query.action}.`)) return false;
    const day = localDateOf(new Date(event.at), timeZone);
    if (query.from !== undefined && day < query.from) return false;
    if (query.to !== undefined && day > query.to) return false;
    return true;
  });
  const sorted = [...matching].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const page = Math.min(query.page, pages);
  const slice = sorted.slice((page - 1) * pageSize, page * pageSize);
  return { events: slice.map(({ id, at, actorId, action, subject }) => ({ id, at, action, subject, ...(actorId === undefined ? {} : { actorId }) })), page, pages, total: sorted.length };
}

/**
 * Who may read a forum's audit: its chair; a privacy administrator any forum's — but a sensitive
 * forum's only as one of its members (the one visibility rule: outsiders see no sealed content).
 */
export function mayReadAudit(forum: Pick<Forum, 'sensitive'>, member: Member | undefined, isAdmin: boolean): boolean {
  if (member?.roles.includes('chair') === true) return true;
  return isAdmin && forumViewOf(forum, member) !== 'existence';
}
