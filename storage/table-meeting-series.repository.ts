import { MeetingSeries } from '../domain/meetings/meeting';
import type { MeetingSeriesRepository } from '../domain/meetings/meeting.repository';
import { compact, dataOf } from './entity-codec';
import type { TableSet } from './table-client';
import { VersionedRows, type RowCodec } from './versioned-rows';

/** Partition = forum: a forum's series are one query. */
const codec: RowCodec<MeetingSeries> = {
  table: 'meetingseries',
  keys: (series) => [series.forumId, series.id],
  toProperties: ({ version: _version, ...plain }) => compact(plain),
  fromRow: (row) => MeetingSeries.parse({ ...dataOf(row), version: row.etag }),
};

export function createMeetingSeriesRepository(tables: TableSet): MeetingSeriesRepository {
  const rows = new VersionedRows(tables, codec);
  return {
    findById: (forumId, id) => rows.find(forumId, id),
    listByForum: (forumId) => rows.listPartition(forumId),
    save: (series) => rows.save(series),
    update: (forumId, id, change) => rows.update(forumId, id, change),
    delete: (forumId, id) => rows.delete(forumId, id),
  };
}
