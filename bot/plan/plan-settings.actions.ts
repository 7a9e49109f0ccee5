import { planSettingsCard } from '../../cards/plan-settings.card';
import { PLAN_SETTINGS_VERBS, PlanSettingsSaveData, PlanSettingsShowData } from '../../cards/plan-verbs';
import { PlanRecord } from '../../domain/plan/plan';
import { checkPlanFora } from '../../domain/plan/plan.rules';
import { assertAllowed, DomainError } from '../../domain/shared/domain-error';
import type { Access } from '../core/access';
import { audit } from '../core/audit';
import { cardAction, type ActionInput } from '../core/card-action';
import { formAction } from '../core/form-action';
import { ownerForumOf, planRecord } from './plan.service';
import { planTexts } from './plan.texts';

// The settings are the owning forum's chair's: the gate checks the role itself.
const ownerChair: Access<unknown> = { kind: 'forum', requirement: 'chair', forumId: ownerForumOf };

async function settingsCard(input: ActionInput, saved = false) {
  const [record, fora] = await Promise.all([planRecord(input.services), input.services.fora.list()]);
  const sorted = [...fora].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return planSettingsCard(planTexts[input.t.lang].settings, {
    fora: sorted.map((f) => ({ id: f.id, name: f.name })),
    strategic: sorted.filter((f) => f.level === 'strategic').map((f) => ({ id: f.id, name: f.name })),
    ownerForumId: record.ownerForumId,
    steeringForumId: record.steeringForumId,
    reminderMonth: record.reminderMonth,
    approvers: record.approvers,
    saved,
  });
}

const show = cardAction(PLAN_SETTINGS_VERBS.show, PlanSettingsShowData, ownerChair, (input) => settingsCard(input));

/**
 * `plan.settings.save`: the owner, the steering group (a strategic forum), who in it approves, and the reminder month.
 * Handing the plan to another forum moves the right to edit it there, so only the owner's chair may.
 */
const save = formAction(PLAN_SETTINGS_VERBS.save, PlanSettingsSaveData, ownerChair, { render: (input) => settingsCard(input) }, async (input, data) => {
  const month = Number(data.reminderMonth);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new DomainError('FIELD.INVALID', { field: 'reminderMonth' });
  const fora = new Map((await input.services.fora.list()).map((f) => [f.id, f]));
  assertAllowed(checkPlanFora(fora, data.ownerForumId, data.steeringForumId));
  const before = await planRecord(input.services);
  const saved = await input.services.plans.update((current) => PlanRecord.parse({ ...current, ownerForumId: data.ownerForumId, steeringForumId: data.steeringForumId, reminderMonth: month, approvers: data.approvers }));
  const pick = (r: PlanRecord) => ({ ownerForumId: r.ownerForumId, steeringForumId: r.steeringForumId, reminderMonth: r.reminderMonth, approvers: r.approvers });
  await audit(input.services, { forumId: before.ownerForumId, actorId: input.actor.userId, action: 'plan.settings.changed', subject: 'plan', before: pick(before), after: pick(saved) });
  return settingsCard(input, true);
});

export const planSettingsActions = [show, save];
