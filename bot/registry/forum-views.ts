import { formatDateTime } from '../../cards/dates';
import type { ForumListCardView } from '../../cards/forum-list.card';
import type { ForumCardView } from '../../cards/forum.card';
import type { Forum, Member } from '../../domain/fora/forum';
import { canManageMembers, canSeeMembers } from '../../domain/fora/forum.rules';
import { orderRoles } from '../../domain/fora/membership.rules';
import type { BotServices } from '../core/services';
import type { Lang } from '../i18n';
import { upcomingOf, upcomingOfRows } from '../meetings/upcoming-meetings';
import { readPersonFora } from '../core/forum-rows';

type ViewServices = Pick<BotServices, 'fora' | 'members' | 'meetingSeries' | 'meetings' | 'agendas' | 'reminderIndex' | 'clock' | 'config'>;

/**
 * The fora a person belongs to, for the `fora` list; empty when they belong to none. Whatever the
 * number of fora, one round trip when none of them changed since the person's last read here (the
 * memberships beside the fora's change marks), two otherwise (bot/core/forum-rows.ts).
 */
export async function forumListView(services: ViewServices, userId: string, lang: Lang): Promise<ForumListCardView> {
  const { memberships, rows } = await readPersonFora(services, userId);
  if (memberships.length === 0) return { fora: [] };
  const now = services.clock.now();
  // An index row may outlive a deleted forum: only fora that still exist are listed.
  return {
    fora: memberships
      .flatMap((m) => {
        const found = rows.get(m.forumId);
        return found === undefined ? [] : [{ rows: found, roles: m.roles }];
      })
      .map(({ rows: kept, roles }) => {
        const { forum: f, members } = kept;
        const next = upcomingOfRows(kept, now, { limit: 1 })[0];
        return {
          id: f.id,
          name: f.name,
          level: f.level,
          sensitive: f.sensitive,
          chairs: members.filter((m) => m.roles.includes('chair')).map((m) => m.displayName),
          myRoles: orderRoles(roles),
          nextMeeting: next === undefined ? undefined : formatDateTime(next.start, lang, services.config.timeZone),
        };
      })
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
  const [fora, members, series, meetings] = await Promise.all([services.fora.list(), services.members.listByForum(forum.id), services.meetingSeries.listByForum(forum.id), services.meetings.listByForum(forum.id)]);
  const next = upcomingOf(series, meetings, services.clock.now(), { limit: 1 })[0];
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
    nextMeeting: next === undefined ? undefined : formatDateTime(next.start, options.lang, services.config.timeZone),
    escalatesTo: target === undefined ? undefined : { id: target.id, name: target.name },
    escalatedFrom: fora.filter((f) => f.escalatesTo === forum.id && f.id !== forum.id).map((f) => ({ id: f.id, name: f.name })),
    members: visible ? [...members].sort((a, b) => a.displayName.localeCompare(b.displayName, 'da')) : undefined,
    canManage: canManageMembers(viewer).ok,
    notice: options.notice,
  };
  return { view, members };
}
