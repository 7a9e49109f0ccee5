import type { ConversationRepository } from '../../domain/conversations/conversation.repository';
import type { Clock } from '../../domain/shared/time';
import type { TurnInfo } from '../core/turn-info';
import type { ReachService } from '../reach/reach.service';
import { recordInstallation } from './installation.service';

/**
 * A person who writes to the bot in a personal chat can be reached there, even when Teams'
 * install event never arrived (a missed event, a restart in between, an app installed by policy).
 * The first such turn of a person with no chat on record stores it (claiming the greeting: they are
 * using the bot already) and sends what waited for them. Cheap on every turn: chats known since start-up are kept in memory.
 */
export class PersonalChatRecorder {
  private readonly known = new Set<string>();

  constructor(
    private readonly deps: { conversations: ConversationRepository; reach: Pick<ReachService, 'personReachable'>; clock: Clock },
    private readonly capacity = 10_000,
  ) {}

  async record(info: TurnInfo): Promise<void> {
    const conversationId = info.place.conversationId;
    if (info.place.kind !== 'personal' || info.actor === undefined || info.tenantId === undefined || this.known.has(conversationId)) return;
    // A person has one personal chat with the bot: one the bot can already post in is left as it is.
    const reachable = await this.deps.conversations.findPersonal(info.actor.userId);
    if (reachable === undefined) {
      await recordInstallation(this.deps.conversations, info, info.tenantId, this.deps.clock.now());
      await this.deps.reach.personReachable(info.actor.userId);
    }
    this.known.add(conversationId);
    if (this.known.size > this.capacity) this.known.delete(this.known.values().next().value as string);
  }
}
