import type { Initiative } from '../../domain/plan/initiative';
import type { PlanRecord } from '../../domain/plan/plan';
import { visibleTo } from '../../domain/plan/plan.rules';
import type { BotServices } from '../core/services';
import { langOf } from '../escalations/escalation-view';
import { planTexts } from './plan.texts';

const adjustedText = {
  da: (project: string, from: string, to: string) => `Handlingsplanen er justeret: ${project} er nu ${to.toLowerCase()} (før: ${from.toLowerCase()}).`,
  en: (project: string, from: string, to: string) => `The action plan was adjusted: ${project} is now ${to.toLowerCase()} (before: ${from.toLowerCase()}).`,
};

/**
 * After approval a status change is an adjustment ("justeret"): the owner's channel is told what
 * changed, through the outbox (one message per adjustment). A sealed initiative is named only in
 * its own forum's channel.
 */
export async function announceAdjustment(services: BotServices, record: PlanRecord, initiative: Initiative, actorId: string): Promise<void> {
  const adjustment = record.adjustments.at(-1);
  if (adjustment === undefined || adjustment.initiativeId !== initiative.id) return;
  const owner = await services.fora.findById(record.ownerForumId);
  if (owner?.teams === undefined) return;
  const forum = await services.fora.findById(initiative.forumId);
  if (!visibleTo(initiative, new Map(forum === undefined ? [] : [[forum.id, forum]]), new Set([owner.id]))) return;
  const lang = langOf(services);
  const statuses = planTexts[lang].plan.statuses;
  const text = adjustedText[lang](initiative.project, statuses[adjustment.from], statuses[adjustment.to]);
  await services.outbox.enqueue({
    idempotencyKey: `plan:adjusted:${initiative.id}:${adjustment.at}`,
    recipient: { kind: 'conversation', conversationId: owner.teams.conversationId },
    activity: { text, summary: text.slice(0, 300) },
    subject: { type: 'plan', id: initiative.id, forumId: owner.id },
    causedBy: actorId,
  });
}
