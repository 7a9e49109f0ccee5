import { ActionItem } from '../domain/actions/action-item';
import type { ActionItemRepository } from '../domain/actions/action-item.repository';
import { compact, dataOf, fromJson, toJson } from './entity-codec';
import type { TableSet } from './table-client';
import { createOpenItemIndex } from './table-open-action-items';
import { VersionedRows, type RowCodec } from './versioned-rows';

/** Partition = forum: a forum's action items are one query. */
const codec: RowCodec<ActionItem> = {
  table: 'actionitems',
  keys: (item) => [item.forumId, item.id],
  toProperties: ({ version: _version, owner, ...plain }) => compact({ ...plain, owner: toJson(owner) }),
  fromRow: (row) => ActionItem.parse({ ...dataOf(row), owner: fromJson(row['owner']), version: row.etag }),
};

/**
 * The items, and beside them the index of open ones (table-open-action-items.ts) that the lists
 * read a page of. Every write goes through here, so the index follows each change: the item is
 * written first (its ETag decides a race), then its index rows.
 */
export function createActionItemRepository(tables: TableSet): ActionItemRepository {
  const rows = new VersionedRows(tables, codec);
  const open = createOpenItemIndex(tables, (value) => ActionItem.parse(value));
  return {
    findById: (forumId, id) => rows.find(forumId, id),
    listByForum: (forumId) => rows.listPartition(forumId),
    listOpenPage: (forumId, page) => open.page(forumId, page.limit, page.after),
    countOpen: (forumId, todayLocal) => open.count(forumId, todayLocal),
    listOpenOfOwner: (forumId, userId) => open.ofOwner(forumId, userId),
    repairOpenLists: async (forumId) => open.repair(forumId, await rows.listPartition(forumId)),
    async save(item) {
      // Replacing a stored item: its index rows are keyed by what it was (due date, owner).
      const before = item.version === undefined ? undefined : await rows.find(item.forumId, item.id);
      const saved = await rows.save(item);
      await open.sync(before, saved);
      return saved;
    },
    async update(forumId, id, change, options = {}) {
      let before: ActionItem | undefined;
      const saved = await rows.update(
        forumId,
        id,
        (current) => {
          before = current;
          return change(current);
        },
        options.read,
      );
      await Promise.all([open.sync(before, saved), options.alongside?.(saved, before!)]);
      return saved;
    },
    async delete(forumId, id) {
      const before = await rows.find(forumId, id);
      await rows.delete(forumId, id);
      await open.sync(before, undefined);
    },
  };
}
