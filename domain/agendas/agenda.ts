import { z } from 'zod';
import { GuardedText, GuardedUrl } from '../shared/guarded-text';
import { EntityId, UserId } from '../shared/ids';
import { TEXT_LIMITS } from '../shared/text-limits';
import { Instant, LocalDate } from '../shared/time';

export const AGENDA_STATES = ['draft', 'published'] as const;
export const AgendaState = z.enum(AGENDA_STATES);

export const AgendaItem = z.object({
  id: EntityId,
  title: GuardedText.trim().min(1).max(TEXT_LIMITS.agendaItemTitle),
  description: GuardedText.trim().max(TEXT_LIMITS.agendaItemDescription).default(''),
  presenter: GuardedText.trim().max(TEXT_LIMITS.presenter).optional(),
  documentUrl: GuardedUrl.max(TEXT_LIMITS.documentUrl).optional(),
  inputWanted: z.boolean().default(false),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** A consultant on the circulation list, with the forum they answer for (shown in the briefing). */
export const CirculatedConsultant = z.object({
  userId: UserId,
  name: GuardedText.trim().min(1).max(200),
  forumId: EntityId,
  forumName: GuardedText.trim().min(1).max(100),
});
export type CirculatedConsultant = z.infer<typeof CirculatedConsultant>;

export const CIRCULATION_MAX_CONSULTANTS = 2000;
/** Default time before the deadline at which the missing get an automatic reminder. */
export const DEFAULT_REMINDER_LEAD_MINUTES = 24 * 60;

export const Circulation = z.object({
  deadline: Instant,
  consultantIds: z.array(UserId).max(CIRCULATION_MAX_CONSULTANTS),
  sentAt: Instant,
  briefingCompiledAt: Instant.optional(),
  /** Name and forum of each consultant in `consultantIds` (same order). */
  consultants: z.array(CirculatedConsultant).max(CIRCULATION_MAX_CONSULTANTS).optional(),
  /** The forum's name when circulated: the consultants' cards show it without another read. */
  forumName: GuardedText.trim().max(100).optional(),
  /** Set once every consultant's card is in the outbox; absent after a crash, so the job finishes the job. */
  cardsQueuedAt: Instant.optional(),
  /** How many had answered when the progress card in the channel was last brought up to date. */
  shownAnswered: z.number().int().min(0).optional(),
  /** The fora whose consultants were picked. */
  forumIds: z.array(EntityId).max(100).optional(),
  circulatedBy: UserId.optional(),
  /** How long before the deadline the automatic reminder goes to those who have not answered. */
  reminderLeadMinutes: z.number().int().min(0).max(14 * 24 * 60).optional(),
  autoReminderSentAt: Instant.optional(),
  /** The local date of the last "remind the missing" (at most once a day). */
  lastManualReminderOn: LocalDate.optional(),
  /** Beside chair and secretary, who may see the briefing. */
  sharedWith: z.array(UserId).max(60).optional(),
  /** Secret for signing briefing download links (per agenda, so every instance can check them). */
  briefingKey: z.string().min(16).max(100).optional(),
});
export type Circulation = z.infer<typeof Circulation>;

/** A meeting's agenda. Items are kept in order; `revision` grows with every edit (stale-card check). */
export const Agenda = z.object({
  id: EntityId,
  forumId: EntityId,
  meetingStart: Instant,
  meetingId: EntityId.optional(),
  state: AgendaState,
  revision: z.number().int().min(0),
  items: z.array(AgendaItem).max(100),
  updatedBy: UserId.optional(),
  updatedAt: Instant.optional(),
  /** Shown on the posted card ("opdateret … af …"). */
  updatedByName: GuardedText.trim().max(200).optional(),
  /** The activity id of the posted agenda card, so edits update it in place. */
  postedActivityId: z.string().max(1024).optional(),
  circulation: Circulation.optional(),
  /** Consultants' input is gathered for this agenda (always offered for the Kredsråd; the chair turns it on elsewhere). */
  circulationEnabled: z.boolean().optional(),
  /** The revision the card in the channel shows; behind `revision` means it still needs updating. */
  postedRevision: z.number().int().min(0).optional(),
  publishedAt: Instant.optional(),
  createdBy: UserId.optional(),
  version: z.string().optional(),
});
export type Agenda = z.infer<typeof Agenda>;

export const AGENDA_INPUT_MAX_LENGTH = TEXT_LIMITS.agendaInput;

/** One consultant's comment on one agenda item, or their "no comments" for the whole agenda. */
export const AgendaInput = z.object({
  agendaId: EntityId,
  /** The item commented on; absent for "no comments". */
  itemId: EntityId.optional(),
  authorId: UserId,
  authorName: GuardedText.trim().min(1).max(200),
  authorForumId: EntityId,
  text: GuardedText.max(AGENDA_INPUT_MAX_LENGTH),
  noComments: z.boolean().default(false),
  agendaRevision: z.number().int().min(0),
  savedAt: Instant,
  version: z.string().optional(),
});
export type AgendaInput = z.infer<typeof AgendaInput>;
