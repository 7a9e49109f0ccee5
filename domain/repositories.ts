import type { ActionItemRepository } from './actions/action-item.repository';
import type { AgendaInputRepository, AgendaRepository } from './agendas/agenda.repository';
import type { AuditRepository } from './audit/audit.repository';
import type { ConversationRepository, KnownUserRepository } from './conversations/conversation.repository';
import type { EscalationRepository } from './escalations/escalation.repository';
import type { ForumRepository, MemberRepository } from './fora/forum.repository';
import type { MeetingRepository, MeetingSeriesRepository } from './meetings/meeting.repository';
import type { JobLeaseRepository } from './jobs/job-lease';
import type { JobStateRepository } from './jobs/job-state';
import type { OutboxRepository } from './outbox/outbox.repository';
import type { InitiativeRepository, PlanRepository } from './plan/plan.repository';
import type { TeamRosterRepository } from './reach/team-roster.repository';
import type { ReminderIndexRepository } from './reminders/reminder-index';
import type { PictureRepository } from './picture/picture.repository';
import type { ReportDraftRepository } from './picture/report-draft';

/** Every repository the product keeps its data in; storage/ implements them all. */
export interface Repositories {
  fora: ForumRepository;
  members: MemberRepository;
  meetingSeries: MeetingSeriesRepository;
  meetings: MeetingRepository;
  agendas: AgendaRepository;
  agendaInputs: AgendaInputRepository;
  actionItems: ActionItemRepository;
  escalations: EscalationRepository;
  audit: AuditRepository;
  conversations: ConversationRepository;
  knownUsers: KnownUserRepository;
  /** Teams the app is in, with their channels and rosters (who the bot can reach through them). */
  teamRosters: TeamRosterRepository;
  outbox: OutboxRepository;
  jobLeases: JobLeaseRepository;
  /** Cursors of long jobs (retention), so a run continues where the last stopped. */
  jobState: JobStateRepository;
  reminderIndex: ReminderIndexRepository;
  /** The local action plan: its working copy, settings and frozen versions. */
  plans: PlanRepository;
  /** The plan's initiatives and their history. */
  initiatives: InitiativeRepository;
  /** The half-yearly picture's monthly cells, kept up to date as records change. */
  picture: PictureRepository;
  /** The half-yearly report's commentary per Lokalråd and period, draft until published. */
  pictureReports: ReportDraftRepository;
}
