import type { Member } from '../../domain/fora/forum';
import { hasRole } from '../../domain/fora/forum.rules';
import type { ReminderKind } from '../../domain/reminders/due-reminders';

/**
 * Who gets a reminder, each in their personal chat with the bot. The agenda and the action items
 * are the chair's and secretary's job; the meeting reminder goes to every member. Never to the
 * forum's channel: a channel post notifies few people, and a channel may hold people who are not
 * members (the sensitive fora above all), while the reminder can carry the agenda.
 */
export function reminderRecipients(kind: ReminderKind, members: readonly Member[]): string[] {
  const chosen = kind === 'members' ? members : members.filter((m) => hasRole(m, 'chair', 'secretary'));
  return [...new Set(chosen.map((m) => m.userId))];
}
