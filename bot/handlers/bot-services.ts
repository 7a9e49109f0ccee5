import type { AuditRepository } from '../../domain/audit/audit.repository';
import type { ConversationRepository, KnownUserRepository } from '../../domain/conversations/conversation.repository';
import type { ForumRepository, MemberRepository } from '../../domain/fora/forum.repository';
import type { Clock } from '../../domain/shared/time';
import type { Config } from '../config';
import type { Logger } from '../logger';

/** What the handlers may use: repositories (never tables), the clock, configuration and the logger. */
export interface BotServices {
  config: Config;
  logger: Logger;
  clock: Clock;
  fora: ForumRepository;
  members: MemberRepository;
  conversations: ConversationRepository;
  knownUsers: KnownUserRepository;
  audit?: AuditRepository;
}
