import { z } from 'zod';
import { GuardedText, refusedForCpr } from '../shared/guarded-text';
import type { Forum, Member } from '../fora/forum';
import { DomainError } from '../shared/domain-error';
import { EntityId } from '../shared/ids';
import { Escalation, EscalationStep, Person, Urgency } from './escalation';

/** The categories a case is filed under (stable ids; the bot shows them in Danish or English). */
export const CATEGORIES = ['trend', 'problem', 'resources', 'cooperation', 'other'] as const;
export const Category = z.enum(CATEGORIES);

/** What a person (or another feature, for an agenda item or action item) gives to raise a case. */
export const RaiseInput = z.object({
  title: GuardedText.trim().min(1).max(200),
  description: GuardedText.trim().max(4000).default(''),
  category: Category.default('trend'),
  urgency: Urgency.default('normal'),
  /** An id from the origin forum's `areas`; absent or empty: not placed. */
  area: z.string().max(100).optional(),
  originForumId: EntityId,
  raisedBy: Person,
  sourceType: z.enum(['agenda_item', 'action_item']).optional(),
  sourceId: EntityId.optional(),
});
export type RaiseInput = z.input<typeof RaiseInput>;

/**
 * A new case: raised in `origin`, held by the forum it escalates to (the next one up, never
 * further). Refuses personal ID numbers, people outside the origin forum, and the top of the chain.
 */
export function newEscalation(
  input: RaiseInput,
  origin: Pick<Forum, 'id' | 'escalatesTo' | 'sensitive' | 'areas'>,
  raiserMembership: Member | undefined,
  id: string,
  now: Date,
): { escalation: Escalation; firstStep: EscalationStep } {
  const parsed = RaiseInput.safeParse(input);
  if (!parsed.success) {
    if (refusedForCpr(parsed.error)) throw new DomainError('INPUT.CPR_NUMBER');
    const tooBig = parsed.error.issues.find((issue) => issue.code === 'too_big');
    throw tooBig === undefined ? new DomainError('INPUT.EMPTY') : new DomainError('INPUT.TOO_LONG', { max: Number(tooBig.maximum) });
  }
  const data = parsed.data;
  if (raiserMembership === undefined) throw new DomainError('FORUM.NOT_MEMBER', { forumId: origin.id });
  if (origin.escalatesTo === undefined) throw new DomainError('ESCALATION.TOP_LEVEL');
  const area = data.area === undefined || data.area === '' ? undefined : data.area;
  if (area !== undefined && !(origin.areas ?? []).some((a) => a.id === area)) throw new DomainError('ESCALATION.AREA_UNKNOWN', { area });
  const at = now.toISOString();
  const escalation = Escalation.parse({
    id,
    title: data.title,
    description: data.description,
    category: data.category,
    urgency: data.urgency,
    ...(area === undefined ? {} : { area }),
    originForumId: origin.id,
    currentForumId: origin.escalatesTo,
    path: [origin.id, origin.escalatesTo],
    state: 'raised',
    raisedBy: data.raisedBy,
    raisedAt: at,
    updatedAt: at,
    stepCount: 1,
    ...(origin.sensitive ? { sensitive: true } : {}),
    ...(data.sourceType === undefined ? {} : { sourceType: data.sourceType }),
    ...(data.sourceId === undefined ? {} : { sourceId: data.sourceId }),
  });
  const firstStep = EscalationStep.parse({
    seq: 0,
    at,
    actor: data.raisedBy,
    action: 'raise',
    toState: 'raised',
    fromForumId: origin.id,
    toForumId: origin.escalatesTo,
  });
  return { escalation, firstStep };
}
