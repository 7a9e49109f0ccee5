import type { ConversationAddress } from '../../domain/conversations/conversation';
import type { ConversationRepository, KnownUserRepository } from '../../domain/conversations/conversation.repository';
import type { DeliveryTarget, OutboxMessage, UndeliverableReason } from '../../domain/outbox/outbox-message';
import type { OutboxSender, SendOutcome } from '../../domain/outbox/outbox-sender';
import { AlreadyExistsError } from '../../domain/shared/repository-errors';
import type { Clock } from '../../domain/shared/time';

/** Where a message goes, or why it cannot go (yet). */
export type Resolution =
  | { kind: 'target'; target: DeliveryTarget; opened: boolean }
  | { kind: 'undeliverable'; reason: UndeliverableReason; detail: string }
  /** Opening the 1:1 chat failed for now; `scope` is its rate-limit scope. */
  | { kind: 'failed'; outcome: Exclude<SendOutcome, { kind: 'ok' }>; scope: string }
  | { kind: 'stopped' };

export interface ResolverDeps {
  conversations: ConversationRepository;
  knownUsers: KnownUserRepository;
  sender: OutboxSender;
  clock: Clock;
  botId: string;
  /** Waits for a rate-limit slot in `scope`; undefined when the worker stops meanwhile. */
  openSlot(scope: string, tenant: string): Promise<{ sentAt(at: number): void } | undefined>;
}

export const targetOf = (address: ConversationAddress | undefined): DeliveryTarget | undefined =>
  address === undefined || !address.active
    ? undefined
    : { conversationId: address.conversationId, serviceUrl: address.serviceUrl, tenantId: address.tenantId, botId: address.botId };

/**
 * The stored conversation, or a user's 1:1 chat: the stored one, else opened from the stored
 * KnownUser (`POST /v3/conversations`), which is saved for next time.
 */
export async function resolveRecipient(deps: ResolverDeps, message: OutboxMessage): Promise<Resolution> {
  const { conversations, knownUsers, clock } = deps;
  if (message.recipient.kind === 'conversation') {
    const address = await conversations.findById(message.recipient.conversationId);
    const target = targetOf(address);
    return target === undefined ? { kind: 'undeliverable', reason: 'ConversationNotFound', detail: address?.inactiveReason ?? 'no stored conversation' } : { kind: 'target', target, opened: false };
  }
  const userId = message.recipient.userId;
  const personal = targetOf(await conversations.findPersonal(userId));
  if (personal !== undefined) return { kind: 'target', target: personal, opened: false };
  const user = await knownUsers.findById(userId);
  if (user === undefined) return { kind: 'undeliverable', reason: 'UnknownRecipient', detail: 'the bot has never seen this user' };

  const scope = `create:${user.teamsId}`;
  const slot = await deps.openSlot(scope, user.tenantId);
  if (slot === undefined) return { kind: 'stopped' };
  const outcome = await deps.sender.createPersonalConversation(
    { teamsId: user.teamsId, tenantId: user.tenantId, serviceUrl: user.serviceUrl },
    { onWire: () => slot.sentAt(clock.now().getTime()) },
  );
  // Opening a 1:1 chat is safe to repeat (Teams answers the same chat): an unknown outcome is just a retry.
  if (outcome.kind === 'unknown') return { kind: 'failed', outcome: { kind: 'notSent', detail: outcome.detail }, scope };
  if (outcome.kind !== 'ok') return { kind: 'failed', outcome, scope };

  // If we stored that chat and it was marked inactive (blocked, removed), that stands until the user
  // comes back (the install handler then saves it anew).
  const stored = await conversations.findById(outcome.conversationId);
  if (stored !== undefined && !stored.active) {
    const reason = stored.inactiveReason === 'ConversationNotFound' || stored.inactiveReason === 'NotInstalled' ? stored.inactiveReason : 'MessageWritesBlocked';
    return { kind: 'undeliverable', reason, detail: `stored 1:1 chat is inactive: ${stored.inactiveReason ?? ''}` };
  }
  const target = { conversationId: outcome.conversationId, serviceUrl: user.serviceUrl, tenantId: user.tenantId, botId: deps.botId };
  if (stored !== undefined) return { kind: 'target', target: targetOf(stored) ?? target, opened: true };
  try {
    await conversations.save({ ...target, kind: 'personal', userId, active: true, installedAt: clock.now().toISOString() });
  } catch (error) {
    // Someone stored it meanwhile (the install handler, another worker): theirs is as good.
    if (!(error instanceof AlreadyExistsError)) throw error;
  }
  return { kind: 'target', target, opened: true };
}
