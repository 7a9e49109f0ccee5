import { z } from 'zod';
import { GuardedText } from '../shared/guarded-text';
import { EntityId, UserId } from '../shared/ids';
import { TEXT_LIMITS } from '../shared/text-limits';
import { Instant } from '../shared/time';
import { Initiative, InitiativeStatus } from './initiative';
import { Organisation } from './organisation';

/**
 * Where the working copy of the plan stands:
 * - `draft`: being written (also after a send-back, with the steering group's comment);
 * - `sent`: waiting for the steering group's chair;
 * - `approved`: the latest version is approved; status changes since are adjustments ("justeret").
 */
export const PLAN_STATES = ['draft', 'sent', 'approved'] as const;
export const PlanState = z.enum(PLAN_STATES);
export type PlanState = z.infer<typeof PlanState>;

/** Who in the steering group approves: its chair (the default), or any of its members. */
export const PLAN_APPROVERS = ['chair', 'members'] as const;
export const PlanApprovers = z.enum(PLAN_APPROVERS);
export type PlanApprovers = z.infer<typeof PlanApprovers>;

/** A status change after approval: the plan is "justeret" without a new approval. */
export const PlanAdjustment = z.object({
  at: Instant,
  initiativeId: EntityId,
  project: z.string(),
  from: InitiativeStatus,
  to: InitiativeStatus,
});
export type PlanAdjustment = z.infer<typeof PlanAdjustment>;

/** What the steering group is asked to approve: the plan's content at the moment it was sent. */
export const PlanContent = z.object({
  basis: z.string(),
  strategy: z.string(),
  organisation: Organisation,
  /** Every initiative of the draft as it stood, with its status; the published view filters them. */
  initiatives: z.array(Initiative),
});
export type PlanContent = z.infer<typeof PlanContent>;

const section = GuardedText.trim().max(TEXT_LIMITS.planSection);

/** The plan's working copy and settings; one per municipality (one per deployment). */
export const PlanRecord = z.object({
  /** The forum that writes the plan (default: the coordinating forum below the steering group). */
  ownerForumId: EntityId,
  /** The strategic forum that approves it. */
  steeringForumId: EntityId,
  /** The month (1–12) the yearly reminder to revise the plan goes out. */
  reminderMonth: z.number().int().min(1).max(12).default(1),
  /** The steering group's setting: its chair approves, or any member of it. */
  approvers: PlanApprovers.default('chair'),
  /** Grundlag og formål. */
  basis: section.default(''),
  strategy: section.default(''),
  state: PlanState.default('draft'),
  /** What was sent for approval; kept until approved or sent back. */
  pending: PlanContent.optional(),
  sentAt: Instant.optional(),
  sentBy: UserId.optional(),
  /** The steering group's comment when it sent the draft back. */
  sentBackComment: GuardedText.trim().max(TEXT_LIMITS.planComment).optional(),
  /** The number of the latest approved version (0: none yet). */
  approvedVersion: z.number().int().min(0).default(0),
  /** Status changes since the latest approval. */
  adjustments: z.array(PlanAdjustment).max(500).default([]),
  /** Initiatives created since the latest approval: they wait for a new approval. */
  addedSinceApproval: z.array(EntityId).max(500).default([]),
  updatedAt: Instant.optional(),
  version: z.string().optional(),
});
export type PlanRecord = z.infer<typeof PlanRecord>;

/** An approved version: frozen, never written again. */
export const PlanVersion = z.object({
  number: z.number().int().min(1),
  content: PlanContent,
  sentAt: Instant,
  sentBy: UserId,
  approvedAt: Instant,
  approvedBy: UserId,
});
export type PlanVersion = z.infer<typeof PlanVersion>;
