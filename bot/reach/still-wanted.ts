import type { Repositories } from '../../domain/repositories';
import { CLOSED_STATES } from '../../domain/escalations/escalation';
import type { OutboxMessage } from '../../domain/outbox/outbox-message';

/**
 * Whether a card that waited for its recipient still matters when they become reachable: an
 * action item still open, a case still held by the forum it was sent to. (A circulation's cards
 * carry their deadline as `openUntil`; everything else is always still wanted.)
 */
export function stillWantedIn(repositories: Pick<Repositories, 'actionItems' | 'escalations'>): (message: OutboxMessage) => Promise<boolean> {
  return async (message) => {
    const subject = message.subject;
    if (subject === undefined) return true;
    if (subject.type === 'action-item' && subject.forumId !== undefined) {
      const item = await repositories.actionItems.findById(subject.forumId, subject.id);
      return item !== undefined && item.status !== 'done' && item.status !== 'cancelled';
    }
    if (subject.type === 'escalation') {
      const escalation = await repositories.escalations.findById(subject.id);
      return escalation !== undefined && !CLOSED_STATES.includes(escalation.state) && (subject.forumId === undefined || escalation.currentForumId === subject.forumId);
    }
    return true;
  };
}
