import { z } from 'zod';
import { EntityId, UserId } from '../shared/ids';
import { Instant } from '../shared/time';

/**
 * A proactive message (circulation, reminder, escalation, decision) as the outbox keeps it. The
 * message id IS the caller's idempotency key: enqueueing the same key twice never makes a second
 * message, however far apart the two calls are.
 */
export const IdempotencyKey = z.string().trim().min(1).max(200);

/** What the message shows, so feature code can find the delivered activity and update it in place. */
export const OutboxSubject = z.object({
  type: z.string().trim().min(1).max(50),
  id: EntityId,
  forumId: EntityId.optional(),
});
export type OutboxSubject = z.infer<typeof OutboxSubject>;

export const OutboxRecipient = z.discriminatedUnion('kind', [
  /** A person, in their 1:1 chat with the bot (created from the stored KnownUser if needed). */
  z.object({ kind: z.literal('user'), userId: UserId }),
  /** A stored conversation: a channel, a group chat or a personal chat. */
  z.object({ kind: z.literal('conversation'), conversationId: z.string().min(1).max(1024) }),
]);
export type OutboxRecipient = z.infer<typeof OutboxRecipient>;

export const recipientKey = (recipient: OutboxRecipient): string =>
  recipient.kind === 'user' ? `user:${recipient.userId}` : `conversation:${recipient.conversationId}`;

/** Where the activity goes, resolved from the stored address (a snapshot kept with the message). */
export const DeliveryTarget = z.object({
  conversationId: z.string().min(1).max(1024),
  serviceUrl: z.url(),
  tenantId: z.string().min(1).max(128),
  botId: z.string().max(256).optional(),
});
export type DeliveryTarget = z.infer<typeof DeliveryTarget>;

export const OutboundAttachment = z.object({
  contentType: z.string().min(1).max(200),
  content: z.unknown(),
});

/**
 * The activity to post. Every card message needs a plain-text `summary`: it is what the Teams
 * notification shows instead of "sent a card".
 */
export const OutboundActivity = z
  .object({
    type: z.literal('message').default('message'),
    text: z.string().max(28_000).optional(),
    textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
    summary: z.string().trim().min(1).max(300).optional(),
    attachments: z.array(OutboundAttachment).max(10).optional(),
  })
  .refine((activity) => (activity.attachments?.length ?? 0) === 0 || activity.summary !== undefined, {
    message: 'a card message needs a plain-text summary',
    path: ['summary'],
  })
  .refine((activity) => activity.text !== undefined || (activity.attachments?.length ?? 0) > 0, {
    message: 'a message needs text or a card',
  });
export type OutboundActivity = z.infer<typeof OutboundActivity>;

/** Send a new activity, or replace one already delivered (safe to repeat). */
export const OutboxOperation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('send') }),
  z.object({ kind: z.literal('update'), activityId: z.string().min(1).max(1024) }),
]);
export type OutboxOperation = z.infer<typeof OutboxOperation>;

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'undeliverable', 'inDoubt'] as const;
export const OutboxStatus = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const UNDELIVERABLE_REASONS = [
  'MessageWritesBlocked',
  'ConversationNotFound',
  'NotInstalled',
  'UnknownRecipient',
  'MessageSizeTooBig',
  'Rejected',
  'RetriesExhausted',
  /** Graph refused to install the app for the person: no permission or admin consent (401/403). */
  'InstallNotAllowed',
  /** Graph knows no such person (404). */
  'UserNotFound',
] as const;
export const UndeliverableReason = z.enum(UNDELIVERABLE_REASONS);
export type UndeliverableReason = z.infer<typeof UndeliverableReason>;

/** What a caller hands the outbox. */
export const NewOutboxMessage = z.object({
  idempotencyKey: IdempotencyKey,
  recipient: OutboxRecipient,
  activity: OutboundActivity,
  operation: OutboxOperation.default({ kind: 'send' }),
  subject: OutboxSubject.optional(),
  /** Who caused the send (Entra object id); they can follow its status. */
  causedBy: UserId.optional(),
  /** Not before this instant (reminders); default now. */
  notBefore: Instant.optional(),
  /**
   * Until when the message still matters (a circulation's deadline). A person who could not be
   * reached gets it automatically once they can be, but not after this; absent: always.
   */
  openUntil: Instant.optional(),
});
export type NewOutboxMessage = z.input<typeof NewOutboxMessage>;

export const OutboxMessage = z.object({
  id: IdempotencyKey,
  recipient: OutboxRecipient,
  recipientKey: z.string().min(1),
  target: DeliveryTarget.optional(),
  activity: OutboundActivity,
  operation: OutboxOperation,
  subject: OutboxSubject.optional(),
  causedBy: UserId.optional(),
  status: OutboxStatus,
  /** When the worker should look at it next: the next attempt, or when a lease runs out. */
  dueAt: Instant,
  attempts: z.number().int().min(0),
  enqueuedAt: Instant,
  leaseOwner: z.string().max(200).optional(),
  leaseUntil: Instant.optional(),
  lastError: z.string().max(1000).optional(),
  reason: UndeliverableReason.optional(),
  deliveredActivityId: z.string().max(1024).optional(),
  deliveredAt: Instant.optional(),
  /** Set once the delivery was handed to the feature that owns the subject (see OnDelivered). */
  linkedAt: Instant.optional(),
  inDoubtSince: Instant.optional(),
  openUntil: Instant.optional(),
  version: z.string().optional(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const isFinal = (status: OutboxStatus): boolean => status === 'sent' || status === 'undeliverable' || status === 'inDoubt';
