import { formatDateTime } from '../../cards/dates';
import { planApprovalCard, type PlanApprovalView } from '../../cards/plan-approval.card';
import type { PlanRecord } from '../../domain/plan/plan';
import { approve, byFocusArea, canApprovePlan, sendBack, sendForApproval } from '../../domain/plan/plan.rules';
import { assertAllowed, DomainError } from '../../domain/shared/domain-error';
import { assertNoProblems, checkText } from '../../domain/shared/field-problems';
import { AlreadyExistsError } from '../../domain/shared/repository-errors';
import { TEXT_LIMITS } from '../../domain/shared/text-limits';
import { audit } from '../core/audit';
import { cardMessage } from '../core/card-message';
import type { BotServices } from '../core/services';
import type { Lang } from '../i18n';
import { planPeopleNames } from './plan-people';
import { planCardFor, timeFrameOf } from './plan-view';
import { assertPlanEditor, draftContent, loadPlanWorld, planRecord } from './plan.service';
import { planTexts } from './plan.texts';

const SUBJECT = 'plan';

/** Who gets the approval card: the steering group's chairs, or all its members, per the plan's setting. */
const approversOf = async (services: BotServices, record: Pick<PlanRecord, 'steeringForumId' | 'approvers'>): Promise<{ userId: string; name: string }[]> =>
  (await services.members.listByForum(record.steeringForumId)).filter((m) => canApprovePlan(m, record.approvers).ok).map((m) => ({ userId: m.userId, name: m.displayName }));

/** The approval cards of one round, for reading what Teams accepted. */
export const approvalFanOut = (sentAt: string) => ({ subject: { type: SUBJECT, id: 'plan' }, idPrefix: `plan:${sentAt}:ask:` });

/** The chair's card for the round pending in `record` (or its outcome). */
export async function approvalCardFor(
  services: BotServices,
  lang: Lang,
  record: Pick<PlanRecord, 'pending' | 'sentAt' | 'sentBy' | 'ownerForumId' | 'approvedVersion'>,
  outcome?: PlanApprovalView['outcome'],
  deliveries?: PlanApprovalView['deliveries'],
) {
  const pending = record.pending;
  const [owner, nameOf] = await Promise.all([services.fora.findById(record.ownerForumId), planPeopleNames(services, record.ownerForumId, [record.sentBy])]);
  const initiatives = pending?.initiatives ?? [];
  const view: PlanApprovalView = {
    sentAt: record.sentAt ?? '',
    sentAtText: record.sentAt === undefined ? '' : formatDateTime(record.sentAt, lang, services.config.timeZone),
    owner: owner?.name ?? record.ownerForumId,
    sentBy: record.sentBy === undefined ? '' : (nameOf(record.sentBy) ?? ''),
    initiatives: initiatives.length,
    focusAreas: byFocusArea(initiatives).length,
    lines: initiatives.map((i) => `${i.project} — ${timeFrameOf(i)}`),
    ...(outcome === undefined ? {} : { outcome, approvedNumber: record.approvedVersion }),
    ...(deliveries === undefined ? {} : { deliveries }),
  };
  return planApprovalCard(planTexts[lang].approval, view);
}

/** The owner sends the draft: what is sent is kept; each chair of the steering group gets the card. */
export async function sendPlan(
  services: BotServices,
  lang: Lang,
  actorId: string,
): Promise<{ forum: string; sentAt: string; approvers: PlanRecord['approvers']; people: { userId: string; name: string }[] }> {
  await assertPlanEditor(services, actorId);
  const world = await loadPlanWorld(services);
  const content = await draftContent(services, world);
  const sent = await services.plans.update((current) => sendForApproval(current, content, actorId, services.clock.now()));
  const chairs = await approversOf(services, sent);
  const card = await approvalCardFor(services, lang, sent);
  await Promise.all(
    chairs.map(({ userId }) =>
      services.outbox.enqueue({
        idempotencyKey: `${approvalFanOut(sent.sentAt ?? '').idPrefix}${userId}`,
        recipient: { kind: 'user', userId },
        activity: cardMessage(planTexts[lang].summaries.approval, card),
        subject: { type: SUBJECT, id: 'plan', forumId: sent.steeringForumId },
        causedBy: actorId,
      }),
    ),
  );
  await audit(services, { forumId: sent.ownerForumId, actorId, action: 'plan.sent', subject: `plan → ${sent.steeringForumId}`, after: { initiatives: content.initiatives.length } });
  return { forum: world.foraById.get(sent.steeringForumId)?.name ?? sent.steeringForumId, sentAt: sent.sentAt ?? '', approvers: sent.approvers, people: chairs };
}

/** Only the round the card was made for may be answered. */
function assertRound(record: PlanRecord, sentAt: string): void {
  if (record.state !== 'sent' || record.sentAt !== sentAt) throw new DomainError('PLAN.STALE_ROUND');
}

/**
 * The chair approves: the version is written once (a second approval of the same round finds it
 * there and is refused), then the record; the frozen plan is posted in the steering group's and the
 * owner's channels.
 */
export async function approvePlan(services: BotServices, lang: Lang, actorId: string, sentAt: string): Promise<PlanRecord> {
  const record = await planRecord(services);
  assertAllowed(canApprovePlan(await services.members.find(record.steeringForumId, actorId), record.approvers));
  assertRound(record, sentAt);
  const { version } = approve(record, actorId, services.clock.now());
  try {
    await services.plans.addVersion(version);
  } catch (error) {
    if (error instanceof AlreadyExistsError) throw new DomainError('PLAN.STALE_ROUND');
    throw error;
  }
  const approved = await services.plans.update((current) => (current.state === 'sent' && current.sentAt === sentAt ? approve(current, actorId, services.clock.now()).record : current));
  await audit(services, { forumId: record.steeringForumId, actorId, action: 'plan.approved', subject: `plan v${version.number}`, after: { number: version.number, initiatives: version.content.initiatives.length } });
  await publish(services, lang, approved, version.number, actorId);
  return approved;
}

/** The approved version's post in one forum's channel. */
export const publishedPostId = (number: number, forumId: string): string => `plan:v${number}:publish:${forumId}`;

async function publish(services: BotServices, lang: Lang, record: PlanRecord, number: number, actorId: string): Promise<void> {
  const fora = await Promise.all([record.steeringForumId, record.ownerForumId].map((id) => services.fora.findById(id)));
  await Promise.all(
    fora.map(async (forum) => {
      if (forum?.teams === undefined) return;
      const card = await planCardFor(services, lang, { forumId: forum.id }, 'published');
      await services.outbox.enqueue({
        idempotencyKey: publishedPostId(number, forum.id),
        recipient: { kind: 'conversation', conversationId: forum.teams.conversationId },
        activity: cardMessage(planTexts[lang].summaries.published(number), card),
        subject: { type: SUBJECT, id: `v${number}`, forumId: forum.id },
        causedBy: actorId,
      });
    }),
  );
}

/** The card that tells the writer the plan came back. */
const sentBackId = (sentAt: string, writerId: string): string => `plan:${sentAt}:back:${writerId}`;
export const sentBackFanOut = (sentAt: string, writerId: string) => ({ subject: { type: SUBJECT, id: 'plan' }, idPrefix: sentBackId(sentAt, writerId) });

/** The chair sends the draft back with a comment (required); the sender gets the draft with it. */
export async function sendBackPlan(services: BotServices, lang: Lang, actorId: string, sentAt: string, comment: string): Promise<PlanRecord> {
  const record = await planRecord(services);
  assertAllowed(canApprovePlan(await services.members.find(record.steeringForumId, actorId), record.approvers));
  assertRound(record, sentAt);
  const problem = checkText(comment, { max: TEXT_LIMITS.planComment, required: true });
  if (problem !== undefined) assertNoProblems({ comment: problem.code === 'FIELD.REQUIRED' ? { code: 'PLAN.COMMENT_REQUIRED' } : problem });
  const back = await services.plans.update((current) => {
    assertRound(current, sentAt);
    return sendBack(current, comment.trim(), services.clock.now());
  });
  await audit(services, { forumId: record.steeringForumId, actorId, action: 'plan.sentBack', subject: 'plan', after: { comment: comment.trim() } });
  if (record.sentBy !== undefined) {
    const card = await planCardFor(services, lang, { userId: record.sentBy }, 'draft');
    await services.outbox.enqueue({
      idempotencyKey: sentBackId(sentAt, record.sentBy),
      recipient: { kind: 'user', userId: record.sentBy },
      activity: cardMessage(planTexts[lang].summaries.sentBack, card),
      subject: { type: SUBJECT, id: 'plan', forumId: record.ownerForumId },
      causedBy: actorId,
    });
  }
  return back;
}

