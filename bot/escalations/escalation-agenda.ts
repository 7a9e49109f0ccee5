import type { Agenda, AgendaItem } from '../../domain/agendas/agenda';
import type { Escalation } from '../../domain/escalations/escalation';
import type { Forum } from '../../domain/fora/forum';
import { DomainError } from '../../domain/shared/domain-error';
import { newId } from '../../domain/shared/ids';
import type { BotServices } from '../core/services';
import { upcomingMeetings } from '../meetings/upcoming-meetings';

/** Where a case goes on the forum's next meeting: an existing agenda, or a new draft for the meeting. */
export type AgendaTarget = { kind: 'agenda'; agenda: Agenda } | { kind: 'new'; meetingStart: string; meetingId?: string };

/**
 * The forum's next agenda (draft or published, meeting not yet begun); else its next meeting, for
 * which a draft agenda will be made. Refuses with ESCALATION.NO_MEETING when there is neither.
 */
export async function nextAgendaTarget(services: BotServices, forum: Forum, now: Date): Promise<AgendaTarget> {
  const agendas = (await services.agendas.listFrom(forum.id, now))
    .filter((a) => Date.parse(a.meetingStart) > now.getTime())
    .sort((a, b) => Date.parse(a.meetingStart) - Date.parse(b.meetingStart));
  const [next] = agendas;
  if (next !== undefined) return { kind: 'agenda', agenda: next };
  const [meeting] = (await upcomingMeetings(services, [forum.id], now, { limit: 1 })).filter((o) => Date.parse(o.start) > now.getTime());
  if (meeting === undefined) throw new DomainError('ESCALATION.NO_MEETING', { forum: forum.name });
  return { kind: 'new', meetingStart: meeting.start, ...(meeting.meetingId === undefined ? {} : { meetingId: meeting.meetingId }) };
}

/** Adds the case as an item (once: the item id comes from the case). Returns the meeting's start. */
export async function addCaseToAgenda(services: BotServices, target: AgendaTarget, forum: Forum, escalation: Escalation, item: Omit<AgendaItem, 'id'>, actorId: string): Promise<string> {
  const itemId = `esc-${escalation.id}`;
  const withItem = (agenda: Agenda): Agenda =>
    agenda.items.some((i) => i.id === itemId)
      ? agenda
      : { ...agenda, items: [...agenda.items, { ...item, id: itemId }], revision: agenda.revision + 1, updatedBy: actorId, updatedAt: services.clock.now().toISOString() };
  if (target.kind === 'agenda') {
    const saved = await services.agendas.update(forum.id, target.agenda.id, withItem);
    return saved.meetingStart;
  }
  const draft: Agenda = {
    id: newId(),
    forumId: forum.id,
    meetingStart: target.meetingStart,
    ...(target.meetingId === undefined ? {} : { meetingId: target.meetingId }),
    state: 'draft',
    revision: 0,
    items: [],
  };
  const saved = await services.agendas.save(withItem(draft));
  return saved.meetingStart;
}
