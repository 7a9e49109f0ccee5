import type { OutboxMessage, OutboxStatus } from './outbox-message';

/** A message due for a worker's attention, as the cheap due query returns it (a hint, not the truth). */
export interface DueEntry {
  id: string;
  dueAt: string;
  /** Scope hints so a worker can pick messages whose rate-limit slot is free without reading them. */
  conversationId?: string;
  tenantId?: string;
}

export interface OutboxRepository {
  /**
   * Stores a new message and queues it. Refuses a second message with the same id (idempotency
   * key), however old the first one is: answers `{ created: false, message: <the existing one> }`.
   */
  add(message: OutboxMessage): Promise<{ created: boolean; message: OutboxMessage }>;
  /**
   * `add` for many messages at once (a job's fan-out), in fewer storage requests: rows that share a
   * partition go in one transaction. Each message as `add` would; one outcome per message, in order,
   * one failing does not fail the others. Keep a call to a few hundred messages.
   */
  addMany(messages: readonly OutboxMessage[]): Promise<PromiseSettledResult<{ created: boolean; message: OutboxMessage }>[]>;
  findById(id: string): Promise<OutboxMessage | undefined>;
  /**
   * Writes the message if nobody changed it since it was read (its `version`); otherwise throws
   * ConcurrencyError. This is how leases are taken: two workers can never both hold one message.
   */
  update(message: OutboxMessage): Promise<OutboxMessage>;
  /** Up to `limit` queued messages whose `dueAt` has come, oldest first. */
  listDue(now: Date, limit: number): Promise<DueEntry[]>;
  /** Takes finished messages off the queue (their message rows stay). Idempotent. */
  dequeue(ids: readonly string[]): Promise<void>;
  /** Moves a queued message's due time (a hint for listDue; the message row stays the truth). */
  requeue(id: string, dueAt: string, hints?: Omit<DueEntry, 'id' | 'dueAt'>): Promise<void>;
  /** The messages someone caused, newest first, so they can see what happened to them. */
  listByCauser(userId: string, limit?: number): Promise<OutboxMessage[]>;
  /** Messages about a subject, newest first; with `recipientKey`, only those to that recipient. */
  listBySubject(subjectType: string, subjectId: string, recipientKey?: string): Promise<OutboxMessage[]>;
  /** Messages to this person that could not reach them yet (`waitsForReach`), oldest first. */
  listWaiting(userId: string): Promise<OutboxMessage[]>;
  /** Up to `limit` finished messages delivered (or, never delivered, queued) before `before` (retention). */
  listFinishedBefore(before: Date, limit: number): Promise<OutboxMessage[]>;
  /** Every message to this person (an access request), any status, in no particular order. */
  listByRecipient(userId: string): Promise<OutboxMessage[]>;
  /** Deletes finished messages with every index row that points at them (retention). Idempotent. */
  removeFinished(messages: readonly OutboxMessage[]): Promise<void>;
}

export interface DeliveryRecord {
  messageId: string;
  activityId: string;
  conversationId: string;
  serviceUrl: string;
  deliveredAt: string;
  status: OutboxStatus;
}
