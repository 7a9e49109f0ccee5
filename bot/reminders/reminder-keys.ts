import { createHash } from 'node:crypto';
import { IdempotencyKey } from '../../domain/outbox/outbox-message';

const MAX = IdempotencyKey.maxLength ?? 200;

/** Keeps a key within the outbox's limit: a too-long one keeps its start and ends in a hash of the whole. */
export function bounded(key: string): string {
  if (key.length <= MAX) return key;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `${key.slice(0, MAX - hash.length - 1)}~${hash}`;
}

/** The outbox idempotency key of one reminder to one person: the same on every instance, every run. */
export const reminderMessageKey = (reminderId: string, userId: string): string => bounded(`${reminderId}:to:${userId}`);
