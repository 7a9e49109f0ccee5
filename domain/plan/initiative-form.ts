import { z } from 'zod';
import { assertNoProblems, problemsFromIssues } from '../shared/field-problems';
import { GuardedText } from '../shared/guarded-text';
import { EntityId } from '../shared/ids';
import { TEXT_LIMITS } from '../shared/text-limits';
import { InitiativeStatus, PlanYear, type InitiativeFields } from './initiative';

/** Empty text from a form is "not given". */
const blank = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** Cards send numbers as text; text that is no number stays text, so it is refused as invalid. */
const numeric = (v: unknown): unknown => {
  const b = blank(v);
  return typeof b === 'string' && /^\s*-?\d+\s*$/.test(b) ? Number(b) : b;
};

const required = (max: number) => z.preprocess((v) => (v === undefined ? '' : v), GuardedText.trim().min(1).max(max));
const optional = (max: number) => z.preprocess(blank, GuardedText.trim().max(max).optional());
const age = z.preprocess(numeric, z.number().int().min(0).max(120).optional());

const InitiativeForm = z
  .object({
    focusArea: required(TEXT_LIMITS.planFocusArea),
    project: required(TEXT_LIMITS.planProject),
    purpose: required(TEXT_LIMITS.planPurpose),
    fromYear: z.preprocess(numeric, PlanYear),
    toYear: z.preprocess(numeric, PlanYear),
    targetGroup: required(TEXT_LIMITS.planTargetGroup),
    ageFrom: age,
    ageTo: age,
    area: optional(TEXT_LIMITS.planArea),
    contactName: optional(TEXT_LIMITS.personName),
    forumId: EntityId,
    status: InitiativeStatus,
    public: z.preprocess((v) => v === true || v === 'true', z.boolean()),
  })
  .refine((f) => f.fromYear <= f.toYear, { path: ['toYear'], params: { code: 'PLAN.YEAR_ORDER' } })
  .refine((f) => (f.ageFrom === undefined) === (f.ageTo === undefined), { path: ['ageTo'], params: { code: 'PLAN.AGE_BOTH' } })
  .refine((f) => f.ageFrom === undefined || f.ageTo === undefined || f.ageFrom <= f.ageTo, { path: ['ageTo'], params: { code: 'PLAN.AGE_ORDER' } });

/**
 * An initiative's fields from what the form sent: every field checked at once, each refusal beside
 * its field (FieldsRefused), nothing cut. Years and ages arrive as text.
 */
export function initiativeFieldsFrom(values: Readonly<Record<string, unknown>>): InitiativeFields {
  const parsed = InitiativeForm.safeParse(values);
  if (!parsed.success) {
    assertNoProblems(problemsFromIssues(parsed.error.issues, values));
    throw new Error('unreachable: a failed parse has issues');
  }
  const { ageFrom, ageTo, area, contactName, ...rest } = parsed.data;
  return {
    ...rest,
    ...(ageFrom === undefined || ageTo === undefined ? {} : { ages: { from: ageFrom, to: ageTo } }),
    ...(area === undefined ? {} : { area }),
    ...(contactName === undefined ? {} : { contactName }),
  };
}

/** The names of the fields that differ between two versions of an initiative (for its history). */
export function changedFields(before: InitiativeFields, after: InitiativeFields): string[] {
  const keys = ['focusArea', 'project', 'purpose', 'fromYear', 'toYear', 'targetGroup', 'ages', 'area', 'contactName', 'forumId', 'status', 'public'] as const;
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
