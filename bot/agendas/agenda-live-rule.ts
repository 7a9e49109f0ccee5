import type { Agenda } from '../../domain/agendas/agenda';
import type { AgendaRepository } from '../../domain/agendas/agenda.repository';
import { mayNeedTending } from '../../domain/agendas/agenda.rules';

/**
 * The agendas with the bot's clock deciding which writes list an agenda for the circulation job:
 * only one that may still need tending (storage alone lists every write). An old agenda rewritten
 * — a person's name taken out after they left — then costs no list row and no work for the job.
 */
export function withLiveRule(agendas: AgendaRepository, now: () => Date): AgendaRepository {
  const live = (next: Agenda): boolean => mayNeedTending(next, now());
  return {
    ...agendas,
    save: (agenda, options) => agendas.save(agenda, { live, ...options }),
    update: (forumId, id, change, options) => agendas.update(forumId, id, change, { live, ...options }),
  };
}
