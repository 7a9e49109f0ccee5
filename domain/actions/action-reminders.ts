import type { ActionItem } from './action-item';
import { isOpen, isOverdue } from './action-item.rules';
import { byUrgency } from './action-views';
import { daysBetween, isoWeekOf, localDateOf } from './local-date';

/** The owner hears about an item this many days before its due date. */
export const DUE_SOON_DAYS = 2;

export interface ActionReminder {
  kind: 'dueSoon' | 'overdue';
  item: ActionItem;
  userId: string;
  /**
   * The outbox idempotency key: one reminder of each kind per item and due date, however often and
   * on however many instances the job runs. A new due date earns new reminders.
   */
  key: string;
}

/**
 * The reminders owed today: "due soon" within DUE_SOON_DAYS before the due date (not for an item
 * recorded inside that window: its owner just got it), and "overdue" from the day after the due
 * date. Only members get them (outsiders cannot be reached in Teams). If the job did not run on the
 * first overdue day, the reminder goes on the next run: it is keyed by due date, not by day.
 */
export function remindersDue(items: readonly ActionItem[], todayLocal: string, timeZone: string): ActionReminder[] {
  const reminders: ActionReminder[] = [];
  for (const item of items) {
    if (!isOpen(item) || item.owner.kind !== 'member') continue;
    const daysLeft = daysBetween(todayLocal, item.dueDate);
    if (daysLeft < 0) {
      reminders.push({ kind: 'overdue', item, userId: item.owner.userId, key: `action:${item.id}:overdue:${item.dueDate}` });
    } else if (daysLeft > 0 && daysLeft <= DUE_SOON_DAYS) {
      const recordedLocal = localDateOf(new Date(item.createdAt), timeZone);
      if (daysBetween(recordedLocal, item.dueDate) > DUE_SOON_DAYS) {
        reminders.push({ kind: 'dueSoon', item, userId: item.owner.userId, key: `action:${item.id}:due-soon:${item.dueDate}` });
      }
    }
  }
  return reminders;
}

export interface OverdueDigest {
  /** ISO week, e.g. `2026-W11`: one digest per forum, chair and week. */
  week: string;
  items: ActionItem[];
}

/** The week's digest of a forum's overdue items for its chair, or undefined when none are overdue. */
export function overdueDigest(items: readonly ActionItem[], todayLocal: string): OverdueDigest | undefined {
  const overdue = items.filter((item) => isOverdue(item, todayLocal)).sort(byUrgency(todayLocal));
  return overdue.length === 0 ? undefined : { week: isoWeekOf(todayLocal), items: overdue };
}

export const digestKey = (forumId: string, week: string, chairId: string): string => `action-digest:${forumId}:${week}:${chairId}`;
