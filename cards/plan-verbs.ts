import { z } from 'zod';
import { EntityId } from '../domain/shared/ids';
import { InitiativeStatus } from '../domain/plan/initiative';

/** The plan's card verbs. */
export const PLAN_VERBS = {
  show: 'plan.show',
  initiativeForm: 'plan.initiative.form',
  initiativeSave: 'plan.initiative.save',
  initiativeShow: 'plan.initiative.show',
  initiativeStatus: 'plan.initiative.status',
  textForm: 'plan.text.form',
  textSave: 'plan.text.save',
  send: 'plan.send',
  approve: 'plan.approve',
  sendBack: 'plan.sendBack',
} as const;

/** Which plan a card shows: the published (approved) one, or the draft being written. */
export const PlanMode = z.enum(['published', 'draft']);
export type PlanMode = z.infer<typeof PlanMode>;

export const PlanShowData = z.object({ mode: PlanMode.optional() });
export const InitiativeRefData = z.object({ initiativeId: EntityId });
export const InitiativeFormData = z.object({ initiativeId: EntityId.optional() });

// Texts stay loose here: the domain checks each field and the form comes back with the reason beside it.
const typed = z.union([z.string().max(100_000), z.number()]).optional();
export const InitiativeSaveData = z.object({
  initiativeId: EntityId.optional(),
  focusArea: typed,
  project: typed,
  purpose: typed,
  fromYear: typed,
  toYear: typed,
  targetGroup: typed,
  ageFrom: typed,
  ageTo: typed,
  area: typed,
  contactName: typed,
  forumId: EntityId,
  status: InitiativeStatus,
  public: z.union([z.string().max(10), z.boolean()]).optional(),
});
export type InitiativeSaveData = z.infer<typeof InitiativeSaveData>;

export const InitiativeStatusData = z.object({ initiativeId: EntityId, status: InitiativeStatus });
export const PlanTextSaveData = z.object({ basis: z.string().max(100_000).default(''), strategy: z.string().max(100_000).default('') });
export const PlanSendData = z.object({});
/** The round the chair answers (when it was sent), so an old card cannot approve a later round. */
export const PlanApproveData = z.object({ sentAt: z.string().min(1).max(40) });
export const PlanSendBackData = z.object({ sentAt: z.string().min(1).max(40), comment: z.string().max(100_000).default('') });

export const PLAN_SETTINGS_VERBS = { show: 'plan.settings.show', save: 'plan.settings.save' } as const;
export const PlanSettingsShowData = z.object({});
export const PlanSettingsSaveData = z.object({
  ownerForumId: EntityId,
  steeringForumId: EntityId,
  reminderMonth: z.union([z.string().max(10), z.number()]),
  /** Absent on a card sent before the setting existed: the chair, as before. */
  approvers: z.enum(['chair', 'members']).default('chair'),
});
