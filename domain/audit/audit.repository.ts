import type { AuditEvent } from './audit-event';

export interface AuditRepository {
  append(event: AuditEvent): Promise<void>;
  /** Newest first. */
  listByForum(forumId: string, limit?: number): Promise<AuditEvent[]>;
  /** Up to `limit` events of a forum that happened before `before` (retention). */
  listBefore(forumId: string, before: Date, limit: number): Promise<AuditEvent[]>;
  /** Deletes these events (retention); already gone is fine. */
  remove(events: readonly AuditEvent[]): Promise<void>;
  /**
   * Writes these events over the stored ones with the same id and time (a person who left becomes
   * their pseudonym); the one change the audit allows besides retention.
   */
  rewrite(events: readonly AuditEvent[]): Promise<void>;
}
