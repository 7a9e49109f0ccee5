import { z } from 'zod';

/**
 * How long each kind of personal data is kept, for the municipality (configuration) and, where a
 * forum needs something else, per forum (the fora file). Defaults and their reasons: README
 * "Data protection".
 */
export const RETENTION_LIMITS = {
  /** Consultants' inputs, counted from the meeting they were for. */
  agendaInputMonths: { min: 1, max: 60, fallback: 6 },
  /** Resolved or returned cases with their history, counted from their last change. */
  closedCaseYears: { min: 1, max: 10, fallback: 3 },
  /** Done or cancelled action items, counted from when they were closed. */
  closedActionItemYears: { min: 1, max: 10, fallback: 2 },
  /** Finished outbox messages (delivered or given up), counted from delivery. */
  outboxWeeks: { min: 1, max: 52, fallback: 4 },
  /** Audit rows, counted from the event. */
  auditYears: { min: 1, max: 10, fallback: 5 },
} as const;

export type RetentionField = keyof typeof RETENTION_LIMITS;
export const RETENTION_FIELDS = Object.keys(RETENTION_LIMITS) as RetentionField[];

const period = (field: RetentionField) => z.number().int().min(RETENTION_LIMITS[field].min).max(RETENTION_LIMITS[field].max);

export const RetentionSettings = z.strictObject({
  agendaInputMonths: period('agendaInputMonths'),
  closedCaseYears: period('closedCaseYears'),
  closedActionItemYears: period('closedActionItemYears'),
  outboxWeeks: period('outboxWeeks'),
  auditYears: period('auditYears'),
});
export type RetentionSettings = z.infer<typeof RetentionSettings>;

/** A forum's own periods; what it leaves out comes from the municipality. */
export const RetentionOverrides = RetentionSettings.partial();
export type RetentionOverrides = z.infer<typeof RetentionOverrides>;

export const DEFAULT_RETENTION: RetentionSettings = {
  agendaInputMonths: RETENTION_LIMITS.agendaInputMonths.fallback,
  closedCaseYears: RETENTION_LIMITS.closedCaseYears.fallback,
  closedActionItemYears: RETENTION_LIMITS.closedActionItemYears.fallback,
  outboxWeeks: RETENTION_LIMITS.outboxWeeks.fallback,
  auditYears: RETENTION_LIMITS.auditYears.fallback,
};

/** The periods that apply in one forum: its overrides over the municipality's. */
export const retentionOf = (municipality: RetentionSettings, forum: { retention?: RetentionOverrides | undefined }): RetentionSettings => ({
  ...municipality,
  ...Object.fromEntries(Object.entries(forum.retention ?? {}).filter(([, value]) => value !== undefined)),
});
