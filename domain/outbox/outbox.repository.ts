import type { OutboxMessage, OutboxStatus } from './outbox-message';
import type { OutboxShardLeases } from './outbox-shards';

/** A message due for a worker's attention, as the cheap due query returns it (a hint, not the truth). */
export interface DueEntry {
  id: string;
  /** The due time the queue row is filed under (with `shard`, where the row is). */
  dueAt: string;
  /** The row's shard (see outbox-shards.ts); absent for a row still in the old single-partition queue. */
  shard?: number;
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
   * A message saved in a final state (not a link) is also filed by the day its retention counts
   * from, so retention finds it without reading every message.
   */
  update(message: OutboxMessage): Promise<OutboxMessage>;
  /** Up to `limit` queued messages whose `dueAt` has come, oldest first, in every shard (status, tests). */
  listDue(now: Date, limit: number): Promise<DueEntry[]>;
  /** Up to `limit` queued messages of one shard whose `dueAt` has come, oldest first: a range read. */
  listDueInShard(shard: number, now: Date, limit: number): Promise<DueEntry[]>;
  /** Takes finished messages off the queue (their message rows stay). Idempotent. */
  dequeue(entries: readonly DueEntry[]): Promise<void>;
  /** Queues a message again at its `dueAt` (released, resent): a hint; the message row stays the truth. */
  requeue(message: OutboxMessage): Promise<void>;
  /** Files a queued entry under a later due time; answers the entry as it is filed now. */
  reschedule(entry: DueEntry, dueAt: string): Promise<DueEntry>;
  /**
   * Moves up to `limit` rows of the old single-partition queue (before shards) into their shards;
   * answers how many rows it took off the old queue. Safe to run on several instances at once.
   */
  moveLegacyQueue(limit: number): Promise<number>;
  /** The leases under which instances work the shards. */
  readonly shardLeases: OutboxShardLeases;
  /** The messages someone caused, newest first, so they can see what happened to them. */
  listByCauser(userId: string, limit?: number): Promise<OutboxMessage[]>;
  /** Messages about a subject, newest first; with `recipientKey`, only those to that recipient. */
  listBySubject(subjectType: string, subjectId: string, recipientKey?: string): Promise<OutboxMessage[]>;
  /** Messages to this person that could not reach them yet (`waitsForReach`), oldest first. */
  listWaiting(userId: string): Promise<OutboxMessage[]>;
  /**
   * Up to `limit` finished messages delivered (or, never delivered, queued) before `before`, oldest
   * day first (retention). Reads the finished-by-day index: messages finished before it existed are
   * found once `indexFinished` has gone over them.
   */
  listFinishedBefore(before: Date, limit: number): Promise<OutboxMessage[]>;
  /**
   * The one-off backfill of that index: files the finished messages among up to `limit` message rows
   * after position `after` (absent: from the start). Answers where to go on from, or `done`. Idempotent.
   */
  indexFinished(after: string | undefined, limit: number): Promise<{ after?: string; done: boolean; read: number; indexed: number }>;
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
