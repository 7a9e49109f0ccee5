import type { z } from 'zod';
import { containsCprNumber } from './cpr-guard';
import { DomainError } from './domain-error';

/**
 * A form refused field by field. The code of each problem becomes text at the edge, shown right
 * below the field it concerns, while the card keeps everything the person typed.
 */
export interface FieldProblem {
  code: string;
  context?: Record<string, unknown>;
}
export type FieldProblems = Readonly<Record<string, FieldProblem>>;

export const FIELDS_REFUSED = 'FORM.FIELDS_REFUSED';

/** Thrown when one or more fields of a form are refused; nothing has been written. */
export class FieldsRefused extends DomainError {
  constructor(readonly fields: FieldProblems) {
    super(FIELDS_REFUSED, { fields: Object.keys(fields) });
    this.name = 'FieldsRefused';
  }
}

/** The rule of one free-text field: its limit (shown on the card too) and whether it is required. */
export interface TextRule {
  max: number;
  required?: boolean;
}

/**
 * One typed text: required, within its limit, no CPR number. Counted after trimming, as the
 * domain stores it, and never cut: a text over the limit is refused with both numbers.
 */
export function checkText(value: unknown, rule: TextRule): FieldProblem | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return rule.required === true ? { code: 'FIELD.REQUIRED' } : undefined;
  if (text.length > rule.max) return { code: 'FIELD.TOO_LONG', context: { max: rule.max, length: text.length } };
  if (containsCprNumber(text)) return { code: 'INPUT.CPR_NUMBER' };
  return undefined;
}

/** Every field of a form against its rule; empty when all are fine. */
export function checkTexts(values: Readonly<Record<string, unknown>>, rules: Readonly<Record<string, TextRule>>): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const [field, rule] of Object.entries(rules)) {
    const problem = checkText(values[field], rule);
    if (problem !== undefined) problems[field] = problem;
  }
  return problems;
}

/** Throws `FieldsRefused` when there is any problem. */
export function assertNoProblems(problems: Readonly<Record<string, FieldProblem>>): void {
  if (Object.keys(problems).length > 0) throw new FieldsRefused(problems);
}

const lengthOf = (value: unknown): number => (typeof value === 'string' ? value.trim().length : 0);

/**
 * Zod's issues for a form's data as field problems, by the first segment of each issue's path
 * (the input's id). A custom issue with `params.code` keeps its code (e.g. the CPR guard's).
 * The first problem of a field wins.
 */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], values: Readonly<Record<string, unknown>>): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (field === '' || field in problems) continue;
    problems[field] = problemOf(issue, values[field]);
  }
  return problems;
}

function problemOf(issue: z.core.$ZodIssue, value: unknown): FieldProblem {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? { code: 'FIELD.REQUIRED' } : { code: 'FIELD.TOO_SMALL', context: { min: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string'
        ? { code: 'FIELD.TOO_LONG', context: { max: Number(issue.maximum), length: lengthOf(value) } }
        : { code: 'FIELD.TOO_BIG', context: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { code: 'FIELD.FORMAT', context: { format: issue.format } };
    case 'custom': {
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      return typeof code === 'string' ? { code } : { code: 'FIELD.INVALID' };
    }
    default:
      return value === undefined || value === '' ? { code: 'FIELD.REQUIRED' } : { code: 'FIELD.INVALID' };
  }
}

/**
 * A whole number as a card sends it (a number, or digits as text), within its range; otherwise the
 * problem, which names the range ("Skriv et helt tal fra 1 til 60.").
 */
export function readWholeNumber(value: unknown, range: { min: number; max: number }): { value: number } | { problem: FieldProblem } {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d{1,9}\s*$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(n) && n >= range.min && n <= range.max) return { value: n };
  return { problem: { code: 'FIELD.WHOLE_NUMBER', context: { min: range.min, max: range.max } } };
}

/** Several whole numbers by input id: the values, or `FieldsRefused` naming every wrong one. */
export function readWholeNumbers<K extends string>(values: Readonly<Record<string, unknown>>, ranges: Readonly<Record<K, { min: number; max: number }>>): Record<K, number> {
  const out = {} as Record<K, number>;
  const problems: Record<string, FieldProblem> = {};
  for (const id of Object.keys(ranges) as K[]) {
    const read = readWholeNumber(values[id], ranges[id]);
    if ('value' in read) out[id] = read.value;
    else problems[id] = read.problem;
  }
  assertNoProblems(problems);
  return out;
}
