import { z } from 'zod';
import type { ScheduleSeriesData } from '../../cards/meeting-schedule.card';
import { LocalTime } from '../../domain/meetings/meeting';
import { NthWeekday, type RecurrenceChoice } from '../../domain/meetings/recurrence';
import { problemsFromIssues, type FieldProblem } from '../../domain/shared/field-problems';
import { GuardedText, GuardedUrl } from '../../domain/shared/guarded-text';
import { LocalDate } from '../../domain/shared/time';
import type { SeriesInput } from './meetings.service';

const text = (max: number) =>
  GuardedText.trim()
    .max(max)
    .transform((s) => (s === '' ? undefined : s))
    .optional();
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const blankIsNone = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The form's values, checked: every wrong field is reported at once (by its input id). */
const Form = z.object({
  title: GuardedText.trim().min(1).max(200),
  firstDate: LocalDate,
  startTime: LocalTime,
  durationMinutes: int(5, 24 * 60),
  location: text(300),
  onlineMeetingUrl: z.preprocess(blankIsNone, GuardedUrl.refine((url) => url.startsWith('https://')).optional()),
  kind: z.enum(['weekly', 'everyNWeeks', 'monthlyNthWeekday', 'quarterly', 'rrule']),
  interval: z.preprocess(blankIsNone, int(2, 52).optional()),
  nth: z.preprocess((v) => (v === '' || v === 'auto' ? undefined : Number(v)), NthWeekday.optional()),
  quarterlyOn: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['nthWeekday', 'sameDay']).optional()),
  rrule: text(1000),
});

export type FormResult = { ok: true; input: SeriesInput } | { ok: false; problems: Record<string, FieldProblem> };

const REQUIRED: FieldProblem = { code: 'FIELD.REQUIRED' };

/**
 * Turns the submitted form into a series request, or says what is wrong with each field (by its
 * input id). The own rule (RRULE) is used when the form was sent from "Avanceret" (`advanced`).
 */
export function readScheduleForm(data: ScheduleSeriesData): FormResult {
  const values = { ...data, ...(isTrue(data.advanced) ? { kind: 'rrule' } : {}) };
  const parsed = Form.safeParse(values);
  if (!parsed.success) return { ok: false, problems: problemsFromIssues(parsed.error.issues, values) };
  const f = parsed.data;
  let recurrence: RecurrenceChoice;
  switch (f.kind) {
    case 'everyNWeeks':
      if (f.interval === undefined) return { ok: false, problems: { interval: REQUIRED } };
      recurrence = { kind: 'everyNWeeks', interval: f.interval };
      break;
    case 'monthlyNthWeekday':
      recurrence = { kind: 'monthlyNthWeekday', ...(f.nth === undefined ? {} : { nth: f.nth }) };
      break;
    case 'quarterly':
      recurrence = { kind: 'quarterly', on: f.quarterlyOn ?? 'nthWeekday', ...(f.nth === undefined ? {} : { nth: f.nth }) };
      break;
    case 'rrule':
      if (f.rrule === undefined) return { ok: false, problems: { rrule: REQUIRED } };
      recurrence = { kind: 'rrule', rrule: f.rrule };
      break;
    default:
      recurrence = { kind: 'weekly' };
  }
  return {
    ok: true,
    input: {
      title: f.title,
      firstDate: f.firstDate,
      startTime: f.startTime,
      durationMinutes: f.durationMinutes,
      ...(f.location === undefined ? {} : { location: f.location }),
      ...(f.onlineMeetingUrl === undefined ? {} : { onlineMeetingUrl: f.onlineMeetingUrl }),
      recurrence,
    },
  };
}

const isTrue = (value: unknown): boolean => value === true || value === 'true';
