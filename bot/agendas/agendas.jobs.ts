import { autoReminderDue, briefingDue, progressOf } from '../../domain/agendas/agenda.rules';
import type { ScheduledJob } from '../core/feature';
import type { BotServices } from '../core/services';
import { updateAgenda } from './agenda-context';
import { syncAgendaPost } from './agenda-post';
import { compileAndSend, queueConsultantCards, remind, syncStatusCard } from './circulation.service';

export const AGENDA_JOB_EVERY_MS = 60_000;

/**
 * Once a minute on every instance: channel cards behind their agenda, consultants' cards not yet
 * queued (a crash mid-circulation), the automatic reminder before the deadline and the briefing
 * after it. Each step is idempotent: outbox keys per agenda and person, and flags written back
 * with conditional updates, so two instances doing the same minute send each message once.
 */
export function agendaJobs(services: BotServices): readonly ScheduledJob[] {
  return [
    {
      name: 'agendas.circulation',
      everyMs: AGENDA_JOB_EVERY_MS,
      async run(now) {
        for (const forum of await services.fora.list()) {
          for (const agenda of await services.agendas.listByForum(forum.id)) {
            const causedBy = agenda.updatedBy ?? agenda.createdBy ?? 'forumbot';
            await syncAgendaPost(services, forum, agenda, causedBy);
            const circulation = agenda.circulation;
            if (circulation === undefined) continue;
            if (circulation.cardsQueuedAt === undefined) await queueConsultantCards(services, agenda, circulation.circulatedBy ?? causedBy);
            if (autoReminderDue(circulation, now)) {
              const progress = progressOf(circulation, await services.agendaInputs.listByAgenda(agenda.id));
              await remind(services, agenda, progress.missing, 'auto-reminder', circulation.circulatedBy ?? causedBy);
              await updateAgenda(services, agenda, (current) =>
                current.circulation === undefined || current.circulation.autoReminderSentAt !== undefined
                  ? undefined
                  : { ...current, circulation: { ...current.circulation, autoReminderSentAt: now.toISOString() } },
              );
            }
            if (briefingDue(circulation, now)) await compileAndSend(services, forum, agenda, undefined, { final: true });
            // Until a little after the deadline (answers of its last minute), the channel's card follows the count.
            if (now.getTime() <= Date.parse(circulation.deadline) + 10 * 60_000) {
              await syncStatusCard(services, forum, (await services.agendas.findById(forum.id, agenda.id)) ?? agenda);
            }
          }
        }
      },
    },
  ];
}
