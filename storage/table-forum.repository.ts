import { Forum } from '../domain/fora/forum';
import type { ForumRepository } from '../domain/fora/forum.repository';
import { compact, dataOf, fromJson, toJson } from './entity-codec';
import type { TableSet } from './table-client';
import type { Row } from './table-query';
import { VersionedRows, type RowCodec } from './versioned-rows';

/** All fora share one partition: the list of fora is one query, a forum one point read. */
const PARTITION = 'forum';

const codec: RowCodec<Forum> = {
  table: 'fora',
  keys: (forum) => [PARTITION, forum.id],
  toProperties: ({ version: _version, teams, reminders, escalationDeadlines, retention, areas, analysts, ...plain }) =>
    compact({ ...plain, teams: toJson(teams), reminders: toJson(reminders), escalationDeadlines: toJson(escalationDeadlines), retention: toJson(retention), areas: toJson(areas), analysts: toJson(analysts) }),
  fromRow: (row: Row) =>
    Forum.parse({
      ...dataOf(row),
      teams: fromJson(row['teams']),
      reminders: fromJson(row['reminders']),
      escalationDeadlines: fromJson(row['escalationDeadlines']),
      retention: fromJson(row['retention']),
      areas: fromJson(row['areas']),
      analysts: fromJson(row['analysts']),
      version: row.etag,
    }),
};

export function createForumRepository(tables: TableSet): ForumRepository {
  const rows = new VersionedRows(tables, codec);
  return {
    findById: (id) => rows.find(PARTITION, id),
    async findMany(ids) {
      const found = new Map((await rows.findMany(PARTITION, ids)).map((f) => [f.id, f]));
      return [...new Set(ids)].flatMap((id) => found.get(id) ?? []);
    },
    list: () => rows.listPartition(PARTITION),
    save: (forum) => rows.save(forum),
    update: (id, change) => rows.update(PARTITION, id, change),
    delete: (id) => rows.delete(PARTITION, id),
  };
}
