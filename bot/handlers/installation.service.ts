import type { ConversationAddress } from '../../domain/conversations/conversation';
import type { ConversationRepository } from '../../domain/conversations/conversation.repository';
import { AlreadyExistsError, ConcurrencyError } from '../../domain/shared/repository-errors';
import type { TurnInfo } from '../core/turn-info';

const TRIES = 3;

export interface Installation {
  address: ConversationAddress;
  /** True for exactly one of any number of install events for the same conversation. */
  greet: boolean;
}

function addressFrom(info: TurnInfo, tenantId: string, now: string): ConversationAddress {
  return {
    conversationId: info.place.conversationId,
    kind: info.place.kind,
    serviceUrl: info.serviceUrl,
    tenantId,
    botId: info.botId,
    ...(info.place.teamId === undefined ? {} : { teamId: info.place.teamId }),
    ...(info.place.kind === 'personal' && info.actor !== undefined ? { userId: info.actor.userId } : {}),
    active: true,
    installedAt: now,
  };
}

const unchanged = (stored: ConversationAddress, fresh: ConversationAddress): boolean =>
  stored.active && stored.greetedAt !== undefined && stored.serviceUrl === fresh.serviceUrl && stored.botId === fresh.botId && stored.teamId === fresh.teamId;

/**
 * Stores where the bot can post in this conversation and claims the greeting. Teams sends several
 * events for one install (conversationUpdate and installationUpdate, again on every upgrade or
 * Playground reload); the claim is a conditional write of `greetedAt`, so only one event wins it,
 * also when two arrive at once. A repeated event with nothing new writes nothing.
 */
export async function recordInstallation(conversations: ConversationRepository, info: TurnInfo, tenantId: string, now: Date): Promise<Installation> {
  const fresh = addressFrom(info, tenantId, now.toISOString());
  for (let attempt = 1; ; attempt++) {
    const stored = await conversations.findById(fresh.conversationId);
    if (stored !== undefined && unchanged(stored, fresh)) return { address: stored, greet: false };
    const next: ConversationAddress = stored === undefined
      ? { ...fresh, greetedAt: fresh.installedAt }
      : { ...stored, ...fresh, installedAt: stored.installedAt, greetedAt: stored.greetedAt ?? fresh.installedAt, inactiveReason: undefined, version: stored.version };
    try {
      const address = await conversations.save(next);
      return { address, greet: stored?.greetedAt === undefined };
    } catch (error) {
      const lostRace = error instanceof ConcurrencyError || error instanceof AlreadyExistsError;
      if (!lostRace || attempt >= TRIES) throw error;
    }
  }
}

/** After a greeting that could not be sent: release the claim so the next install event greets. */
export async function releaseGreeting(conversations: ConversationRepository, address: ConversationAddress): Promise<void> {
  const { greetedAt: _greetedAt, ...rest } = address;
  await conversations.save(rest);
}
