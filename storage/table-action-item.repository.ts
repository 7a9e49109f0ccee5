import { ActionItem } from '../domain/actions/action-item';
import type { ActionItemRepository } from '../domain/actions/action-item.repository';
import { compact, dataOf, fromJson, toJson } from './entity-codec';
import type { TableSet } from './table-client';
import { VersionedRows, type RowCodec } from './versioned-rows';

/** Partition = forum: a forum's action items are one query. */
const codec: RowCodec<ActionItem> = {
  table: 'actionitems',
  keys: (item) => [item.forumId, item.id],
  toProperties: ({ version: _version, owner, ...plain }) => compact({ ...plain, owner: toJson(owner) }),
  fromRow: (row) => ActionItem.parse({ ...dataOf(row), owner: fromJson(row['owner']), version: row.etag }),
};

export function createActionItemRepository(tables: TableSet): ActionItemRepository {
  const rows = new VersionedRows(tables, codec);
  return {
    findById: (forumId, id) => rows.find(forumId, id),
    listByForum: (forumId) => rows.listPartition(forumId),
    save: (item) => rows.save(item),
    update: (forumId, id, change) => rows.update(forumId, id, change),
    delete: (forumId, id) => rows.delete(forumId, id),
  };
}
