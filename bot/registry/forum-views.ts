import { formatDateTime } from '../../cards/dates';
import type { ForumListCardView } from '../../cards/forum-list.card';
import type { ForumCardView } from '../../cards/forum.card';
import type { Forum, Member } from '../../domain/fora/forum';
import { canManageMembers, canSeeMembers } from '../../domain/fora/forum.rules';
import { orderRoles } from '../../domain/fora/membership.rules';
import type { BotServices } from '../core/services';
import type { Lang } from '../i18n';
import { upcomingMeetings } from '../meetings/upcoming-meetings';

type ViewServices = Pick<BotServices, 'fora' | 'members' | 'meetingSeries' | 'meetings' | 'clock' | 'config'>;

/** The next meeting of each forum, written out for people ("tirsdag 13. januar 2026 kl. 09.00"). */
export async function nextMeetings(services: ViewServices, forumIds: readonly string[], lang: Lang): Promise<Map<string, string>> {
  const upcoming = await upcomingMeetings(services, forumIds, services.clock.now());
  const next = new Map<string, string>();
  for (const o of upcoming) if (!next.has(o.forumId)) next.set(o.forumId, formatDateTime(o.start, lang, services.config.timeZone));
  return next;
}

/**
 * The fora a person belongs to, for the `fora` list; empty when they belong to none. Two round trips
 * whatever the number of fora: the memberships, then the fora (one query), each roster and the meetings at once.
 */
export async function forumListView(services: ViewServices, userId: string, lang: Lang): Promise<ForumListCardView> {
  const memberships = await services.members.listMembershipsOfUser(userId);
  if (memberships.length === 0) return { fora: [] };
  const ids = [...new Set(memberships.map((m) => m.forumId))];
  // The fora in one query (not one read each), beside their rosters and meetings.
  const [found, meetings, rosters] = await Promise.all([
    services.fora.findMany(ids),
    nextMeetings(services, ids, lang),
    Promise.all(ids.map(async (id) => [id, await services.members.listByForum(id)] as const)).then((all) => new Map(all)),
  ]);
  // An index row may outlive a deleted forum: only fora that still exist are listed.
  return {
    fora: found
      .map((f) => ({ forum: f, roster: rosters.get(f.id) ?? [] }))
      .map(({ forum: f, roster }) => ({
        id: f.id,
        name: f.name,
        level: f.level,
        sensitive: f.sensitive,
        chairs: roster.filter((m) => m.roles.includes('chair')).map((m) => m.displayName),
        myRoles: orderRoles(memberships.find((m) => m.forumId === f.id)?.roles ?? []),
        nextMeeting: meetings.get(f.id),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'da')),
  };
}

export interface ForumViewOptions {
  /** Who looks; undefined for a message everyone in a channel sees (the public view). */
  viewerId: string | undefined;
  lang: Lang;
  notice?: string;
}

/** One forum as the viewer may see it: members only if allowed, management only for its chair. */
export async function forumView(services: ViewServices, forum: Forum, options: ForumViewOptions): Promise<{ view: ForumCardView; members: Member[] }> {
  const [fora, members, meetings] = await Promise.all([services.fora.list(), services.members.listByForum(forum.id), nextMeetings(services, [forum.id], options.lang)]);
  const viewer = options.viewerId === undefined ? undefined : members.find((m) => m.userId === options.viewerId);
  const visible = canSeeMembers(forum, viewer).ok;
  const target = forum.escalatesTo === undefined ? undefined : fora.find((f) => f.id === forum.escalatesTo);
  const view: ForumCardView = {
    id: forum.id,
    name: forum.name,
    level: forum.level,
    sensitive: forum.sensitive,
    linked: forum.teams !== undefined,
    channelName: forum.teams?.channelName,
    nextMeeting: meetings.get(forum.id),
    escalatesTo: target === undefined ? undefined : { id: target.id, name: target.name },
    escalatedFrom: fora.filter((f) => f.escalatesTo === forum.id && f.id !== forum.id).map((f) => ({ id: f.id, name: f.name })),
    members: visible ? [...members].sort((a, b) => a.displayName.localeCompare(b.displayName, 'da')) : undefined,
    canManage: canManageMembers(viewer).ok,
    notice: options.notice,
  };
  return { view, members };
}
