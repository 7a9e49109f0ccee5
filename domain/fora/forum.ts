import { z } from 'zod';
import { GuardedEmail, GuardedText } from '../shared/guarded-text';
import { EscalationDeadlineSettings } from '../escalations/escalation-deadline-settings';
import { RetentionOverrides } from '../privacy/retention-settings';
import { ReminderSettings } from '../reminders/reminder-settings';
import { EntityId, UserId } from '../shared/ids';

/** The three SSP levels, from the bottom of the chain to the top. */
export const LEVELS = ['executing', 'coordinating', 'strategic'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

export const levelRank = (level: Level): number => LEVELS.indexOf(level);

export const ROLES = ['chair', 'secretary', 'member', 'consultant', 'manager'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** A person with their roles in one forum. The id is the Entra object id Teams sends. */
export const Member = z.object({
  userId: UserId,
  displayName: GuardedText.trim().min(1).max(200),
  email: GuardedEmail.optional(),
  roles: z.array(Role).min(1).max(ROLES.length),
});
export type Member = z.infer<typeof Member>;

/** The Teams conversation (usually a channel) a forum lives in, kept for proactive posts. */
export const TeamsLink = z.object({
  conversationId: z.string().min(1).max(1024),
  serviceUrl: z.url(),
  tenantId: z.string().min(1).max(128),
  teamId: z.string().min(1).max(1024).optional(),
  channelName: GuardedText.max(200).optional(),
});
export type TeamsLink = z.infer<typeof TeamsLink>;

export const ForumName = GuardedText.trim().min(1).max(100);

/** A part of the municipality a case can be placed in (school district, housing area, "hele kommunen"). */
export const Area = z.object({
  id: z.string().min(1).max(100).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name: GuardedText.trim().min(1).max(100),
});
export type Area = z.infer<typeof Area>;
export const MAX_AREAS = 50;
/** At most this many analysts per municipality (the half-yearly picture's commentary). */
export const MAX_ANALYSTS = 10;

export const Forum = z.object({
  id: EntityId,
  name: ForumName,
  level: Level,
  /** The forum one step up the chain; absent at the top. */
  escalatesTo: EntityId.optional(),
  /** Who sits in the forum by function (from the municipality's description), shown on its card. */
  description: GuardedText.max(2000).optional(),
  /** Fora such as Infohus: content visible to members only, also when a case goes up the chain. */
  sensitive: z.boolean().default(false),
  teams: TeamsLink.optional(),
  /** Lead times of the forum's meeting reminders; absent: the defaults. */
  reminders: ReminderSettings.optional(),
  /** When unacknowledged cases remind the managers and go one level up; absent: the defaults. */
  escalationDeadlines: EscalationDeadlineSettings.optional(),
  /** How long this forum's data is kept where it differs from the municipality's periods. */
  retention: RetentionOverrides.optional(),
  /** The municipality's areas (from the fora file), offered when a case is raised here. */
  areas: z.array(Area).max(MAX_AREAS).optional(),
  /**
   * The municipality's analysts (from the fora file, by Entra object id), who comment on the
   * half-yearly picture before it goes to the Lokalråd; every forum carries the same list. Absent:
   * the coordinating forum's chair is the analyst.
   */
  analysts: z.array(UserId).max(MAX_ANALYSTS).optional(),
  /** Opaque storage version (ETag); absent before the first save. */
  version: z.string().optional(),
});
export type Forum = z.infer<typeof Forum>;
