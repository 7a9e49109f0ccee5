import { Meeting } from '../domain/meetings/meeting';
import type { MeetingRepository } from '../domain/meetings/meeting.repository';
import { compact, dataOf } from './entity-codec';
import type { TableSet } from './table-client';
import { VersionedRows, type RowCodec } from './versioned-rows';

/** Partition = forum: a forum's meetings are one query. */
const codec: RowCodec<Meeting> = {
  table: 'meetings',
  keys: (meeting) => [meeting.forumId, meeting.id],
  toProperties: ({ version: _version, ...plain }) => compact(plain),
  fromRow: (row) => Meeting.parse({ ...dataOf(row), version: row.etag }),
};

export function createMeetingRepository(tables: TableSet): MeetingRepository {
  const rows = new VersionedRows(tables, codec);
  return {
    findById: (forumId, id) => rows.find(forumId, id),
    listByForum: (forumId) => rows.listPartition(forumId),
    save: (meeting) => rows.save(meeting),
    update: (forumId, id, change) => rows.update(forumId, id, change),
    delete: (forumId, id) => rows.delete(forumId, id),
  };
}
