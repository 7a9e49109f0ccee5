import { ActionItem } from '../../domain/actions/action-item';
import { Agenda, AgendaInput, AgendaItem } from '../../domain/agendas/agenda';
import { AuditEvent } from '../../domain/audit/audit-event';
import { Escalation, EscalationStep } from '../../domain/escalations/escalation';
import { Forum, Member } from '../../domain/fora/forum';
import { Meeting, MeetingSeries } from '../../domain/meetings/meeting';
import { uniqueId } from './storage-kit';

/**
 * Object mothers: valid aggregates with sensible Danish defaults. Overrides are applied after
 * validation, so a test can also build what the domain would refuse (e.g. text over a size limit).
 */
export const aForum = (over: Partial<Forum> = {}): Forum => ({
  ...Forum.parse({ id: uniqueId('forum'), name: 'SSP-NU u18', level: 'coordinating', escalatesTo: 'koordinationsgruppen' }),
  ...over,
});

export const aMember = (over: Partial<Member> = {}): Member => ({
  ...Member.parse({ userId: uniqueId('user'), displayName: 'Søren Ærø', email: 'soeren@ishoj.dk', roles: ['member'] }),
  ...over,
});

export const aMeetingSeries = (forumId: string, over: Partial<MeetingSeries> = {}): MeetingSeries => ({
  ...MeetingSeries.parse({
    id: uniqueId('series'),
    forumId,
    title: 'Månedligt møde',
    firstDate: '2026-01-13',
    startTime: '09:00',
    durationMinutes: 90,
    rrule: 'FREQ=MONTHLY;BYDAY=2TU',
    timeZone: 'Europe/Copenhagen',
    location: 'Ishøj Rådhus, mødelokale 2',
  }),
  ...over,
});

export const aMeeting = (forumId: string, over: Partial<Meeting> = {}): Meeting => ({
  ...Meeting.parse({
    id: uniqueId('meeting'),
    forumId,
    start: '2026-02-10T08:00:00.000Z',
    end: '2026-02-10T09:30:00.000Z',
    status: 'scheduled',
  }),
  ...over,
});

export const anAgendaItem = (over: Partial<AgendaItem> = {}): AgendaItem => ({
  ...AgendaItem.parse({ id: uniqueId('item'), title: 'Udvikling i ungdomskriminalitet', description: 'Status fra politiet', inputWanted: true }),
  ...over,
});

export const anAgenda = (forumId: string, over: Partial<Agenda> = {}): Agenda => ({
  ...Agenda.parse({
    id: uniqueId('agenda'),
    forumId,
    meetingStart: '2026-03-10T08:00:00.000Z',
    state: 'draft',
    revision: 0,
    items: [anAgendaItem({ title: 'Godkendelse af dagsorden' }), anAgendaItem()],
  }),
  ...over,
});

export const anAgendaInput = (agendaId: string, authorId: string, over: Partial<AgendaInput> = {}): AgendaInput => ({
  ...AgendaInput.parse({
    agendaId,
    authorId,
    authorName: 'Konsulent Åse',
    authorForumId: 'ssp-netvaerk',
    text: 'Vi ser flere episoder ved stationen om aftenen.',
    agendaRevision: 1,
    savedAt: '2026-03-01T12:00:00.000Z',
  }),
  ...over,
});

export const anActionItem = (forumId: string, over: Partial<ActionItem> = {}): ActionItem => ({
  ...ActionItem.parse({
    id: uniqueId('action'),
    forumId,
    title: 'Indkald til møde med natteravnene',
    owner: { kind: 'member', userId: 'user-1', displayName: 'Mette' },
    dueDate: '2026-04-01',
    status: 'open',
    createdBy: 'user-1',
    createdAt: '2026-03-01T12:00:00.000Z',
    updatedAt: '2026-03-01T12:00:00.000Z',
  }),
  ...over,
});

export function anEscalation(originForumId: string, over: Partial<Escalation> = {}): { escalation: Escalation; firstStep: EscalationStep } {
  const escalation: Escalation = {
    ...Escalation.parse({
      id: uniqueId('case'),
      title: 'Uro ved stationen',
      description: 'Grupper af unge samles om aftenen; butikkerne melder om tyverier.',
      category: 'tryghed',
      urgency: 'normal',
      originForumId,
      currentForumId: originForumId,
      path: [originForumId],
      state: 'raised',
      raisedBy: { userId: 'user-1', displayName: 'Lokal SSP-konsulent' },
      raisedAt: '2026-03-01T12:00:00.000Z',
      updatedAt: '2026-03-01T12:00:00.000Z',
      stepCount: 1,
    }),
    ...over,
  };
  const firstStep = EscalationStep.parse({
    seq: 0,
    at: escalation.raisedAt,
    actor: escalation.raisedBy,
    action: 'raise',
    toState: 'raised',
    toForumId: originForumId,
  });
  return { escalation, firstStep };
}

export const anAuditEvent = (forumId: string, over: Partial<AuditEvent> = {}): AuditEvent => ({
  ...AuditEvent.parse({
    id: uniqueId('event'),
    forumId,
    at: '2026-03-01T12:00:00.000Z',
    actorId: 'user-1',
    action: 'forum.update',
    subject: `forum:${forumId}`,
  }),
  ...over,
});
