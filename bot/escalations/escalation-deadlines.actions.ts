import { deadlineInput, ESCALATION_DEADLINE_VERBS, EscalationDeadlinesSaveData, EscalationDeadlinesShowData, escalationDeadlinesCard } from '../../cards/escalation-deadlines.card';
import { canChangeDeadlines, checkDeadlineSettings, DEADLINE_LIMITS, deadlinesOf, EscalationDeadlineSettings } from '../../domain/escalations/escalation-deadline-settings';
import type { DeadlinePolicy } from '../../domain/escalations/escalation-deadlines';
import type { Forum } from '../../domain/fora/forum';
import { assertAllowed, DomainError } from '../../domain/shared/domain-error';
import { forumAccess } from '../core/access';
import { cardAction, type ActionInput } from '../core/card-action';
import { formAction, type FormSpec } from '../core/form-action';
import { readWholeNumbers } from '../../domain/shared/field-problems';
import { URGENCIES } from '../../domain/escalations/escalation';
import { escalationTexts } from './escalations.texts';
import { audit } from '../core/audit';
import { requireForum } from '../core/require-forum';

/** The forum, if the actor (from the activity, never the card) is its chair. */
async function forumForChair({ info, services }: ActionInput, forumId: string): Promise<{ forum: Forum; actorId: string }> {
  if (info.actor === undefined) throw new DomainError('BOT.USER_UNKNOWN');
  const forum = await requireForum(services, forumId);
  assertAllowed(canChangeDeadlines(await services.members.find(forum.id, info.actor.userId)));
  return { forum, actorId: info.actor.userId };
}

const cardFor = (input: ActionInput, forum: Forum, saved = false) =>
  escalationDeadlinesCard(escalationTexts[input.t.lang].deadlines, {
    forumId: forum.id,
    forumName: forum.name,
    topOfChain: forum.escalatesTo === undefined,
    defaults: forum.escalationDeadlines === undefined,
    settings: deadlinesOf(forum),
    limits: DEADLINE_LIMITS,
    saved,
  });

/** `escalation.deadlines.show`: the forum's deadlines for acknowledging a case, for its chair. */
export const escalationDeadlinesShowAction = cardAction(ESCALATION_DEADLINE_VERBS.show, EscalationDeadlinesShowData, forumAccess('chair'), async (input, data) => {
  const { forum } = await forumForChair(input, data.forumId);
  return cardFor(input, forum);
});

/** Every number input of the card with its range, by input id. */
const RANGES = Object.fromEntries(
  URGENCIES.flatMap((urgency) => [
    [deadlineInput('remind', urgency), DEADLINE_LIMITS.remindAfterHours],
    [deadlineInput('escalate', urgency), DEADLINE_LIMITS.escalateAfterHours],
  ]),
) as Record<string, { min: number; max: number }>;

/** The deadlines card as stored; `formAction` puts back what was typed and marks what is wrong. */
const deadlinesForm: FormSpec<EscalationDeadlinesSaveData> = {
  render: async (input, data) => cardFor(input, await requireForum(input.services, data.forumId)),
  // A reminder after the escalation, or a value out of range: beside the urgency's escalation field.
  fieldOf: (error) => {
    const urgency = error.context['urgency'];
    if (typeof urgency !== 'string') return undefined;
    return deadlineInput(error.context['field'] === 'remindAfterHours' ? 'remind' : 'escalate', urgency as (typeof URGENCIES)[number]);
  },
};

/**
 * `escalation.deadlines.save`: checks every value before anything is written, stores the deadlines
 * on the forum (one conditional write) and audits the change with before and after. A wrong value
 * gives the same card back with what was typed and the reason beside the field.
 */
export const escalationDeadlinesSaveAction = formAction(ESCALATION_DEADLINE_VERBS.save, EscalationDeadlinesSaveData, forumAccess('chair'), deadlinesForm, async (input, data) => {
  const { forum, actorId } = await forumForChair(input, data.forumId);
  const n = readWholeNumbers(data, RANGES);
  const candidate: DeadlinePolicy = {
    remindAfterHours: { low: n['remind_low']!, normal: n['remind_normal']!, high: n['remind_high']! },
    escalateAfterHours: { low: n['escalate_low']!, normal: n['escalate_normal']!, high: n['escalate_high']! },
    // The top of the chain has no toggle: it only reminds, whatever is stored.
    autoEscalate: data.autoEscalate ?? deadlinesOf(forum).autoEscalate,
  };
  assertAllowed(checkDeadlineSettings(candidate));
  const settings = EscalationDeadlineSettings.parse(candidate);
  // The audit's "before" is what the write replaced (re-read if someone saved in between).
  let replaced = forum;
  const updated = await input.services.fora.update(forum.id, (current) => {
    replaced = current;
    return { ...current, escalationDeadlines: settings };
  });
  await audit(input.services, { forumId: forum.id, actorId, action: 'forum.escalationDeadlines.changed', subject: forum.name, before: { ...deadlinesOf(replaced), defaults: replaced.escalationDeadlines === undefined }, after: settings });
  return cardFor(input, updated, true);
});

export const escalationDeadlinesActions = [escalationDeadlinesShowAction, escalationDeadlinesSaveAction];
