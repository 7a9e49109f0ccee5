import { initiativeCard, initiativeFormCard } from '../../cards/initiative.card';
import { planTextCard } from '../../cards/plan-approval.card';
import {
  InitiativeFormData,
  InitiativeRefData,
  InitiativeSaveData,
  InitiativeStatusData,
  PLAN_VERBS,
  PlanApproveData,
  PlanSendBackData,
  PlanSendData,
  PlanShowData,
  PlanTextSaveData,
} from '../../cards/plan-verbs';
import { formatDateTime } from '../../cards/dates';
import { initiativeFieldsFrom } from '../../domain/plan/initiative-form';
import { PlanRecord } from '../../domain/plan/plan';
import { DomainError } from '../../domain/shared/domain-error';
import { assertNoProblems, checkTexts } from '../../domain/shared/field-problems';
import { TEXT_LIMITS } from '../../domain/shared/text-limits';
import type { Access } from '../core/access';
import { audit } from '../core/audit';
import { cardAction, type ActionInput } from '../core/card-action';
import { formAction } from '../core/form-action';
import { whyNotDelivered } from '../outbox/outbox-status.text';
import { deliveryReport, settledMessage } from '../reach/delivery-report';
import { NOUNS } from '../reach/delivery.texts';
import { approvalCardFor, approvalFanOut, approvePlan, publishedPostId, sendBackPlan, sentBackFanOut, sendPlan } from './plan-round';
import { planPeopleNames } from './plan-people';
import { planCardFor, timeFrameOf } from './plan-view';
import { assertPlanEditor, changeInitiativeStatus, ownerForumOf, planRecord, planYear, saveInitiative, steeringForumOf } from './plan.service';
import { planTexts } from './plan.texts';

// The plan's content is the owning forum's: its members pass the check, the domain refines to consultants and chair.
const owner: Access<unknown> = { kind: 'forum', requirement: 'member', forumId: ownerForumOf };
// Approval is the steering group's: its members pass the gate, the domain refines to the chair
// unless the plan's setting lets any member approve.
const steeringChair: Access<unknown> = { kind: 'forum', requirement: 'member', forumId: steeringForumOf };

const texts = (input: ActionInput) => planTexts[input.t.lang];

async function formCard(input: ActionInput, initiativeId: string | undefined) {
  await assertPlanEditor(input.services, input.actor.userId);
  const [fora, all, record] = await Promise.all([input.services.fora.list(), input.services.initiatives.list(), planRecord(input.services)]);
  const initiative = initiativeId === undefined ? undefined : all.find((i) => i.id === initiativeId);
  if (initiativeId !== undefined && initiative === undefined) throw new DomainError('PLAN.INITIATIVE_NOT_FOUND');
  return initiativeFormCard(texts(input).initiative, {
    ...(initiative === undefined ? {} : { initiative }),
    fora: fora.map((f) => ({ id: f.id, name: f.name })),
    defaultForumId: record.ownerForumId,
    focusAreas: [...new Set(all.map((i) => i.focusArea))],
    thisYear: planYear(input.services),
  });
}

async function initiativeView(input: ActionInput, initiativeId: string, notice?: string) {
  await assertPlanEditor(input.services, input.actor.userId);
  const { services } = input;
  const t = texts(input);
  const initiative = await services.initiatives.findById(initiativeId);
  if (initiative === undefined) throw new DomainError('PLAN.INITIATIVE_NOT_FOUND');
  const [forum, history, ownerForumId] = await Promise.all([services.fora.findById(initiative.forumId), services.initiatives.history(initiative.id), planRecord(services).then((r) => r.ownerForumId)]);
  const nameOf = await planPeopleNames(services, ownerForumId, history.map((h) => h.actorId));
  const who = (id: string | undefined): string => (id === undefined ? t.history.system : (nameOf(id) ?? t.history.someone));
  const at = (iso: string): string => formatDateTime(iso, t.plan.lang, services.config.timeZone);
  const lines = history.map((h) =>
    h.kind === 'created'
      ? t.history.created(who(h.actorId), at(h.at))
      : h.kind === 'status' && h.fromStatus !== undefined && h.toStatus !== undefined
        ? t.history.status(who(h.actorId), at(h.at), t.plan.statuses[h.fromStatus], t.plan.statuses[h.toStatus])
        : t.history.edited(who(h.actorId), at(h.at), h.fields.map((f) => t.fieldNames[f] ?? f).join(', ')),
  );
  return initiativeCard(t.initiative, {
    id: initiative.id,
    focusArea: initiative.focusArea,
    project: initiative.project,
    purpose: initiative.purpose,
    timeFrame: timeFrameOf(initiative),
    targetGroup: initiative.targetGroup,
    forum: forum?.name ?? initiative.forumId,
    ...(initiative.contactName === undefined ? {} : { contactName: initiative.contactName }),
    status: initiative.status,
    history: lines,
    ...(notice === undefined ? {} : { notice }),
  });
}

/** `plan.show`: the plan (published, or the draft for its writers). Everyone may read the plan; sealed initiatives are filtered per person. */
const show = cardAction(PLAN_VERBS.show, PlanShowData, { kind: 'anyone', why: 'the published plan is the municipality\'s; sealed initiatives are filtered per person' }, (input, data) =>
  planCardFor(input.services, input.t.lang, { userId: input.actor.userId }, data.mode),
);

const initiativeForm = cardAction(PLAN_VERBS.initiativeForm, InitiativeFormData, owner, (input, data) => formCard(input, data.initiativeId));

const initiativeShow = cardAction(PLAN_VERBS.initiativeShow, InitiativeRefData, owner, (input, data) => initiativeView(input, data.initiativeId));

/** `plan.initiative.save`: add or edit; every field checked at once, the form given back with the reasons. */
const initiativeSave = formAction(PLAN_VERBS.initiativeSave, InitiativeSaveData, owner, { render: (input, data) => formCard(input, data.initiativeId) }, async (input, data) => {
  const saved = await saveInitiative(input.services, input.actor.userId, initiativeFieldsFrom(data), data.initiativeId);
  return planCardFor(input.services, input.t.lang, { userId: input.actor.userId }, 'draft', texts(input).notices.saved(saved.project));
});

/** `plan.initiative.status`: the status alone; an unchanged status comes back beside the choice. */
const initiativeStatus = formAction(PLAN_VERBS.initiativeStatus, InitiativeStatusData, owner, { render: (input, data) => initiativeView(input, data.initiativeId) }, async (input, data) => {
  const saved = await changeInitiativeStatus(input.services, input.actor.userId, data.initiativeId, data.status);
  return initiativeView(input, saved.id, texts(input).notices.status(saved.project, texts(input).plan.statuses[saved.status]));
});

const textCard = async (input: ActionInput) => {
  const record = await assertPlanEditor(input.services, input.actor.userId);
  return planTextCard(texts(input).text, { basis: record.basis, strategy: record.strategy });
};

const textForm = cardAction(PLAN_VERBS.textForm, PlanSendData, owner, (input) => textCard(input));

/** `plan.text.save`: basis and strategy, each within its limit and free of CPR numbers. */
const textSave = formAction(PLAN_VERBS.textSave, PlanTextSaveData, owner, { render: (input) => textCard(input) }, async (input, data) => {
  const before = await assertPlanEditor(input.services, input.actor.userId);
  const rule = { max: TEXT_LIMITS.planSection };
  assertNoProblems(checkTexts(data, { basis: rule, strategy: rule }));
  const saved = await input.services.plans.update((current) => PlanRecord.parse({ ...current, basis: data.basis.trim(), strategy: data.strategy.trim(), updatedAt: input.services.clock.now().toISOString() }));
  await audit(input.services, { forumId: saved.ownerForumId, actorId: input.actor.userId, action: 'plan.text.changed', subject: 'plan', before: { basis: before.basis, strategy: before.strategy }, after: { basis: saved.basis, strategy: saved.strategy } });
  return planCardFor(input.services, input.t.lang, { userId: input.actor.userId }, 'draft', texts(input).notices.textSaved);
});

/** `plan.send`: to the steering group for approval. */
const send = cardAction(PLAN_VERBS.send, PlanSendData, owner, async (input) => {
  const lang = input.t.lang;
  const { forum, sentAt, approvers, people } = await sendPlan(input.services, lang, input.actor.userId);
  // The sender is told what Teams accepted, and who was not reached and why, never only what was queued.
  const report = people.length === 0 ? undefined : await deliveryReport({ outbox: input.services.outbox, fanOut: [approvalFanOut(sentAt)], people, lang, noun: NOUNS.approvers[lang], settleMs: 2_000 });
  const delivered = report === undefined ? undefined : [report.section.headline, ...report.section.problems.slice(0, 3).map((p) => p.explanation)].join(' ');
  return planCardFor(input.services, lang, { userId: input.actor.userId }, 'draft', texts(input).notices.sent(forum, approvers, delivered));
});

/** What became of the approved plan's posts in the two fora's channels: said once Teams answered, not when queued. */
async function channelLines(input: ActionInput, record: PlanRecord): Promise<{ line: string; ok: boolean }[]> {
  const said = texts(input).notices.channel;
  const ids = [...new Set([record.steeringForumId, record.ownerForumId])];
  return Promise.all(
    ids.map(async (forumId) => {
      const forum = await input.services.fora.findById(forumId);
      const name = forum?.name ?? forumId;
      if (forum?.teams === undefined) return { line: said.none(name), ok: false };
      const post = await settledMessage(input.services.outbox, publishedPostId(record.approvedVersion, forumId), 2_000);
      if (post?.status === 'sent') return { line: said.posted(name), ok: true };
      if (post?.status === 'undeliverable' || post?.status === 'inDoubt') return { line: said.failed(name, whyNotDelivered(post, input.t.lang)), ok: false };
      return { line: said.onTheWay(name), ok: true };
    }),
  );
}

/** Whether the writer really got the plan back (said once Teams answered), and why not. */
async function writerLine(input: ActionInput, round: PlanRecord): Promise<{ line: string; ok: boolean }[]> {
  if (round.sentBy === undefined || round.sentAt === undefined) return [];
  const writerName = (await planPeopleNames(input.services, round.ownerForumId, [round.sentBy]))(round.sentBy);
  const report = await deliveryReport({
    outbox: input.services.outbox,
    fanOut: [sentBackFanOut(round.sentAt, round.sentBy)],
    people: [{ userId: round.sentBy, name: writerName ?? round.sentBy }],
    lang: input.t.lang,
    noun: NOUNS.recipients[input.t.lang],
    settleMs: 2_000,
  });
  return [{ line: [report.section.headline, ...report.section.problems.map((p) => p.explanation)].join(' '), ok: report.section.problems.length === 0 }];
}

/** `plan.approve`: the steering group's chair approves the round on the card. */
const approveAction = cardAction(PLAN_VERBS.approve, PlanApproveData, steeringChair, async (input, data) => {
  const lang = input.t.lang;
  const record = await approvePlan(input.services, lang, input.actor.userId, data.sentAt);
  const version = await input.services.plans.findVersion(record.approvedVersion);
  const round = version === undefined ? {} : { pending: version.content, sentAt: version.sentAt, sentBy: version.sentBy };
  const deliveries = await channelLines(input, record);
  return approvalCardFor(input.services, lang, { ownerForumId: record.ownerForumId, approvedVersion: record.approvedVersion, ...round }, 'approved', deliveries);
});

/** `plan.sendBack`: back to the writers with a comment (required, beside the field if missing). */
const sendBackAction = formAction(
  PLAN_VERBS.sendBack,
  PlanSendBackData,
  steeringChair,
  { render: async (input) => approvalCardFor(input.services, input.t.lang, await planRecord(input.services)) },
  async (input, data) => {
    const lang = input.t.lang;
    const before = await planRecord(input.services);
    await sendBackPlan(input.services, lang, input.actor.userId, data.sentAt, data.comment);
    return approvalCardFor(input.services, lang, before, 'sentBack', await writerLine(input, before));
  },
);

export const planActions = [show, initiativeForm, initiativeShow, initiativeSave, initiativeStatus, textForm, textSave, send, approveAction, sendBackAction];
