import type { Escalation } from '../../domain/escalations/escalation';
import { newEscalation, type RaiseInput } from '../../domain/escalations/escalation-raise';
import { DomainError } from '../../domain/shared/domain-error';
import { newId } from '../../domain/shared/ids';
import type { BotServices } from '../core/services';
import { announceToHoldingForum, loadCaseContext } from './escalation-notify';

export type { RaiseInput } from '../../domain/escalations/escalation-raise';

/**
 * Raises a case from a forum to the next one up and tells that forum's managers (personal cards)
 * and its channel. For `eskaler` and for other features (an agenda item or an action item "løftet").
 * Throws a DomainError for a refusal (CPR number, not a member, top of the chain, unknown forum).
 */
export async function raiseEscalation(services: BotServices, input: RaiseInput): Promise<Escalation> {
  const origin = await services.fora.findById(input.originForumId);
  if (origin === undefined) throw new DomainError('BOT.FORUM_UNKNOWN');
  const membership = await services.members.find(origin.id, input.raisedBy.userId);
  const { escalation, firstStep } = newEscalation(input, origin, membership, newId(), services.clock.now());
  const created = await services.escalations.create(escalation, firstStep);
  services.logger.info({ escalationId: created.id, from: origin.id, to: created.currentForumId }, 'escalation raised');
  await announceEscalation(services, created);
  return created;
}

/**
 * Tells the holding forum about a case created elsewhere (e.g. an action item "løftet" with its own
 * domain builder): its managers' personal cards and its channel, once (idempotency keys).
 */
export async function announceEscalation(services: BotServices, escalation: Escalation): Promise<void> {
  await announceToHoldingForum(services, await loadCaseContext(services, escalation), undefined, escalation.raisedBy.userId);
}
