import { localDateOf } from '../../domain/actions/local-date';
import { recipientKey, type OutboxRecipient } from '../../domain/outbox/outbox-message';
import { reminderDueIn } from '../../domain/plan/plan.rules';
import { cardMessage } from '../core/card-message';
import type { ScheduledJob } from '../core/feature';
import type { BotServices } from '../core/services';
import { langOf } from '../escalations/escalation-view';
import { planCardFor } from './plan-view';
import { planTexts } from './plan.texts';

export const PLAN_REMINDER_JOB = 'plan.yearly-reminder';
const HOUR_MS = 3_600_000;

/**
 * Once a year, in the plan's month (in the municipality's zone), the plan's writers (consultants
 * and chair of the owning forum) and the owner's channel are reminded to revise it. The scheduler
 * runs the job under a lease, and the outbox key holds the year, so however many instances and
 * runs there are, each recipient gets one reminder a year. Returns how many messages it created.
 */
export async function sendPlanReminder(services: BotServices, now: Date): Promise<number> {
  const record = await services.plans.find();
  // No plan opened yet: nobody writes one, nothing to revise.
  if (record === undefined) return 0;
  const [year, month] = localDateOf(now, services.config.timeZone).split('-').map(Number);
  const due = reminderDueIn(record, { year: year ?? 0, month: month ?? 0 });
  if (due === undefined) return 0;
  const lang = langOf(services);
  const t = planTexts[lang];
  const [writers, owner] = await Promise.all([services.members.listByForum(record.ownerForumId), services.fora.findById(record.ownerForumId)]);
  const targets: { recipient: OutboxRecipient; viewer: { userId: string } | { forumId: string } }[] = writers
    .filter((m) => m.roles.includes('consultant') || m.roles.includes('chair'))
    .map((m) => ({ recipient: { kind: 'user', userId: m.userId }, viewer: { userId: m.userId } }));
  if (owner?.teams !== undefined) targets.push({ recipient: { kind: 'conversation', conversationId: owner.teams.conversationId }, viewer: { forumId: owner.id } });
  let created = 0;
  for (const { recipient, viewer } of targets) {
    const key = `plan:reminder:${due}:${recipientKey(recipient)}`.slice(0, 200);
    if ((await services.outbox.findById(key)) !== undefined) continue;
    const card = await planCardFor(services, lang, viewer, 'userId' in viewer ? 'draft' : 'published', t.notices.reminder(due));
    const result = await services.outbox.enqueue({ idempotencyKey: key, recipient, activity: cardMessage(t.summaries.reminder, card), subject: { type: 'plan-reminder', id: String(due), forumId: record.ownerForumId } });
    if (result.created) created += 1;
  }
  return created;
}

export function planReminderJob(services: BotServices): ScheduledJob {
  return { name: PLAN_REMINDER_JOB, everyMs: HOUR_MS, run: async (now) => void (await sendPlanReminder(services, now)) };
}
