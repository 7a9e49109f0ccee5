import { localDateOf } from '../../domain/actions/local-date';
import type { Forum, Member } from '../../domain/fora/forum';
import { changedFields } from '../../domain/plan/initiative-form';
import { Initiative, type InitiativeFields, type InitiativeStatus } from '../../domain/plan/initiative';
import { organisationOf } from '../../domain/plan/organisation';
import { PlanRecord, type PlanContent, type PlanVersion } from '../../domain/plan/plan';
import { afterInitiativeChange, canEditPlan, checkStatusChange, defaultPlanFora } from '../../domain/plan/plan.rules';
import { assertAllowed, DomainError } from '../../domain/shared/domain-error';
import { newId } from '../../domain/shared/ids';
import { AlreadyExistsError } from '../../domain/shared/repository-errors';
import { audit } from '../core/audit';
import { announceAdjustment } from './plan-adjusted';
import type { BotServices } from '../core/services';

/** The plan's working copy; made on first use with the owner and steering group the registry suggests. */
export async function planRecord(services: Pick<BotServices, 'plans' | 'fora'>): Promise<PlanRecord> {
  const found = await services.plans.find();
  if (found !== undefined) return found;
  const fora = defaultPlanFora(await services.fora.list());
  if (fora === undefined) throw new DomainError('PLAN.NO_FORA');
  try {
    return await services.plans.save(PlanRecord.parse(fora));
  } catch (error) {
    // Another instance made it first: use theirs.
    if (error instanceof AlreadyExistsError) return (await services.plans.find()) ?? Promise.reject(error);
    throw error;
  }
}

/** For access declarations: the forum that owns the plan, and the steering group. */
export const ownerForumOf = async (_data: unknown, services: BotServices): Promise<string> => (await planRecord(services)).ownerForumId;
export const steeringForumOf = async (_data: unknown, services: BotServices): Promise<string> => (await planRecord(services)).steeringForumId;

/** The year "now" is in, in the municipality's zone: the plan's rule is read at this year. */
export const planYear = (services: Pick<BotServices, 'clock' | 'config'>): number => Number(localDateOf(services.clock.now(), services.config.timeZone).slice(0, 4));

export interface PlanWorld {
  record: PlanRecord;
  fora: Forum[];
  foraById: Map<string, Forum>;
  initiatives: Initiative[];
  version?: PlanVersion;
}

export async function loadPlanWorld(services: BotServices): Promise<PlanWorld> {
  const record = await planRecord(services);
  const [fora, initiatives, version] = await Promise.all([
    services.fora.list(),
    services.initiatives.list(),
    record.approvedVersion > 0 ? services.plans.findVersion(record.approvedVersion) : Promise.resolve(undefined),
  ]);
  return { record, fora, foraById: new Map(fora.map((f) => [f.id, f])), initiatives, ...(version === undefined ? {} : { version }) };
}

/** The draft's content as it stands: the organisation generated from the registry now. */
export async function draftContent(services: BotServices, world: PlanWorld): Promise<PlanContent> {
  const members = new Map<string, Member[]>(await Promise.all(world.fora.map(async (f) => [f.id, await services.members.listByForum(f.id)] as const)));
  return { basis: world.record.basis, strategy: world.record.strategy, organisation: organisationOf(world.fora, members), initiatives: world.initiatives };
}

/** The actor may write the plan: a consultant or the chair of the owning forum. */
export async function assertPlanEditor(services: BotServices, userId: string): Promise<PlanRecord> {
  const record = await planRecord(services);
  assertAllowed(canEditPlan(await services.members.find(record.ownerForumId, userId)));
  return record;
}

/**
 * Creates or edits an initiative: one conditional write, a history row, an audit event in the owning
 * forum, and the plan's record told what it means for the approved version (added or adjusted).
 */
export async function saveInitiative(services: BotServices, actorId: string, fields: InitiativeFields, initiativeId: string | undefined): Promise<Initiative> {
  const record = await assertPlanEditor(services, actorId);
  if ((await services.fora.findById(fields.forumId)) === undefined) throw new DomainError('PLAN.FORUM_UNKNOWN', { field: 'forumId' });
  const now = services.clock.now().toISOString();
  const before = initiativeId === undefined ? undefined : await services.initiatives.findById(initiativeId);
  if (initiativeId !== undefined && before === undefined) throw new DomainError('PLAN.INITIATIVE_NOT_FOUND');
  // Parsed again as a whole: optional fields left empty on the form are removed, not kept from before.
  const candidate = Initiative.parse({
    id: before?.id ?? newId(),
    actionItemIds: before?.actionItemIds ?? [],
    caseIds: before?.caseIds ?? [],
    createdAt: before?.createdAt ?? now,
    ...fields,
    updatedAt: now,
    updatedBy: actorId,
    ...(before?.version === undefined ? {} : { version: before.version }),
  });
  const after = await services.initiatives.save(candidate);
  const fieldsChanged = before === undefined ? [] : changedFields(before, after);
  const kind = before === undefined ? 'created' : fieldsChanged.length === 1 && fieldsChanged[0] === 'status' ? 'status' : 'edited';
  await recordChange(services, actorId, before, after, kind, fieldsChanged, record);
  return after;
}

/** Changes only the status (the initiative card's form). */
export async function changeInitiativeStatus(services: BotServices, actorId: string, initiativeId: string, status: InitiativeStatus): Promise<Initiative> {
  const record = await assertPlanEditor(services, actorId);
  const before = await services.initiatives.findById(initiativeId);
  if (before === undefined) throw new DomainError('PLAN.INITIATIVE_NOT_FOUND');
  const verdict = checkStatusChange(before.status, status);
  if (!verdict.ok) throw new DomainError(verdict.code, { ...verdict.context, field: 'status' });
  const after = await services.initiatives.save({ ...before, status, updatedAt: services.clock.now().toISOString(), updatedBy: actorId });
  await recordChange(services, actorId, before, after, 'status', ['status'], record);
  return after;
}

/** History row, audit event, and what the change means for the approved plan. */
async function recordChange(services: BotServices, actorId: string, before: Initiative | undefined, after: Initiative, kind: 'created' | 'edited' | 'status', fields: string[], record: PlanRecord): Promise<void> {
  const at = services.clock.now();
  await services.initiatives.appendHistory({
    initiativeId: after.id,
    at: at.toISOString(),
    actorId,
    kind,
    fields,
    ...(before !== undefined && before.status !== after.status ? { fromStatus: before.status, toStatus: after.status } : {}),
  });
  await audit(services, { forumId: record.ownerForumId, actorId, action: `plan.initiative.${kind}`, subject: after.project, ...(before === undefined ? {} : { before }), after });
  if (record.approvedVersion === 0) return;
  const adjusted = await services.plans.update((current) => afterInitiativeChange(current, before, after, at));
  if (adjusted.adjustments.length > record.adjustments.length) await announceAdjustment(services, adjusted, after, actorId);
}
