import type { ActionItemRepository } from '../../domain/actions/action-item.repository';
import type { AgendaInputRepository, AgendaRepository } from '../../domain/agendas/agenda.repository';
import type { AuditRepository } from '../../domain/audit/audit.repository';
import type { ConversationRepository, KnownUserRepository } from '../../domain/conversations/conversation.repository';
import type { EscalationRepository } from '../../domain/escalations/escalation.repository';
import type { ForumRepository, MemberRepository } from '../../domain/fora/forum.repository';
import type { MeetingRepository, MeetingSeriesRepository } from '../../domain/meetings/meeting.repository';
import type { Clock } from '../../domain/shared/time';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Outbox } from '../outbox/outbox';

/**
 * What the handlers, routes and jobs may use: repositories (never tables), the outbox for every
 * proactive message, the clock, configuration and the logger.
 */
export interface BotServices {
  config: Config;
  logger: Logger;
  clock: Clock;
  fora: ForumRepository;
  members: MemberRepository;
  meetingSeries: MeetingSeriesRepository;
  meetings: MeetingRepository;
  agendas: AgendaRepository;
  agendaInputs: AgendaInputRepository;
  actionItems: ActionItemRepository;
  escalations: EscalationRepository;
  conversations: ConversationRepository;
  knownUsers: KnownUserRepository;
  audit: AuditRepository;
  outbox: Outbox;
}
