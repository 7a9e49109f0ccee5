import type { ActionItem, ActionOwner } from './action-item';
import { isOpen, isOverdue } from './action-item.rules';

/** Stable key of an owner: the member id, or the outsider's e-mail. */
export const ownerKey = (owner: ActionOwner): string => (owner.kind === 'member' ? `member:${owner.userId}` : `external:${owner.email.toLowerCase()}`);

export interface OwnerGroup {
  key: string;
  owner: ActionOwner;
  /** Overdue first, then by due date. */
  items: ActionItem[];
  overdue: number;
}

/** Open items first by overdue, then by due date, then by title (stable for the same data). */
export function byUrgency(todayLocal: string): (a: ActionItem, b: ActionItem) => number {
  return (a, b) =>
    Number(isOverdue(b, todayLocal)) - Number(isOverdue(a, todayLocal)) || a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title, 'da');
}

/**
 * The open items grouped by owner: owners with overdue items first (the longest overdue first), then
 * by their earliest due date, then by name.
 */
export function groupOpenItemsByOwner(items: readonly ActionItem[], todayLocal: string): OwnerGroup[] {
  const groups = new Map<string, OwnerGroup>();
  for (const item of items) {
    if (!isOpen(item)) continue;
    const key = ownerKey(item.owner);
    const group = groups.get(key) ?? { key, owner: item.owner, items: [], overdue: 0 };
    group.items.push(item);
    if (isOverdue(item, todayLocal)) group.overdue++;
    groups.set(key, group);
  }
  const sort = byUrgency(todayLocal);
  const result = [...groups.values()];
  for (const group of result) group.items.sort(sort);
  return result.sort(
    (a, b) =>
      Number(b.overdue > 0) - Number(a.overdue > 0) ||
      (a.items[0]?.dueDate ?? '').localeCompare(b.items[0]?.dueDate ?? '') ||
      a.owner.displayName.localeCompare(b.owner.displayName, 'da'),
  );
}
