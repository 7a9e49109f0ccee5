import type { AuditEvent } from './audit-event';

export interface AuditRepository {
  append(event: AuditEvent): Promise<void>;
  /** Newest first. */
  listByForum(forumId: string, limit?: number): Promise<AuditEvent[]>;
}
