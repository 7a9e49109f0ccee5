import { refusal, type Refusal } from './refusal';
import type { Escalation, EscalationStep, Person } from '../escalations/escalation';
import type { Forum } from '../fora/forum';
import { containsCprNumber } from '../shared/cpr-guard';
import { refused } from '../shared/domain-error';
import type { ActionItem } from './action-item';
import { isOpen } from './action-item.rules';

export const ESCALATION_CATEGORY_ACTION = 'handling';

export type EscalationDraft = { ok: true; escalation: Escalation; firstStep: EscalationStep } | Refusal;

/**
 * "Løftes": the item goes to the forum one level up as an escalation case held there, with the
 * item's forum as its origin. Whether the actor may do it is checked by `applyActionChange`
 * (linkEscalation: chair or secretary); this builds the case and its first history step.
 */
export function escalationForActionItem(
  item: ActionItem,
  forum: Pick<Forum, 'id' | 'escalatesTo' | 'sensitive'>,
  actor: Person,
  note: string | undefined,
  now: Date,
  id: string,
): EscalationDraft {
  if (forum.escalatesTo === undefined) return refusal(refused('ESCALATION.TOP_LEVEL'));
  if (item.escalationId !== undefined) return refusal(refused('ACTION.ALREADY_ESCALATED', { escalationId: item.escalationId }));
  if (!isOpen(item)) return refusal(refused('ACTION.NOT_OPEN', { status: item.status }));
  const description = (note ?? '').trim();
  if (description.length > 4000) return refusal(refused('INPUT.TOO_LONG', { max: 4000, length: description.length }));
  if (containsCprNumber(description)) return refusal(refused('INPUT.CPR_NUMBER'));
  const at = now.toISOString();
  const escalation: Escalation = {
    id,
    title: item.title.slice(0, 200),
    description,
    category: ESCALATION_CATEGORY_ACTION,
    urgency: 'normal',
    originForumId: forum.id,
    currentForumId: forum.escalatesTo,
    path: [forum.id, forum.escalatesTo],
    state: 'raised',
    raisedBy: actor,
    raisedAt: at,
    updatedAt: at,
    stepCount: 1,
    actionItemId: item.id,
    // Born in a sensitive forum: the case carries its seal up the chain, as a case raised there does.
    ...(forum.sensitive ? { sensitive: true } : {}),
  };
  const firstStep: EscalationStep = {
    seq: 0,
    at,
    actor,
    action: 'raise',
    toState: 'raised',
    fromForumId: forum.id,
    toForumId: forum.escalatesTo,
    ...(description === '' ? {} : { note: description }),
  };
  return { ok: true, escalation, firstStep };
}
