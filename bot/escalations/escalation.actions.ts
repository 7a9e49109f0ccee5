import type { z } from 'zod';
import { escalationDecisionCard } from '../../cards/escalation-decision.card';
import { EscalationFormData, EscalationRaiseData } from '../../cards/escalation-form.card';
import { ESCALATION_INPUTS, ESCALATION_VERBS, EscalationActData, EscalationListData, EscalationRefData, escalationCard } from '../../cards/escalation.card';
import { assertNoProblems, checkTexts } from '../../domain/shared/field-problems';
import { TEXT_LIMITS } from '../../domain/shared/text-limits';
import { formAction, type FormSpec } from '../core/form-action';
import type { Escalation, Person } from '../../domain/escalations/escalation';
import { canSeeCase, checkShareDescription, shareDescription } from '../../domain/escalations/escalation-visibility';
import { DomainError, assertAllowed } from '../../domain/shared/domain-error';
import { ConcurrencyError } from '../../domain/shared/repository-errors';
import { caseAccess } from '../core/access';
import { cardAction, type ActionInput } from '../core/card-action';
import type { BotServices } from '../core/services';
import { actOnEscalation } from './act-on-escalation';
import { decidersOf, forumIdsOf } from './escalation-people';
import { deliveryReport } from '../reach/delivery-report';
import { NOUNS } from '../reach/delivery.texts';
import { myCases, raiseForm } from './escalation-forms';
import { CASE_SUBJECT, DECISION_SUBJECT, loadCaseContext, refreshCopies } from './escalation-notify';
import { caseView, formatInstant } from './escalation-view';
import { raiseEscalation } from './raise-escalation';
import { escalationTexts } from './escalations.texts';

function actorOf({ info }: ActionInput): { userId: string; name?: string } {
  if (info.actor === undefined) throw new DomainError('BOT.USER_UNKNOWN');
  return { userId: info.actor.userId, ...(info.actor.name === undefined ? {} : { name: info.actor.name }) };
}

async function personOf(services: BotServices, actor: { userId: string; name?: string }, forumId: string): Promise<Person> {
  const member = await services.members.find(forumId, actor.userId);
  return { userId: actor.userId, displayName: member?.displayName ?? actor.name ?? actor.userId };
}

async function load(services: BotServices, id: string): Promise<Escalation> {
  const escalation = await services.escalations.findById(id);
  if (escalation === undefined) throw new DomainError('ESCALATION.NOT_FOUND');
  return escalation;
}

/** The case as this person sees it now, with a line on top. */
/** The case card; `fromList` (opened from `eskaler`'s list) keeps its way back through every step taken on it. */
async function viewCard(input: ActionInput, escalation: Escalation, notice?: string, fromList = false) {
  const { userId } = actorOf(input);
  const forumIds = await forumIdsOf(input.services, userId);
  assertAllowed(canSeeCase(escalation, { userId, forumIds }));
  const ctx = await loadCaseContext(input.services, escalation);
  const view = await caseView(input.services, input.t.lang, ctx, { userId, forumIds }, notice);
  return escalationCard(escalationTexts[input.t.lang].card, fromList ? { ...view, fromList } : view);
}

/** Which of the holding forum's managers really got the case: the raiser is told deliveries, not intentions. */
async function arrivalReport(input: ActionInput, escalation: Escalation) {
  const deciders = await decidersOf(input.services, escalation.currentForumId);
  return deliveryReport({
    outbox: input.services.outbox,
    fanOut: [{ subject: { type: CASE_SUBJECT, id: escalation.id }, idPrefix: `esc:${escalation.id}:s${escalation.stepCount}:arrive:` }],
    people: deciders.map((m) => ({ userId: m.userId, name: m.displayName })),
    lang: input.t.lang,
    noun: NOUNS.managers[input.t.lang],
    ...(input.services.config.credentials?.appId === undefined ? {} : { appLink: `https://teams.microsoft.com/l/app/${input.services.config.credentials.appId}` }),
    settleMs: 2_000,
  });
}

/** After a decision or a step up: who really got it, and why the others did not. */
async function fanOutLines(input: ActionInput, action: string, escalation: Escalation): Promise<string[]> {
  const t = escalationTexts[input.t.lang];
  if (action === 'escalate') {
    const report = await arrivalReport(input, escalation);
    const holding = await input.services.fora.findById(escalation.currentForumId);
    return [t.notices.raised(holding?.name ?? escalation.currentForumId, report.section.headline), ...report.section.problems.slice(0, 3).map((p) => p.explanation)];
  }
  if (action !== 'resolve' && action !== 'return') return [];
  const raiser = escalation.raisedBy;
  const report = await deliveryReport({
    outbox: input.services.outbox,
    fanOut: [{ subject: { type: DECISION_SUBJECT, id: escalation.id }, idPrefix: `esc:${escalation.id}:s${escalation.stepCount}:decision:user:` }],
    people: [{ userId: raiser.userId, name: raiser.displayName }],
    lang: input.t.lang,
    noun: NOUNS.recipients[input.t.lang],
    settleMs: 2_000,
  });
  return [t.notices.decisionSent(report.section.headline), ...report.section.problems.map((p) => p.explanation)];
}

export const escalationFormAction = cardAction(ESCALATION_VERBS.form, EscalationFormData, { kind: 'forum', requirement: 'member', forumId: (d) => d.forumId, optional: true }, async (input, data) =>
  raiseForm(input.services, input.t.lang, actorOf(input).userId, {
    ...(data.forumId === undefined ? {} : { forumId: data.forumId }),
    ...(data.title === undefined ? {} : { title: data.title }),
  }),
);

/** The raise form given back with what was typed; a text refusal sits beside the description unless the title caused it. */
const raiseFormSpec: FormSpec<z.output<typeof EscalationRaiseData>> = {
  render: (input, data) => raiseForm(input.services, input.t.lang, actorOf(input).userId, { forumId: data.originForumId }),
  fieldOf: (error) => (error.code.startsWith('INPUT.') ? 'description' : error.code === 'ESCALATION.AREA_UNKNOWN' ? 'area' : undefined),
};

export const escalationRaiseAction = formAction(ESCALATION_VERBS.raise, EscalationRaiseData, { kind: 'forum', requirement: 'member', forumId: (d) => d.originForumId }, raiseFormSpec, async (input, data) => {
  assertNoProblems(checkTexts(data, { title: { max: TEXT_LIMITS.caseTitle, required: true }, description: { max: TEXT_LIMITS.caseText } }));
  const actor = actorOf(input);
  const raisedBy = await personOf(input.services, actor, data.originForumId);
  const created = await raiseEscalation(input.services, { ...data, raisedBy });
  const holding = await input.services.fora.findById(created.currentForumId);
  const report = await arrivalReport(input, created);
  const problems = report.section.problems.slice(0, 3).map((p) => p.explanation);
  return viewCard(input, created, [escalationTexts[input.t.lang].notices.raised(holding?.name ?? created.currentForumId, report.section.headline), ...problems].join(' '));
});

/** The case card given back with the typed note (and task) after a refusal: it never disappears. */
const caseForm: FormSpec<EscalationActData> = {
  render: async (input, data) => viewCard(input, await load(input.services, data.escalationId), undefined, data.fromList === true),
  fieldOf: (error) => (error.code.startsWith('INPUT.') || error.code === 'ESCALATION.NOTE_REQUIRED' ? ESCALATION_INPUTS.note : undefined),
};

export const escalationActAction = formAction(ESCALATION_VERBS.act, EscalationActData, caseAccess, caseForm, async (input, data) => {
  assertNoProblems(checkTexts(data, { note: { max: TEXT_LIMITS.caseText }, taskTitle: { max: TEXT_LIMITS.actionTitle } }));
  const t = escalationTexts[input.t.lang];
  const current = await load(input.services, data.escalationId);
  const actor = await personOf(input.services, actorOf(input), current.currentForumId);
  const outcome = await actOnEscalation(input.services, {
    escalationId: data.escalationId,
    action: data.action,
    actor,
    step: data.step,
    ...(data.note === undefined ? {} : { note: data.note }),
    ...(data.taskTitle === undefined ? {} : { task: { title: data.taskTitle, ...(data.taskDue === undefined ? {} : { dueDate: data.taskDue }) } }),
  });
  const state = t.card.states[outcome.escalation.state];
  if (outcome.conflict) return viewCard(input, outcome.escalation, t.notices.conflict(state), data.fromList === true);
  const notice =
    outcome.meetingStart === undefined ? t.notices.done(state) : `${t.notices.done(state)} ${t.notices.onAgenda(formatInstant(input.services, input.t.lang, outcome.meetingStart))}`;
  return viewCard(input, outcome.escalation, [notice, ...(await fanOutLines(input, data.action, outcome.escalation))].join(' '), data.fromList === true);
});

export const escalationShareAction = cardAction(ESCALATION_VERBS.share, EscalationRefData, caseAccess, async (input, data) => {
  const t = escalationTexts[input.t.lang];
  const { services } = input;
  const current = await load(services, data.escalationId);
  const actor = actorOf(input);
  if (data.step !== undefined && data.step !== current.stepCount) return viewCard(input, current, t.notices.conflict(t.card.states[current.state]), data.fromList === true);
  const originMember = await services.members.find(current.originForumId, actor.userId);
  assertAllowed(checkShareDescription(current, originMember !== undefined));
  const shared = shareDescription(current, { userId: actor.userId, displayName: originMember?.displayName ?? actor.name ?? actor.userId }, services.clock.now());
  try {
    const saved = await services.escalations.advance(shared.escalation, shared.step);
    await refreshCopies(services, await loadCaseContext(services, saved), actor.userId);
    return viewCard(input, saved, t.notices.shared, data.fromList === true);
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
    const fresh = await load(services, data.escalationId);
    return viewCard(input, fresh, t.notices.conflict(t.card.states[fresh.state]), data.fromList === true);
  }
});

export const escalationSeenAction = cardAction(ESCALATION_VERBS.seen, EscalationRefData, caseAccess, async (input, data) => {
  const t = escalationTexts[input.t.lang];
  const { services } = input;
  const escalation = await load(services, data.escalationId);
  const actor = actorOf(input);
  const forumIds = await forumIdsOf(services, actor.userId);
  assertAllowed(canSeeCase(escalation, { userId: actor.userId, forumIds }));
  const forumId = escalation.path.find((id) => forumIds.includes(id)) ?? escalation.originForumId;
  await services.escalations.markSeen(escalation.id, { person: await personOf(services, actor, forumId), at: services.clock.now().toISOString() });
  // The deciding forum's cards now show one more who has seen it.
  await refreshCopies(services, await loadCaseContext(services, escalation), actor.userId);
  const history = await services.escalations.history(escalation.id);
  const decidedIn = history.at(-1)?.fromForumId ?? escalation.currentForumId;
  const decidedBy = (await services.fora.findById(decidedIn))?.name ?? decidedIn;
  return escalationDecisionCard(t.decision, { id: escalation.id, title: escalation.title, decidedBy, decision: escalation.decision ?? '', seen: true });
});

export const escalationViewAction = cardAction(ESCALATION_VERBS.view, EscalationRefData, caseAccess, async (input, data) =>
  viewCard(input, await load(input.services, data.escalationId), undefined, data.fromList === true),
);

/** "Tilbage til listen" on a case opened from `eskaler`'s list: the list again, always the clicker's own. */
export const escalationListAction = cardAction(ESCALATION_VERBS.list, EscalationListData, { kind: 'anyone', why: "only the clicker's own cases and those waiting for them" }, async (input) =>
  myCases(input.services, input.t.lang, actorOf(input).userId),
);

export const escalationActions = [escalationFormAction, escalationRaiseAction, escalationActAction, escalationShareAction, escalationSeenAction, escalationViewAction, escalationListAction];
