import type { Agenda } from '../../domain/agendas/agenda';
import { autoReminderDue, briefingDue, channelPostDue, needsTending, progressOf, STATUS_CARD_AFTER_DEADLINE_MS } from '../../domain/agendas/agenda.rules';
import type { Forum } from '../../domain/fora/forum';
import type { ScheduledJob } from '../core/feature';
import { inGroups } from '../core/in-groups';
import type { BotServices } from '../core/services';
import { updateAgenda } from './agenda-context';
import { channelOf, syncAgendaPost } from './agenda-post';
import { compileAndSend, queueConsultantCards, remind, syncStatusCard } from './circulation.service';

export const AGENDA_JOB_EVERY_MS = 60_000;
export const AGENDA_SWEEP_EVERY_MS = 60 * 60_000;
/** Live agendas tended side by side (each is a few reads and, when something is due, a few writes). */
const TENDED_AT_ONCE = 8;

/** The minute's work for one agenda: each step idempotent (outbox keys, flags written back conditionally). */
async function tend(services: BotServices, forum: Forum, agenda: Agenda, now: Date): Promise<void> {
  const causedBy = agenda.updatedBy ?? agenda.createdBy ?? 'forumbot';
  if (channelPostDue(agenda, channelOf(forum) !== undefined, now)) await syncAgendaPost(services, forum, agenda, causedBy);
  const circulation = agenda.circulation;
  if (circulation === undefined) return;
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
  if (now.getTime() <= Date.parse(circulation.deadline) + STATUS_CARD_AFTER_DEADLINE_MS) {
    await syncStatusCard(services, forum, (await services.agendas.findById(forum.id, agenda.id)) ?? agenda);
  }
}

/** How far back the sweep looks: the work of a meeting longer ago than this is no longer done. */
const RELIST_FROM_MS = 14 * 86_400_000;

/**
 * Lists again each of the forum's agendas that needs tending (the sweep; a channel just linked).
 * How many. Reads the agendas of meetings from two weeks ago on, not the forum's history.
 */
export async function relistAgendas(services: Pick<BotServices, 'agendas'>, forum: Forum, now: Date): Promise<number> {
  let listed = 0;
  for (const agenda of await services.agendas.listFrom(forum.id, new Date(now.getTime() - RELIST_FROM_MS))) {
    if (!needsTending(agenda, channelOf(forum) !== undefined, now)) continue;
    await services.agendas.markLive(forum.id, agenda.id);
    listed++;
  }
  return listed;
}

/**
 * Once a minute, one instance at a time: channel cards behind their agenda, consultants' cards not
 * yet queued (a crash mid-circulation), the automatic reminder before the deadline, the briefing
 * after it. It reads only the live agendas — those written since it last found nothing to do for
 * them — not every agenda of every forum; one it finds with nothing left to do, now or later, it
 * settles (unless written meanwhile). The hourly sweep lists again any agenda that still needs
 * tending (a lost mark, agendas from before the list).
 */
export function agendaJobs(services: BotServices): readonly ScheduledJob[] {
  return [
    {
      name: 'agendas.circulation',
      everyMs: AGENDA_JOB_EVERY_MS,
      async run(now) {
        const [live, fora] = await Promise.all([services.agendas.listLive(), services.fora.list()]);
        const byId = new Map(fora.map((f) => [f.id, f]));
        await inGroups(live, TENDED_AT_ONCE, async (entry) => {
          const [forum, agenda] = [byId.get(entry.forumId), await services.agendas.findById(entry.forumId, entry.agendaId)];
          if (forum === undefined || agenda === undefined) {
            await services.agendas.settle(entry); // its forum or the agenda itself is gone
            return;
          }
          // Judged on the agenda as read before this run's steps: if nothing was due then, nothing was done.
          const settled = !needsTending(agenda, channelOf(forum) !== undefined, now);
          await tend(services, forum, agenda, now);
          if (settled) await services.agendas.settle(entry);
        });
      },
    },
    {
      name: 'agendas.live.sweep',
      everyMs: AGENDA_SWEEP_EVERY_MS,
      async run(now) {
        let listed = 0;
        for (const forum of await services.fora.list()) listed += await relistAgendas(services, forum, now);
        if (listed > 0) services.logger.debug({ listed }, 'agendas: live agendas listed again by the sweep');
      },
    },
  ];
}
