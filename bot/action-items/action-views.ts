import type { ActionBoardView } from '../../cards/action-board.card';
import type { ActionItemView } from '../../cards/action-item.card';
import type { ActionItem } from '../../domain/actions/action-item';
import { isOverdue } from '../../domain/actions/action-item.rules';
import { groupOpenItemsByOwner } from '../../domain/actions/action-views';
import { danishDate } from '../../domain/actions/local-date';
import type { Forum, Member } from '../../domain/fora/forum';
import { hasRole } from '../../domain/fora/forum.rules';

/** What the viewer may do to the item decides which buttons its card shows (the bot checks again on click). */
export function itemView(item: ActionItem, forum: Pick<Forum, 'name' | 'escalatesTo'>, viewerId: string, viewer: Member | undefined, todayLocal: string, banner?: string): ActionItemView {
  return {
    id: item.id,
    forumId: item.forumId,
    forumName: forum.name,
    title: item.title,
    ownerName: item.owner.displayName,
    due: danishDate(item.dueDate),
    overdue: isOverdue(item, todayLocal),
    status: item.status,
    ...(item.blockedReason === undefined ? {} : { blockedReason: item.blockedReason }),
    ...(item.proposedDueDate === undefined ? {} : { proposedDue: danishDate(item.proposedDueDate) }),
    ...(item.carriedOver === undefined ? {} : { carriedOver: item.carriedOver }),
    escalated: item.escalationId !== undefined,
    canWork: item.owner.kind === 'member' && item.owner.userId === viewerId,
    canManage: hasRole(viewer, 'chair', 'secretary'),
    canEscalate: forum.escalatesTo !== undefined,
    ...(banner === undefined ? {} : { banner }),
  };
}

export function boardView(forum: Pick<Forum, 'id'>, items: readonly ActionItem[], todayLocal: string, title: string, options: { intro?: string; withActions: boolean }): ActionBoardView {
  const groups = groupOpenItemsByOwner(items, todayLocal);
  return {
    forumId: forum.id,
    title,
    ...(options.intro === undefined ? {} : { intro: options.intro }),
    groups: groups.map((g) => ({
      ownerName: g.owner.displayName,
      items: g.items.map((i) => ({ id: i.id, title: i.title, due: danishDate(i.dueDate), overdue: isOverdue(i, todayLocal), status: i.status })),
    })),
    total: groups.reduce((n, g) => n + g.items.length, 0),
    overdue: groups.reduce((n, g) => n + g.overdue, 0),
    withActions: options.withActions,
  };
}
