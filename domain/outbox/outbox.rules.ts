import type { DeliveryTarget, NewOutboxMessage, OutboxMessage, UndeliverableReason } from './outbox-message';
import { NewOutboxMessage as NewOutboxMessageSchema, recipientKey } from './outbox-message';

/**
 * The outbox's state machine, as pure functions:
 *
 *   pending ──lease──▶ sending ──ok──▶ sent
 *      ▲                 │ 429/412/5xx, not sent ──▶ pending (later)
 *      │                 │ blocked/gone/not installed/too big ──▶ undeliverable
 *      └─────────────────┤ outcome unknown (crash, timeout) ──▶ inDoubt (or again, see policy)
 *
 * A lease is a conditional write (ETag): only one worker holds a message at a time.
 */
export interface OutboxPolicy {
  /** How long a lease lasts; longer than the send timeout, so a live sender is never taken over. */
  leaseMs: number;
  maxAttempts: number;
  /**
   * A message found `sending` with its lease run out, or whose send timed out, may or may not have
   * reached Teams, and Bot Framework lets no bot read a conversation back to check. `hold` marks it
   * `inDoubt` and never sends it again (at most once: no duplicate, possibly lost, shown to the
   * causer); `resend` sends again (at least once: never lost, possibly twice). Updates are always
   * repeated: replacing an activity twice is harmless.
   */
  inDoubt: 'hold' | 'resend';
}

export const DEFAULT_OUTBOX_POLICY: OutboxPolicy = { leaseMs: 60_000, maxAttempts: 12, inDoubt: 'hold' };

const iso = (ms: number): string => new Date(ms).toISOString();

export function newMessage(input: NewOutboxMessage, target: DeliveryTarget | undefined, now: Date): OutboxMessage {
  const parsed = NewOutboxMessageSchema.parse(input);
  const at = now.toISOString();
  return {
    id: parsed.idempotencyKey,
    recipient: parsed.recipient,
    recipientKey: recipientKey(parsed.recipient),
    ...(target === undefined ? {} : { target }),
    activity: parsed.activity,
    operation: parsed.operation,
    ...(parsed.subject === undefined ? {} : { subject: parsed.subject }),
    ...(parsed.causedBy === undefined ? {} : { causedBy: parsed.causedBy }),
    ...(parsed.openUntil === undefined ? {} : { openUntil: new Date(parsed.openUntil).toISOString() }),
    status: 'pending',
    dueAt: parsed.notBefore !== undefined && parsed.notBefore > at ? new Date(parsed.notBefore).toISOString() : at,
    attempts: 0,
    enqueuedAt: at,
  };
}

export type NextStep =
  | { kind: 'deliver' }
  | { kind: 'wait'; until: string }
  /** Found mid-send with the lease run out: the sender died or hangs. */
  | { kind: 'recoverInDoubt' }
  | { kind: 'link' }
  | { kind: 'done' };

/**
 * What a worker should do with a message it has just read. A delivery not yet linked is left to the
 * worker that delivered it for one lease length; only after that does another worker repair it.
 */
export function nextStep(message: OutboxMessage, now: Date, needsLink: boolean, leaseMs = DEFAULT_OUTBOX_POLICY.leaseMs): NextStep {
  const at = now.toISOString();
  switch (message.status) {
    case 'pending':
      return message.dueAt <= at ? { kind: 'deliver' } : { kind: 'wait', until: message.dueAt };
    case 'sending':
      return (message.leaseUntil ?? message.dueAt) <= at ? { kind: 'recoverInDoubt' } : { kind: 'wait', until: message.leaseUntil ?? message.dueAt };
    case 'sent': {
      if (!needsLink || message.linkedAt !== undefined) return { kind: 'done' };
      const repairFrom = new Date(Date.parse(message.deliveredAt ?? message.dueAt) + leaseMs).toISOString();
      return repairFrom <= at ? { kind: 'link' } : { kind: 'wait', until: repairFrom };
    }
    default:
      return { kind: 'done' };
  }
}

/** The message leased to `owner` for one attempt. */
export function lease(message: OutboxMessage, owner: string, now: Date, policy: OutboxPolicy, target?: DeliveryTarget): OutboxMessage {
  const until = iso(now.getTime() + policy.leaseMs);
  return { ...message, ...(target === undefined ? {} : { target }), status: 'sending', attempts: message.attempts + 1, leaseOwner: owner, leaseUntil: until, dueAt: until };
}

const withoutLease = ({ leaseOwner: _owner, leaseUntil: _until, ...rest }: OutboxMessage): OutboxMessage => rest;

export function delivered(message: OutboxMessage, activityId: string, target: DeliveryTarget, now: Date): OutboxMessage {
  const { lastError: _error, inDoubtSince: _doubt, ...rest } = withoutLease(message);
  return { ...rest, status: 'sent', target, deliveredActivityId: activityId, deliveredAt: now.toISOString() };
}

export function linked(message: OutboxMessage, now: Date): OutboxMessage {
  return { ...message, linkedAt: now.toISOString() };
}

export function undeliverable(message: OutboxMessage, reason: UndeliverableReason, detail: string, now: Date): OutboxMessage {
  return { ...withoutLease(message), status: 'undeliverable', reason, lastError: detail.slice(0, 1000), dueAt: now.toISOString() };
}

/** Another attempt after `delayMs`, or undeliverable once the attempts are used up. */
export function retryLater(message: OutboxMessage, delayMs: number, error: string, now: Date, policy: OutboxPolicy): OutboxMessage {
  if (message.attempts >= policy.maxAttempts) return undeliverable(message, 'RetriesExhausted', error, now);
  return { ...withoutLease(message), status: 'pending', dueAt: iso(now.getTime() + Math.max(0, delayMs)), lastError: error.slice(0, 1000) };
}

/**
 * The outcome of the last attempt is unknown. With `hold` (and for sends) the message is parked as
 * `inDoubt`; otherwise it goes back to pending at once.
 */
export function inDoubt(message: OutboxMessage, detail: string, now: Date, policy: OutboxPolicy): OutboxMessage {
  if (message.operation.kind === 'update' || policy.inDoubt === 'resend') {
    return retryLater({ ...message, inDoubtSince: message.inDoubtSince ?? now.toISOString() }, 0, detail, now, policy);
  }
  return { ...withoutLease(message), status: 'inDoubt', inDoubtSince: now.toISOString(), lastError: detail.slice(0, 1000), dueAt: now.toISOString() };
}

/** A person decided an in-doubt message should go (again): back to pending. */
export function release(message: OutboxMessage, now: Date): OutboxMessage {
  if (message.status !== 'inDoubt') return message;
  return { ...withoutLease(message), status: 'pending', dueAt: now.toISOString() };
}

/** Reasons that mean the person has no way in yet; fixed by them or by IT, after which it can go. */
export const REACH_REASONS: ReadonlySet<UndeliverableReason> = new Set<UndeliverableReason>(['UnknownRecipient', 'NotInstalled', 'ConversationNotFound', 'MessageWritesBlocked', 'InstallNotAllowed']);

/** A message to a person that waits until they can be reached (then it goes by itself, if still open). */
export const waitsForReach = (message: Pick<OutboxMessage, 'status' | 'reason' | 'recipient'>): boolean =>
  message.recipient.kind === 'user' && message.status === 'undeliverable' && message.reason !== undefined && REACH_REASONS.has(message.reason);

/** Still worth delivering late: no end, or its end is still ahead. */
export const stillOpen = (message: Pick<OutboxMessage, 'openUntil'>, now: Date): boolean => message.openUntil === undefined || message.openUntil > now.toISOString();

export type ResendVerdict = { ok: true; message: OutboxMessage } | { ok: false; code: 'OUTBOX.NOT_RESENDABLE' | 'OUTBOX.CLOSED' };

/**
 * Someone asked to send a message again (from a card), or the person became reachable: a send
 * that was not delivered (not reachable, failed, in doubt) goes back to pending with fresh attempts.
 * Delivered and queued messages are left alone, so asking twice sends once.
 */
export function resend(message: OutboxMessage, now: Date): ResendVerdict {
  if (message.operation.kind !== 'send' || (message.status !== 'undeliverable' && message.status !== 'inDoubt')) return { ok: false, code: 'OUTBOX.NOT_RESENDABLE' };
  if (!stillOpen(message, now)) return { ok: false, code: 'OUTBOX.CLOSED' };
  // The address is looked up afresh: the old one may be the very reason it failed.
  const { reason: _reason, inDoubtSince: _doubt, target: _target, ...rest } = withoutLease(message);
  return { ok: true, message: { ...rest, status: 'pending', attempts: 0, dueAt: now.toISOString() } };
}
