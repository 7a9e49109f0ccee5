import { ActionItem } from '../domain/actions/action-item';
import type { ActionItemRepository } from '../domain/actions/action-item.repository';
import { compact, dataOf, fromJson, toJson } from './entity-codec';
import type { TableSet } from './table-client';
import { createOpenItemIndex } from './table-open-action-items';
import { createOwnedOpenItems } from './table-owned-open-items';
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
 * read a page of, and each owner's open items across fora (table-owned-open-items.ts). Every write goes through here, so the index follows each change: the item is
 * written first (its ETag decides a race), then its index rows.
 */
export function createActionItemRepository(tables: TableSet): ActionItemRepository {
  const rows = new VersionedRows(tables, codec);
  const forumIndex = createOpenItemIndex(tables, (value) => ActionItem.parse(value));
  const owned = createOwnedOpenItems(tables, (value) => ActionItem.parse(value));
  // Both lists follow each change, side by side (different partitions, so not one transaction).
  const open = { ...forumIndex, sync: async (before: ActionItem | undefined, after: ActionItem | undefined) => void (await Promise.all([forumIndex.sync(before, after), owned.sync(before, after)])) };
  return {
    findById: (forumId, id) => rows.find(forumId, id),
    listByForum: (forumId) => rows.listPartition(forumId),
    listOpenPage: (forumId, page) => open.page(forumId, page.limit, page.after),
    countOpen: (forumId, todayLocal) => open.count(forumId, todayLocal),
    async listOpenBoard(forumId, todayLocal, page) {
      if (page.after === undefined) return open.firstPageWithCounts(forumId, page.limit, todayLocal);
      const [items, counts] = await Promise.all([open.page(forumId, page.limit, page.after), open.count(forumId, todayLocal)]);
      return { ...items, counts };
    },
    listOpenOfOwnerEverywhere: (userId) => owned.ofOwner(userId),
    listOpen: (forumId) => forumIndex.all(forumId),
    async repairOpenLists(forumId, people = []) {
      const items = await rows.listPartition(forumId);
      const [board, mine] = await Promise.all([forumIndex.repair(forumId, items), owned.repair(forumId, items, people)]);
      return { written: board.written + mine.written, removed: board.removed + mine.removed };
    },
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
