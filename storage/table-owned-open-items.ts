import { odata, type TableClient } from '@azure/data-tables';
import type { ActionItem } from '../domain/actions/action-item';
import { isOpen } from '../domain/actions/action-item.rules';
import type { TableSet } from './table-client';
import { isNotFound } from './table-errors';
import { checkKey, escapeKey, joinKey, prefixBounds } from './table-keys';
import { listAll } from './table-query';
import { itemOf, propertiesOf } from './table-open-action-items';

/**
 * A member's open items across all their fora, kept a third time: partition = the owner, row
 * `<forum>~<due date>~<id>`. Their own list (`handlinger` in a personal chat) is then one query
 * however many fora they are in. Written beside the forum's own index after every change; repaired
 * per forum by the hourly sweep for the people who can see it (the forum's owners and members).
 */
const TABLE = 'ownedopenitems';

interface RowAt {
  partitionKey: string;
  rowKey: string;
}

const forumPrefix = (forumId: string): string => joinKey(escapeKey(forumId), '');

function rowAt(item: ActionItem | undefined): RowAt | undefined {
  if (item === undefined || !isOpen(item) || item.owner.kind !== 'member') return undefined;
  return {
    partitionKey: checkKey(TABLE, 'PartitionKey', escapeKey(item.owner.userId)),
    rowKey: checkKey(TABLE, 'RowKey', forumPrefix(item.forumId) + joinKey(escapeKey(item.dueDate), escapeKey(item.id))),
  };
}

const same = (a: RowAt | undefined, b: RowAt | undefined): boolean => a !== undefined && b !== undefined && a.partitionKey === b.partitionKey && a.rowKey === b.rowKey;

const ignoreGone = (error: unknown): undefined => {
  if (isNotFound(error)) return undefined;
  throw error;
};

export interface OwnedOpenItems {
  /** Makes the row of `after` (undefined: deleted) replace that of `before` (undefined: new). */
  sync(before: ActionItem | undefined, after: ActionItem | undefined): Promise<void>;
  /** Every open item the person owns, in whichever forum (the caller keeps those of fora they are in). */
  ofOwner(userId: string): Promise<ActionItem[]>;
  /** Makes these people's rows of one forum hold exactly the open ones of `items` (all the forum's items). */
  repair(forumId: string, items: readonly ActionItem[], people: Iterable<string>): Promise<{ written: number; removed: number }>;
}

export function createOwnedOpenItems(tables: TableSet, parse: (value: unknown) => ActionItem): OwnedOpenItems {
  const client = (): Promise<TableClient> => tables.client(TABLE);
  const write = (table: TableClient, at: RowAt, item: ActionItem) => table.upsertEntity({ ...propertiesOf(item), version: item.version ?? '', ...at }, 'Replace');
  return {
    async sync(before, after) {
      const [was, is] = [rowAt(before), rowAt(after)];
      if (was === undefined && is === undefined) return;
      const table = await client();
      // Different owners are different partitions: the two writes go side by side.
      await Promise.all([
        is === undefined ? undefined : write(table, is, after!),
        was === undefined || same(was, is) ? undefined : table.deleteEntity(was.partitionKey, was.rowKey).catch(ignoreGone),
      ]);
    },

    async ofOwner(userId) {
      const table = await client();
      const rows = await listAll(table, odata`PartitionKey eq ${checkKey(TABLE, 'PartitionKey', escapeKey(userId))}`);
      return rows.map((row) => itemOf(row, parse));
    },

    async repair(forumId, items, people) {
      const table = await client();
      const wanted = new Map<string, { at: RowAt; item: ActionItem }>();
      for (const item of items) {
        const at = rowAt(item);
        if (at !== undefined) wanted.set(`${at.partitionKey}|${at.rowKey}`, { at, item });
      }
      const owners = new Set([...people].map((userId) => checkKey(TABLE, 'PartitionKey', escapeKey(userId))));
      for (const { at } of wanted.values()) owners.add(at.partitionKey);
      const { from, to } = prefixBounds(forumPrefix(forumId));
      const stored = new Map<string, { at: RowAt; version: string }>();
      for (const partitionKey of owners) {
        const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to}`;
        for await (const page of table.listEntities<Record<string, unknown>>({ queryOptions: { filter, select: ['RowKey', 'version'] } }).byPage({ maxPageSize: 1000 })) {
          for (const row of page) stored.set(`${partitionKey}|${String(row.rowKey)}`, { at: { partitionKey, rowKey: String(row.rowKey) }, version: String(row['version'] ?? '') });
        }
      }
      // A row is rewritten when missing or holding an older version of its item.
      const toWrite = [...wanted].filter(([key, { item }]) => stored.get(key)?.version !== (item.version ?? ''));
      const toRemove = [...stored].filter(([key]) => !wanted.has(key));
      for (const [, { at, item }] of toWrite) await write(table, at, item);
      for (const [, { at }] of toRemove) await table.deleteEntity(at.partitionKey, at.rowKey).catch(ignoreGone);
      return { written: toWrite.length, removed: toRemove.length };
    },
  };
}
