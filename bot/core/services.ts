import type { OutboxRepository } from '../../domain/outbox/outbox.repository';
import type { Repositories } from '../../domain/repositories';
import type { Clock } from '../../domain/shared/time';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Outbox } from '../outbox/outbox';
import type { ReachService } from '../reach/reach.service';

/**
 * What handlers, routes and jobs may use: the repositories (never tables), the outbox for every
 * proactive message instead of its repository, the clock, configuration and the logger.
 */
export interface BotServices extends Omit<Repositories, 'outbox'> {
  config: Config;
  logger: Logger;
  clock: Clock;
  outbox: Outbox;
  /** What data protection needs of the outbox's rows: expired ones (retention), a person's (access request). */
  outboxRecords: OutboxRecords;
  /** Teams, rosters and channels the bot reaches people through; waiting cards for the newly reachable. */
  reach: ReachService;
}

export type OutboxRecords = Pick<OutboxRepository, 'listFinishedBefore' | 'indexFinished' | 'removeFinished' | 'listByRecipient'>;
