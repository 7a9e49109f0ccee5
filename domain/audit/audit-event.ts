import { z } from 'zod';
import { EntityId, UserId } from '../shared/ids';
import { Instant } from '../shared/time';

/** Who did what, when, to what; kept per forum (or `system` for what belongs to no forum). */
export const AuditEvent = z.object({
  id: EntityId,
  forumId: EntityId,
  at: Instant,
  actorId: UserId.optional(),
  action: z.string().min(1).max(100),
  subject: z.string().max(300),
  /** What the subject looked like before and after, as JSON text, for changes. */
  before: z.string().max(30_000).optional(),
  after: z.string().max(30_000).optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
