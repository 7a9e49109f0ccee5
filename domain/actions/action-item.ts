import { TEXT_LIMITS } from '../shared/text-limits';
import { z } from 'zod';
import { GuardedEmail, GuardedText } from '../shared/guarded-text';
import { EntityId, UserId } from '../shared/ids';
import { Instant, LocalDate } from '../shared/time';

export const ACTION_STATUSES = ['open', 'started', 'blocked', 'done', 'cancelled'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** The owner: a forum member (by Entra id), or a person outside the forum by name and e-mail. */
export const ActionOwner = z.union([
  z.object({ kind: z.literal('member'), userId: UserId, displayName: GuardedText.trim().min(1).max(200) }),
  z.object({ kind: z.literal('external'), displayName: GuardedText.trim().min(1).max(200), email: GuardedEmail }),
]);
export type ActionOwner = z.infer<typeof ActionOwner>;

export const ACTION_TITLE_MAX = TEXT_LIMITS.actionTitle;
export const BLOCKED_REASON_MAX = TEXT_LIMITS.blockedReason;

export const ActionItem = z.object({
  id: EntityId,
  forumId: EntityId,
  title: GuardedText.trim().min(1).max(ACTION_TITLE_MAX),
  owner: ActionOwner,
  dueDate: LocalDate,
  status: ActionStatus,
  blockedReason: GuardedText.trim().max(BLOCKED_REASON_MAX).optional(),
  proposedDueDate: LocalDate.optional(),
  originMeetingId: EntityId.optional(),
  originAgendaItemId: EntityId.optional(),
  escalationId: EntityId.optional(),
  /** How many times the chair carried the item over to a later meeting (follow-up). */
  carriedOver: z.number().int().min(0).optional(),
  /** When it was done or cancelled; cleared when reopened. */
  closedAt: Instant.optional(),
  createdBy: UserId,
  createdAt: Instant,
  updatedAt: Instant,
  version: z.string().optional(),
});
export type ActionItem = z.infer<typeof ActionItem>;
