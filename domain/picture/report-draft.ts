import { z } from 'zod';
import { GuardedText } from '../shared/guarded-text';
import { DomainError } from '../shared/domain-error';
import { checkTexts, assertNoProblems } from '../shared/field-problems';
import { EntityId, UserId } from '../shared/ids';
import { TEXT_LIMITS } from '../shared/text-limits';
import { Instant } from '../shared/time';
import type { Period } from './months';

/**
 * The half-yearly report for one Lokalråd and one period while the analyst writes it: a commentary
 * per section of the picture, who edited it when, and whether it has gone to the Lokalråd. Once
 * published it is kept as it was sent and no longer changes.
 */

/** The report's sections (the Word document's chapters); the analyst writes one commentary per section. */
export const PICTURE_SECTIONS = ['cases', 'levels', 'times', 'decisions', 'cooperation'] as const;
export const PictureSection = z.enum(PICTURE_SECTIONS);
export type PictureSection = z.infer<typeof PictureSection>;

export const CommentaryText = GuardedText.max(TEXT_LIMITS.pictureCommentary);
export const Commentary = z.partialRecord(PictureSection, CommentaryText);
export type Commentary = z.infer<typeof Commentary>;

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const ReportPeriod = z.object({ from: Month, to: Month });

const Person = z.object({ userId: UserId, name: GuardedText.trim().min(1).max(TEXT_LIMITS.personName) });
export const ReportEdit = Person.extend({ at: Instant });
export type ReportEdit = z.infer<typeof ReportEdit>;

/** The edits kept on the record (newest last); the audit keeps every one. */
export const MAX_REPORT_EDITS = 50;

export const ReportDraft = z.object({
  /** The Lokalråd the report is for (one per municipality). */
  forumId: EntityId,
  period: ReportPeriod,
  commentary: Commentary,
  status: z.enum(['draft', 'published']),
  edits: z.array(ReportEdit).max(MAX_REPORT_EDITS),
  published: ReportEdit.optional(),
  /** Opaque storage version (ETag); absent before the first save. */
  version: z.string().optional(),
});
export type ReportDraft = z.infer<typeof ReportDraft>;

export interface ReportDraftRepository {
  find(forumId: string, period: Period): Promise<ReportDraft | undefined>;
  /**
   * Creates the record (no version) or replaces it if unchanged since read (with its version);
   * `AlreadyExistsError` / `ConcurrencyError` when someone else wrote first.
   */
  save(draft: ReportDraft): Promise<ReportDraft>;
  /** The Lokalråd's reports, newest period first. */
  listByForum(forumId: string): Promise<ReportDraft[]>;
}

const RULES = Object.fromEntries(PICTURE_SECTIONS.map((s) => [s, { max: TEXT_LIMITS.pictureCommentary }]));

/**
 * The typed commentary, every section checked at once: over its limit (refused with the limit and
 * the length, never cut) or holding a CPR number, each section is named. Blank sections are left out.
 */
export function commentaryFrom(values: Readonly<Record<string, unknown>>): Commentary {
  assertNoProblems(checkTexts(values, RULES));
  const commentary: Commentary = {};
  for (const section of PICTURE_SECTIONS) {
    const text = values[section];
    if (typeof text === 'string' && text.trim() !== '') commentary[section] = text.trim();
  }
  return Commentary.parse(commentary);
}

/** Refused once the report has gone out: it says when. */
export function assertNotPublished(draft: ReportDraft | undefined): void {
  if (draft?.status === 'published') throw new DomainError('PICTURE.ALREADY_PUBLISHED', { at: draft.published?.at ?? '' });
}

/** The draft with the new commentary and one more edit. */
export function withCommentary(current: ReportDraft | undefined, forumId: string, period: Period, commentary: Commentary, edit: ReportEdit): ReportDraft {
  assertNotPublished(current);
  const edits = [...(current?.edits ?? []), edit].slice(-MAX_REPORT_EDITS);
  return ReportDraft.parse({ ...(current ?? { forumId, period: { from: period.from, to: period.to }, status: 'draft' }), commentary, edits });
}

/** The report as sent: published by `edit`'s person at its time. */
export function published(current: ReportDraft, edit: ReportEdit): ReportDraft {
  assertNotPublished(current);
  return ReportDraft.parse({ ...current, status: 'published', published: edit });
}

/** `2026-07_2026-12`: the period as one key. */
export const periodKey = (period: Period): string => `${period.from}_${period.to}`;
