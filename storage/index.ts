import type { Repositories } from '../domain/repositories';
import { z } from 'zod';
import { createActionItemRepository } from './table-action-item.repository';
import { createAgendaInputRepository } from './table-agenda-input.repository';
import { createAgendaRepository, type CleanupErrorReporter } from './table-agenda.repository';
import { createAuditRepository } from './table-audit.repository';
import { createTableSet, TablePrefix, type StorageConnection } from './table-client';
import { createConversationRepository } from './table-conversation.repository';
import { createEscalationRepository } from './table-escalation.repository';
import { withChangeMarks } from './forum-change-marks';
import { withKeptForaList } from './kept-fora-list';
import { createForumRepository } from './table-forum.repository';
import { createJobLeaseRepository } from './table-job-lease.repository';
import { createJobStateRepository } from './table-job-state.repository';
import { createKnownUserRepository } from './table-known-user.repository';
import { createPictureRepository } from './table-picture.repository';
import { createPictureReportRepository } from './table-picture-report.repository';
import { createReminderIndexRepository } from './table-reminder-index.repository';
import { createMeetingSeriesRepository } from './table-meeting-series.repository';
import { createMeetingRepository } from './table-meeting.repository';
import { createMemberRepository } from './table-member.repository';
import { createOutboxRepository } from './table-outbox.repository';
import { outboxTableIn } from './table-outbox.table';
import { createTeamRosterRepository } from './table-team-roster.repository';
import { createInitiativeRepository } from './table-initiative.repository';
import { createPlanRepository } from './table-plan.repository';

/** Every repository, plus what the bot and tests need of the storage account itself. */
export interface Storage extends Repositories {
  ping(): Promise<void>;
  /** Deletes this prefix's tables. For tests: refused when there is no prefix. */
  dropAll(): Promise<void>;
}

export interface StorageOptions {
  /** Put before every table name (letters and digits), so tests and deployments can share an account. */
  tablePrefix?: string;
  /**
   * Told when a write's after-work failed: removing rows nobody reads any more (old agenda
   * revisions), or moving a forum's change mark after the write. The write itself succeeded.
   * Defaults to a process warning.
   */
  onCleanupError?: CleanupErrorReporter;
}

const Options = z.object({ tablePrefix: TablePrefix.default('') });

const warnCleanup: CleanupErrorReporter = (error, context) =>
  process.emitWarning(`storage clean-up failed: ${error instanceof Error ? error.message : String(error)} ${JSON.stringify(context)}`, 'ForumbotStorage');

export type { StorageConnection } from './table-client';

/**
 * Builds the repositories; tables are created lazily, on first use. A connection string for
 * Azurite, or `{ accountUrl }` for a real account reached without keys (DefaultAzureCredential).
 */
export function createStorage(connection: StorageConnection, options: StorageOptions = {}): Storage {
  const { tablePrefix } = Options.parse({ tablePrefix: options.tablePrefix });
  const checked = typeof connection === 'string' ? z.string().trim().min(1, 'connection string is empty').parse(connection) : connection;
  const tables = createTableSet(checked, tablePrefix);
  const reminderIndex = createReminderIndexRepository(tables);
  // Every write to what reminders are made of moves the forum's change mark: the reminder job keeps what it read until then.
  const marked = withChangeMarks(
    {
      fora: createForumRepository(tables),
      members: createMemberRepository(tables),
      meetingSeries: createMeetingSeriesRepository(tables),
      meetings: createMeetingRepository(tables),
      agendas: createAgendaRepository(tables, options.onCleanupError ?? warnCleanup),
    },
    reminderIndex,
    options.onCleanupError ?? warnCleanup,
  );
  return {
    ...marked,
    // The list of fora is kept per process while its mark stands (a point read instead of every forum).
    fora: withKeptForaList(marked.fora, tables, options.onCleanupError ?? warnCleanup),
    agendaInputs: createAgendaInputRepository(tables),
    actionItems: createActionItemRepository(tables),
    escalations: createEscalationRepository(tables),
    audit: createAuditRepository(tables),
    conversations: createConversationRepository(tables),
    knownUsers: createKnownUserRepository(tables),
    teamRosters: createTeamRosterRepository(tables),
    outbox: createOutboxRepository(outboxTableIn(tables)),
    jobLeases: createJobLeaseRepository(tables),
    jobState: createJobStateRepository(tables),
    reminderIndex,
    plans: createPlanRepository(tables),
    initiatives: createInitiativeRepository(tables),
    picture: createPictureRepository(tables),
    pictureReports: createPictureReportRepository(tables),
    ping: () => tables.ping(),
    dropAll: () => tables.dropAll(),
  };
}
