import { z } from 'zod';
import { GuardedText } from '../shared/guarded-text';
import { EntityId, UserId } from '../shared/ids';
import { TEXT_LIMITS } from '../shared/text-limits';
import { Instant } from '../shared/time';

/** Where an initiative stands; only planned and running ones belong in the published plan. */
export const INITIATIVE_STATUSES = ['planned', 'running', 'on_hold', 'ended'] as const;
export const InitiativeStatus = z.enum(INITIATIVE_STATUSES);
export type InitiativeStatus = z.infer<typeof InitiativeStatus>;

/** A calendar year an initiative can run in. */
export const PlanYear = z.number().int().min(2000).max(2100);

const text = (max: number) => GuardedText.trim().min(1).max(max);

/** An age range of the target group ("12–14-årige"). */
export const AgeRange = z
  .object({ from: z.number().int().min(0).max(120), to: z.number().int().min(0).max(120) })
  .refine((r) => r.from <= r.to, { message: 'PLAN.AGE_ORDER' });

/**
 * One initiative of the local action plan, as the 2017 plan lists them: focus area, project,
 * purpose (Formål), time frame (Tidsramme), target group (Målgruppe).
 */
export const Initiative = z
  .object({
    id: EntityId,
    focusArea: text(TEXT_LIMITS.planFocusArea),
    project: text(TEXT_LIMITS.planProject),
    purpose: text(TEXT_LIMITS.planPurpose),
    fromYear: PlanYear,
    toYear: PlanYear,
    targetGroup: text(TEXT_LIMITS.planTargetGroup),
    ages: AgeRange.optional(),
    area: text(TEXT_LIMITS.planArea).optional(),
    /** The forum responsible for carrying it out. */
    forumId: EntityId,
    contactName: text(TEXT_LIMITS.personName).optional(),
    status: InitiativeStatus,
    /** An initiative of a sensitive forum shows only to its members unless this is set. */
    public: z.boolean().default(false),
    actionItemIds: z.array(EntityId).max(100).default([]),
    caseIds: z.array(EntityId).max(100).default([]),
    createdAt: Instant,
    updatedAt: Instant,
    updatedBy: UserId.optional(),
    /** Opaque storage version (ETag); absent before the first save. */
    version: z.string().optional(),
  })
  .refine((i) => i.fromYear <= i.toYear, { message: 'PLAN.YEAR_ORDER', path: ['toYear'] });
export type Initiative = z.infer<typeof Initiative>;

/** What a person types for an initiative (the form's fields, already shaped). */
export type InitiativeFields = Pick<Initiative, 'focusArea' | 'project' | 'purpose' | 'fromYear' | 'toYear' | 'targetGroup' | 'forumId' | 'status' | 'public'> &
  Partial<Pick<Initiative, 'ages' | 'area' | 'contactName'>>;

/** One line of an initiative's history: who changed what, when. */
export const InitiativeChange = z.object({
  initiativeId: EntityId,
  at: Instant,
  actorId: UserId.optional(),
  kind: z.enum(['created', 'edited', 'status']),
  /** The fields that changed, by name. */
  fields: z.array(z.string().max(40)).max(20),
  fromStatus: InitiativeStatus.optional(),
  toStatus: InitiativeStatus.optional(),
});
export type InitiativeChange = z.infer<typeof InitiativeChange>;
