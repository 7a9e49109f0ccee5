import { actionBoardCard } from '../../cards/action-board.card';
import { actionItemCard } from '../../cards/action-item.card';
import { digestKey, overdueDigest, remindersDue } from '../../domain/actions/action-reminders';
import { daysBetween, localDateOf, localHourOf } from '../../domain/actions/local-date';
import type { ScheduledJob } from '../core/feature';
import type { BotServices } from '../core/services';
import { defaultTexts, SUBJECT } from './action-items.service';
import { boardView, itemView } from './action-views';
import { cardMessage } from '../core/card-message';

/** Reminders are not sent at night: from this local hour on. */
export const REMINDER_FROM_HOUR = 8;

/**
 * Owners' due-soon and overdue reminders and the chair's weekly digest of overdue items. Runs on
 * every instance: each message has an idempotency key (item + kind + due date; forum + week +
 * chair), so however many runs overlap, each goes out once.
 */
export async function sendActionReminders(services: BotServices, now: Date): Promise<{ reminders: number; digests: number }> {
  const { timeZone } = services.config;
  if (localHourOf(now, timeZone) < REMINDER_FROM_HOUR) return { reminders: 0, digests: 0 };
  const today = localDateOf(now, timeZone);
  const texts = defaultTexts(services);
  let reminders = 0;
  let digests = 0;
  for (const forum of await services.fora.list()) {
    // Open items only (their list, not the forum's history): closed ones owe no reminder.
    const items = await services.actionItems.listOpen(forum.id);
    const due = remindersDue(items, today, timeZone);
    const digest = overdueDigest(items, today);
    if (due.length === 0 && digest === undefined) continue;
    const members = await services.members.listByForum(forum.id);
    for (const reminder of due) {
      const banner = reminder.kind === 'overdue' ? texts.overdueBanner : texts.dueSoonBanner(daysBetween(today, reminder.item.dueDate));
      const view = itemView(reminder.item, forum, reminder.userId, members.find((m) => m.userId === reminder.userId), today, banner);
      const summary = reminder.kind === 'overdue' ? texts.summaries.overdue(reminder.item.title) : texts.summaries.dueSoon(reminder.item.title);
      const result = await services.outbox.enqueue({
        idempotencyKey: reminder.key,
        recipient: { kind: 'user', userId: reminder.userId },
        activity: cardMessage(summary, actionItemCard(texts.item, view)),
        subject: { type: SUBJECT.item, id: reminder.item.id, forumId: forum.id },
      });
      if (result.created) reminders++;
    }
    if (digest === undefined) continue;
    const card = actionBoardCard(texts.board, boardView(forum, digest.items, today, texts.digestTitle(forum.name), { intro: texts.digestIntro(digest.week), withActions: false }));
    for (const chair of members.filter((m) => m.roles.includes('chair'))) {
      const result = await services.outbox.enqueue({
        idempotencyKey: digestKey(forum.id, digest.week, chair.userId),
        recipient: { kind: 'user', userId: chair.userId },
        activity: cardMessage(texts.summaries.digest(forum.name, digest.items.length), card),
        subject: { type: 'action-digest', id: forum.id, forumId: forum.id },
      });
      if (result.created) digests++;
    }
  }
  return { reminders, digests };
}

export const actionRemindersJob = (services: BotServices): ScheduledJob => ({
  name: 'actions.reminders',
  everyMs: 15 * 60 * 1000,
  run: async (now) => {
    const sent = await sendActionReminders(services, now);
    if (sent.reminders + sent.digests > 0) services.logger.info(sent, 'action items: reminders queued');
  },
});

/**
 * The slow repair of the open-item lists the board and people's own lists read: every forum's
 * items against its list and its members' lists (a change whose second write failed; items stored before the lists existed). Hourly,
 * one instance at a time (the scheduler's lease); a forum at a time, so it stays in the background.
 */
export const actionListsRepairJob = (services: BotServices): ScheduledJob => ({
  name: 'actions.lists.repair',
  everyMs: 60 * 60 * 1000,
  run: async () => {
    let written = 0;
    let removed = 0;
    for (const forum of await services.fora.list()) {
      const members = await services.members.listByForum(forum.id);
      const fixed = await services.actionItems.repairOpenLists(forum.id, members.map((m) => m.userId));
      written += fixed.written;
      removed += fixed.removed;
    }
    if (written + removed > 0) services.logger.info({ written, removed }, 'action items: open lists repaired');
  },
});
