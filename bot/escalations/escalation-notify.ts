import { escalationDecisionCard } from '../../cards/escalation-decision.card';
import { escalationCard } from '../../cards/escalation.card';
import type { OutboxRecipient } from '../../domain/outbox/outbox-message';
import { recipientKey } from '../../domain/outbox/outbox-message';
import type { BotServices } from '../core/services';
import { cardMessage } from '../core/card-message';
import { decidersOf } from './escalation-people';
import { caseView, langOf, loadCaseContext, type CaseContext } from './escalation-view';
import { escalationTexts } from './escalations.texts';

/**
 * Every proactive message about a case. Keys are built from the case id and the step it belongs
 * to, so a second instance (or a retry) doing the same work makes no second message.
 */
export const CASE_SUBJECT = 'escalation';
export const DECISION_SUBJECT = 'escalation-decision';

const activity = cardMessage;

/** The case arrived in its holding forum (raised or escalated): each decider's own card, and the forum's channel. */
export async function announceToHoldingForum(services: BotServices, ctx: CaseContext, kind: { reminder: number; hours: number } | undefined, causedBy?: string): Promise<void> {
  const { escalation } = ctx;
  const lang = langOf(services);
  const t = escalationTexts[lang];
  const deciders = await decidersOf(services, escalation.currentForumId);
  const stage = `esc:${escalation.id}:s${escalation.stepCount}`;
  const subject = { type: CASE_SUBJECT, id: escalation.id, forumId: escalation.currentForumId };
  const notice = kind === undefined ? undefined : t.notices.reminder(kind.hours);
  const summary = kind === undefined ? t.summaries.arrived(escalation.title) : t.summaries.reminder(escalation.title);
  await Promise.all(
    deciders.map(async (member) => {
      const view = await caseView(services, lang, ctx, { userId: member.userId }, notice);
      await services.outbox.enqueue({
        idempotencyKey: `${stage}:${kind === undefined ? 'arrive' : `remind${kind.reminder}`}:${member.userId}`,
        recipient: { kind: 'user', userId: member.userId },
        activity: activity(summary, escalationCard(t.card, view)),
        subject,
        ...(causedBy === undefined ? {} : { causedBy }),
      });
    }),
  );
  const holding = ctx.fora.get(escalation.currentForumId);
  if (kind === undefined && holding?.teams !== undefined) {
    const view = await caseView(services, lang, ctx, { channelForumId: holding.id });
    await services.outbox.enqueue({
      idempotencyKey: `${stage}:channel:${holding.id}`,
      recipient: { kind: 'conversation', conversationId: holding.teams.conversationId },
      activity: activity(summary, escalationCard(t.card, view)),
      subject,
      ...(causedBy === undefined ? {} : { causedBy }),
    });
  }
}

/** A manager's question goes to the raiser on their own card, with a field to answer. */
export async function askRaiser(services: BotServices, ctx: CaseContext, question: string, askedBy: string): Promise<void> {
  const { escalation } = ctx;
  const lang = langOf(services);
  const t = escalationTexts[lang];
  const view = await caseView(services, lang, ctx, { userId: escalation.raisedBy.userId }, t.notices.question(askedBy, question));
  await services.outbox.enqueue({
    idempotencyKey: `esc:${escalation.id}:s${escalation.stepCount}:question`,
    recipient: { kind: 'user', userId: escalation.raisedBy.userId },
    activity: activity(t.summaries.question(escalation.title), escalationCard(t.card, view)),
    subject: { type: CASE_SUBJECT, id: escalation.id, forumId: escalation.originForumId },
  });
}

/** The decision goes down: to the raiser, and posted in every forum the case passed through. */
export async function sendDecision(services: BotServices, ctx: CaseContext, decidedIn: string, task: string | undefined, causedBy?: string): Promise<void> {
  const { escalation } = ctx;
  const lang = langOf(services);
  const t = escalationTexts[lang];
  const view = {
    id: escalation.id,
    title: escalation.title,
    decidedBy: ctx.fora.get(decidedIn)?.name ?? decidedIn,
    decision: escalation.decision ?? '',
    ...(task === undefined ? {} : { task }),
    seen: false,
  };
  const message = activity(t.summaries.decision(escalation.title), escalationDecisionCard(t.decision, view));
  const stage = `esc:${escalation.id}:s${escalation.stepCount}:decision`;
  const recipients: OutboxRecipient[] = [{ kind: 'user', userId: escalation.raisedBy.userId }];
  for (const forumId of escalation.path) {
    const link = ctx.fora.get(forumId)?.teams;
    if (link !== undefined) recipients.push({ kind: 'conversation', conversationId: link.conversationId });
  }
  await Promise.all(
    recipients.map((recipient) =>
      services.outbox.enqueue({
        idempotencyKey: `${stage}:${recipientKey(recipient)}`.slice(0, 200),
        recipient,
        activity: message,
        subject: { type: DECISION_SUBJECT, id: escalation.id, forumId: decidedIn },
        ...(causedBy === undefined ? {} : { causedBy }),
      }),
    ),
  );
}

/**
 * Updates in place every copy of the case card already delivered (each person's own view, the
 * channels' view), so everyone who took part follows the case without new messages.
 */
export async function refreshCopies(services: BotServices, ctx: CaseContext, skipUserId?: string): Promise<void> {
  const { escalation } = ctx;
  const lang = langOf(services);
  const t = escalationTexts[lang];
  const people = ctx.participants.filter((id) => id !== skipUserId);
  const channels = escalation.path.flatMap((forumId) => {
    const link = ctx.fora.get(forumId)?.teams;
    return link === undefined ? [] : [{ forumId, conversationId: link.conversationId }];
  });
  const targets: { recipient: OutboxRecipient; viewer: { userId: string } | { channelForumId: string } }[] = [
    ...people.map((userId) => ({ recipient: { kind: 'user' as const, userId }, viewer: { userId } })),
    ...channels.map((c) => ({ recipient: { kind: 'conversation' as const, conversationId: c.conversationId }, viewer: { channelForumId: c.forumId } })),
  ];
  await Promise.all(
    targets.map(async ({ recipient, viewer }) => {
      const delivery = await services.outbox.findDelivery(CASE_SUBJECT, escalation.id, recipient);
      if (delivery === undefined) return;
      const view = await caseView(services, lang, ctx, viewer);
      await services.outbox.enqueue({
        idempotencyKey: `esc:${escalation.id}:s${escalation.stepCount}:${ctx.seen?.seen.length ?? 0}:upd:${recipientKey(recipient)}`.slice(0, 200),
        recipient,
        activity: activity(t.summaries.update(escalation.title), escalationCard(t.card, view)),
        subject: { type: CASE_SUBJECT, id: escalation.id, forumId: escalation.currentForumId },
        operation: { kind: 'update', activityId: delivery.activityId },
      });
    }),
  );
}

export { loadCaseContext };
