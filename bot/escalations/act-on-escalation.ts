import type { ActionItem } from '../../domain/actions/action-item';
import type { Escalation, EscalationAction, Person } from '../../domain/escalations/escalation';
import { applyEscalationAction } from '../../domain/escalations/escalation.rules';
import { canSeeDescription } from '../../domain/escalations/escalation-visibility';
import { containsCprNumber } from '../../domain/shared/cpr-guard';
import { DomainError } from '../../domain/shared/domain-error';
import { newId } from '../../domain/shared/ids';
import { ConcurrencyError } from '../../domain/shared/repository-errors';
import type { BotServices } from '../core/services';
import { addCaseToAgenda, nextAgendaTarget, type AgendaTarget } from './escalation-agenda';
import { decidersOf } from './escalation-people';
import { announceToHoldingForum, askRaiser, loadCaseContext, refreshCopies, sendDecision } from './escalation-notify';
import { escalationTexts } from './escalations.texts';
import { langOf } from './escalation-view';

export interface ActInput {
  escalationId: string;
  action: EscalationAction;
  /** Absent for the system (automatic escalation on a missed deadline). */
  actor?: Person;
  note?: string;
  /** The history length the actor's card showed: a different one means someone acted in between. */
  step: number;
  /** With `return`: a task for the forum below, which becomes one of its action items. */
  task?: { title: string; dueDate?: string };
}

/** The step was taken, or someone else got there first (then `escalation` is the case as it is now). */
export type ActOutcome = { escalation: Escalation; conflict: boolean; meetingStart?: string };

const DAY_MS = 86_400_000;
const DEFAULT_TASK_DAYS = 14;

/**
 * One step on a case: checked by the state machine, written only if nobody changed the case since
 * the actor's card was made (ETag), then the messages it causes (to the next forum, the raiser, the
 * fora below) and in-place updates of the cards already out.
 */
export async function actOnEscalation(services: BotServices, input: ActInput): Promise<ActOutcome> {
  const current = await services.escalations.findById(input.escalationId);
  if (current === undefined) throw new DomainError('ESCALATION.NOT_FOUND');
  if (current.stepCount !== input.step) return { escalation: current, conflict: true };
  const note = input.note?.trim() === '' ? undefined : input.note?.trim();
  const taskTitle = input.task?.title.trim() === '' ? undefined : input.task?.title.trim();
  if ((note !== undefined && containsCprNumber(note)) || (taskTitle !== undefined && containsCprNumber(taskTitle))) throw new DomainError('INPUT.CPR_NUMBER');

  const holding = await services.fora.findById(current.currentForumId);
  if (holding === undefined) throw new DomainError('BOT.FORUM_UNKNOWN');
  const membership = input.actor === undefined ? undefined : await services.members.find(holding.id, input.actor.userId);
  const now = services.clock.now();
  const result = applyEscalationAction(current, input.action, {
    ...(input.actor === undefined ? {} : { actor: input.actor }),
    ...(membership === undefined ? {} : { actorMembership: membership }),
    holdingForum: holding,
    now,
    ...(note === undefined ? {} : { note }),
  });
  if (!result.ok) throw new DomainError(result.code, result.context ?? {});

  // Refuse before writing anything when the forum has no meeting to put the case on.
  let agendaTarget: AgendaTarget | undefined;
  if (input.action === 'put_on_agenda') agendaTarget = await nextAgendaTarget(services, holding, now);
  let next = result.escalation;
  let task: ActionItem | undefined;
  if (input.action === 'return' && taskTitle !== undefined && input.actor !== undefined) {
    task = await taskFor(services, next, taskTitle, input.task?.dueDate, input.actor, now);
    next = { ...next, actionItemId: task.id };
  }

  let saved: Escalation;
  try {
    saved = await services.escalations.advance(next, result.step);
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
    const fresh = await services.escalations.findById(input.escalationId);
    if (fresh === undefined) throw new DomainError('ESCALATION.NOT_FOUND');
    return { escalation: fresh, conflict: true };
  }
  services.logger.info({ escalationId: saved.id, action: input.action, step: result.step.seq, forumId: holding.id }, 'escalation step');

  let meetingStart: string | undefined;
  if (agendaTarget !== undefined && input.actor !== undefined) {
    const lang = langOf(services);
    const description = canSeeDescription(saved, { userId: '', forumIds: [holding.id] }) ? saved.description : '';
    meetingStart = await addCaseToAgenda(services, agendaTarget, holding, saved, { title: escalationTexts[lang].agendaItem(saved.title).slice(0, 200), description: description.slice(0, 2000), inputWanted: false }, input.actor.userId);
  }
  if (task !== undefined) await services.actionItems.save(task);

  const ctx = await loadCaseContext(services, saved);
  const causedBy = input.actor?.userId;
  if (input.action === 'escalate' || input.action === 'auto_escalate') await announceToHoldingForum(services, ctx, undefined, causedBy);
  if (input.action === 'ask' && note !== undefined) await askRaiser(services, ctx, note, input.actor?.displayName ?? '');
  if (input.action === 'resolve' || input.action === 'return') await sendDecision(services, ctx, holding.id, taskTitle, causedBy);
  await refreshCopies(services, ctx, causedBy);
  return { escalation: saved, conflict: false, ...(meetingStart === undefined ? {} : { meetingStart }) };
}

/** The task goes to the forum below: to the raiser when that is where the case began, else to its first manager. */
async function taskFor(services: BotServices, returned: Escalation, title: string, dueDate: string | undefined, actor: Person, now: Date): Promise<ActionItem> {
  const forumId = returned.currentForumId;
  const [decider] = await decidersOf(services, forumId);
  const owner = forumId === returned.originForumId || decider === undefined ? returned.raisedBy : { userId: decider.userId, displayName: decider.displayName };
  const at = now.toISOString();
  return {
    id: newId(),
    forumId,
    title: title.slice(0, 300),
    owner: { kind: 'member', userId: owner.userId, displayName: owner.displayName },
    dueDate: dueDate !== undefined && dueDate !== '' ? dueDate : new Date(now.getTime() + DEFAULT_TASK_DAYS * DAY_MS).toISOString().slice(0, 10),
    status: 'open',
    escalationId: returned.id,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
  };
}
