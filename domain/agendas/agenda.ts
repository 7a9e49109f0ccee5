import { z } from 'zod';
import { EntityId, UserId } from '../shared/ids';
import { Instant } from '../shared/time';

export const AGENDA_STATES = ['draft', 'published'] as const;
export const AgendaState = z.enum(AGENDA_STATES);

export const AgendaItem = z.object({
  id: EntityId,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
  presenter: z.string().trim().max(200).optional(),
  documentUrl: z.url().max(2000).optional(),
  inputWanted: z.boolean().default(false),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Circulation = z.object({
  deadline: Instant,
  consultantIds: z.array(UserId).max(2000),
  sentAt: Instant,
  briefingCompiledAt: Instant.optional(),
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
  /** The activity id of the posted agenda card, so edits update it in place. */
  postedActivityId: z.string().max(1024).optional(),
  circulation: Circulation.optional(),
  version: z.string().optional(),
});
export type Agenda = z.infer<typeof Agenda>;

export const AGENDA_INPUT_MAX_LENGTH = 4000;

/** One consultant's comment on one agenda item, or their "no comments" for the whole agenda. */
export const AgendaInput = z.object({
  agendaId: EntityId,
  /** The item commented on; absent for "no comments". */
  itemId: EntityId.optional(),
  authorId: UserId,
  authorName: z.string().trim().min(1).max(200),
  authorForumId: EntityId,
  text: z.string().max(AGENDA_INPUT_MAX_LENGTH),
  noComments: z.boolean().default(false),
  agendaRevision: z.number().int().min(0),
  savedAt: Instant,
  version: z.string().optional(),
});
export type AgendaInput = z.infer<typeof AgendaInput>;
