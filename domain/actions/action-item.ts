import { z } from 'zod';
import { EntityId, UserId } from '../shared/ids';
import { Instant, LocalDate } from '../shared/time';

export const ACTION_STATUSES = ['open', 'started', 'blocked', 'done', 'cancelled'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** The owner: a forum member (by Entra id), or a person outside the forum by name and e-mail. */
export const ActionOwner = z.union([
  z.object({ kind: z.literal('member'), userId: UserId, displayName: z.string().trim().min(1).max(200) }),
  z.object({ kind: z.literal('external'), displayName: z.string().trim().min(1).max(200), email: z.email().max(320) }),
]);
export type ActionOwner = z.infer<typeof ActionOwner>;

export const ActionItem = z.object({
  id: EntityId,
  forumId: EntityId,
  title: z.string().trim().min(1).max(300),
  owner: ActionOwner,
  dueDate: LocalDate,
  status: ActionStatus,
  blockedReason: z.string().trim().max(1000).optional(),
  proposedDueDate: LocalDate.optional(),
  originMeetingId: EntityId.optional(),
  originAgendaItemId: EntityId.optional(),
  escalationId: EntityId.optional(),
  createdBy: UserId,
  createdAt: Instant,
  updatedAt: Instant,
  version: z.string().optional(),
});
export type ActionItem = z.infer<typeof ActionItem>;
