import type { KnownUser } from '../../domain/conversations/conversation';
import type { KnownUserRepository } from '../../domain/conversations/conversation.repository';
import type { Clock } from '../../domain/shared/time';
import type { TurnInfo } from '../core/turn-info';

/**
 * Remembers who has talked to the bot, with what a later 1:1 message needs (Teams id, tenant,
 * service URL). Called on every turn, so it must be cheap: a fingerprint of what was last stored
 * is kept in memory, and storage is touched only for a person not seen since start-up (one read)
 * or whose details changed (one write).
 */
export class KnownUserRecorder {
  private readonly stored = new Map<string, string>();

  constructor(
    private readonly users: KnownUserRepository,
    private readonly clock: Clock,
    private readonly capacity = 10_000,
  ) {}

  async record(info: TurnInfo): Promise<void> {
    const { actor, tenantId } = info;
    if (actor === undefined || tenantId === undefined) return;
    const fingerprint = [actor.teamsId, tenantId, info.serviceUrl, actor.name ?? ''].join('\n');
    if (this.stored.get(actor.userId) === fingerprint) return;

    const existing = this.stored.has(actor.userId) ? undefined : await this.users.findById(actor.userId);
    if (existing === undefined || fingerprintOf(existing) !== fingerprint) {
      await this.users.save({
        userId: actor.userId,
        teamsId: actor.teamsId,
        tenantId,
        serviceUrl: info.serviceUrl,
        ...(actor.name === undefined ? {} : { displayName: actor.name.slice(0, 200) }),
        seenAt: this.clock.now().toISOString(),
      });
    }
    this.remember(actor.userId, fingerprint);
  }

  private remember(userId: string, fingerprint: string): void {
    this.stored.delete(userId);
    this.stored.set(userId, fingerprint);
    // Map keeps insertion order: the first key is the one seen longest ago.
    if (this.stored.size > this.capacity) this.stored.delete(this.stored.keys().next().value as string);
  }
}

const fingerprintOf = (user: KnownUser): string => [user.teamsId, user.tenantId, user.serviceUrl, user.displayName ?? ''].join('\n');
