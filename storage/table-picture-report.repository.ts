import { PICTURE_SECTIONS, periodKey, ReportDraft, type ReportDraftRepository } from '../domain/picture/report-draft';
import { compact, fromJson, toJson } from './entity-codec';
import type { TableSet } from './table-client';
import type { Row } from './table-query';
import { VersionedRows, type RowCodec } from './versioned-rows';

/**
 * `picturereports`: partition = the Lokalråd's forum id, row = the period (`2026-07_2026-12`).
 * Each section's commentary is a property of its own (`c_cases`, …), so the five texts at their
 * limit stay well inside one string property each.
 */
const codec: RowCodec<ReportDraft> = {
  table: 'picturereports',
  keys: (draft) => [draft.forumId, periodKey(draft.period)],
  toProperties: (draft) =>
    compact({
      forumId: draft.forumId,
      from: draft.period.from,
      to: draft.period.to,
      status: draft.status,
      edits: toJson(draft.edits),
      published: toJson(draft.published),
      ...Object.fromEntries(PICTURE_SECTIONS.map((s) => [`c_${s}`, draft.commentary[s]])),
    }),
  fromRow: (row: Row) =>
    ReportDraft.parse({
      forumId: row['forumId'],
      period: { from: row['from'], to: row['to'] },
      status: row['status'],
      edits: fromJson(row['edits']) ?? [],
      published: fromJson(row['published']),
      commentary: Object.fromEntries(PICTURE_SECTIONS.flatMap((s) => (typeof row[`c_${s}`] === 'string' ? [[s, row[`c_${s}`]]] : []))),
      version: row.etag,
    }),
};

export function createPictureReportRepository(tables: TableSet): ReportDraftRepository {
  const rows = new VersionedRows(tables, codec);
  return {
    find: (forumId, period) => rows.find(forumId, periodKey(period)),
    save: (draft) => rows.save(draft),
    listByForum: async (forumId) => (await rows.listPartition(forumId)).sort((a, b) => b.period.from.localeCompare(a.period.from)),
  };
}
