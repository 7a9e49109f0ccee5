import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { ActionItem } from '../domain/actions/action-item';
import { isOpen } from '../domain/actions/action-item.rules';
import type { OpenBoard, OpenItemsPage } from '../domain/actions/action-item.repository';
import { compact, dataOf, fromJson, toJson } from './entity-codec';
import type { TableSet } from './table-client';
import { ConcurrencyError } from '../domain/shared/repository-errors';
import { retryOnConflict } from './conflict-retry';
import { isNotFound } from './table-errors';
import { BATCH_LIMIT } from './table-batch';
import { checkKey, escapeKey, joinKey, prefixBounds, unescapeKey } from './table-keys';
import { listAll, listUpTo, type Row } from './table-query';

/**
 * The open action items of a forum kept a second time, keyed for the board: partition = forum, row
 * `f~<due date>~<id>` (most urgent first). Each row holds the whole item, so a page is one query of
 * `limit` rows however long the history. Written after every change of an item; closed items have
 * no rows here. (Rows `o~…` of an earlier version, the owner's list per forum, are removed by the
 * repair: each owner's list is table-owned-open-items.ts now.)
 */
const TABLE = 'openactionitems';
const BOARD = 'f';

const boardKey = (item: Pick<ActionItem, 'dueDate' | 'id'>): string => joinKey(BOARD, escapeKey(item.dueDate), escapeKey(item.id));
const rowKeysOf = (item: ActionItem): string[] => (isOpen(item) ? [boardKey(item)] : []);

/** An item's properties as its index rows hold them (the whole item, without the ETag-based version). */
export const propertiesOf = ({ version: _version, owner, ...plain }: ActionItem) => compact({ ...plain, owner: toJson(owner) });
export const itemOf = (row: Row, parse: (value: unknown) => ActionItem): ActionItem => {
  const { version: _version, ...item } = parse({ ...dataOf(row), version: undefined, owner: fromJson(row['owner']) });
  return item;
};

/** Open items per due date, kept in one row of the partition so the board's counts are one point read. */
const COUNTS = 'c';

async function writeRows(table: TableClient, partitionKey: string, actions: TransactionAction[]): Promise<void> {
  try {
    await table.submitTransaction(actions); // one partition, at most two rows: atomic
  } catch (error) {
    // A row to delete was gone already (a later change synced first): write what should be, one by one.
    if (!isNotFound(error)) throw error;
    for (const action of actions) {
      if (action[0] === 'delete') await table.deleteEntity(partitionKey, action[1].rowKey).catch((e: unknown) => (isNotFound(e) ? undefined : Promise.reject(e)));
      else await table.upsertEntity(action[1], 'Replace');
    }
  }
}

/** The counter row's open items per due date (none stored: no open item yet). */
const perDateOf = (row: Record<string, unknown> | undefined): Record<string, number> => JSON.parse(String(row?.['perDate'] ?? '{}')) as Record<string, number>;

interface Counts {
  perDate: Record<string, number>;
  etag?: string;
}

async function readCounts(table: TableClient, partitionKey: string): Promise<Counts> {
  try {
    const row = await table.getEntity<Record<string, unknown>>(partitionKey, COUNTS);
    return { perDate: perDateOf(row), etag: row.etag };
  } catch (error) {
    if (!isNotFound(error)) throw error;
    return { perDate: {} };
  }
}

/**
 * Counts the board's keys of each due date the change touched (a range of a few keys) and stores
 * the counts in the counter row, by ETag so that two changes at once keep each other's dates. Paid
 * on each change (people's pace) so that reading the board (far more often) costs one point read.
 * The counter row is read before counting and the count written only while that row is unchanged:
 * a count taken before another change's row was written can then never overwrite that change's
 * later count (on a conflict everything is done again, counting included).
 */
async function recount(table: TableClient, partitionKey: string, dates: readonly string[]): Promise<void> {
  if (dates.length === 0) return;
  const countDate = async (date: string): Promise<readonly [string, number]> => {
    const { from, to } = prefixBounds(joinKey(BOARD, escapeKey(date), ''));
    let n = 0;
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to}`;
    for await (const page of table.listEntities<Record<string, unknown>>({ queryOptions: { filter, select: ['RowKey'] } }).byPage({ maxPageSize: 1000 })) n += page.length;
    return [date, n] as const;
  };
  await retryOnConflict(async () => {
    const current = await readCounts(table, partitionKey);
    for (const [date, n] of await Promise.all([...new Set(dates)].map(countDate))) {
      if (n === 0) delete current.perDate[date];
      else current.perDate[date] = n;
    }
    const entity = { partitionKey, rowKey: COUNTS, perDate: JSON.stringify(current.perDate) };
    try {
      if (current.etag === undefined) await table.createEntity(entity);
      else await table.updateEntity(entity, 'Replace', { etag: current.etag });
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 409 || status === 412) throw new ConcurrencyError({ table: TABLE, key: [partitionKey, COUNTS] });
      throw error;
    }
  }, 30);
}

/** The board's counts from the counter row's per-date counts. */
function countsOf(perDate: Record<string, number>, todayLocal: string): { open: number; overdue: number } {
  const entries = Object.entries(perDate);
  return { open: entries.reduce((n, [, k]) => n + k, 0), overdue: entries.reduce((n, [date, k]) => n + (date < todayLocal ? k : 0), 0) };
}


export interface OpenItemIndex {
  /** Makes the rows of `after` (undefined: deleted) replace those of `before` (undefined: new). */
  sync(before: ActionItem | undefined, after: ActionItem | undefined): Promise<void>;
  page(forumId: string, limit: number, after?: string): Promise<OpenItemsPage>;
  count(forumId: string, todayLocal: string): Promise<{ open: number; overdue: number }>;
  /** Every open item of the forum, most urgent first (the reminder job: open items, not the history). */
  all(forumId: string): Promise<ActionItem[]>;
  /** The board's first page and its counts in one query: the counter row sorts just before the board's rows. */
  firstPageWithCounts(forumId: string, limit: number, todayLocal: string): Promise<OpenBoard>;
  /** Makes the index hold exactly the open ones of `items` (all of one forum's items). */
  repair(forumId: string, items: readonly ActionItem[]): Promise<{ written: number; removed: number }>;
}

export function createOpenItemIndex(tables: TableSet, parse: (value: unknown) => ActionItem): OpenItemIndex {
  const client = (): Promise<TableClient> => tables.client(TABLE);
  const partitionOf = (forumId: string): string => checkKey(TABLE, 'PartitionKey', escapeKey(forumId));
  return {
    async sync(before, after) {
      const item = after ?? before;
      if (item === undefined) return;
      const partitionKey = partitionOf(item.forumId);
      const keep = after === undefined ? [] : rowKeysOf(after);
      const gone = (before === undefined ? [] : rowKeysOf(before)).filter((key) => !keep.includes(key));
      const actions: TransactionAction[] = [
        ...keep.map((rowKey): TransactionAction => ['upsert', { ...propertiesOf(after!), version: after!.version ?? '', partitionKey, rowKey: checkKey(TABLE, 'RowKey', rowKey) }, 'Replace']),
        ...gone.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]),
      ];
      if (actions.length === 0) return;
      const table = await client();
      await writeRows(table, partitionKey, actions);
      // Only a date whose board keys changed (an item opened, closed or moved) needs counting again:
      // a change of status between open ones, or of the title, leaves every count as it was.
      const board = (i: ActionItem | undefined): string[] => (i === undefined ? [] : rowKeysOf(i).filter((k) => k.startsWith(joinKey(BOARD, ''))));
      const [was, is] = [board(before), board(after)];
      const moved = [before, after].filter((i): i is ActionItem => i !== undefined && (!was.includes(boardKey(i)) || !is.includes(boardKey(i))));
      await recount(table, partitionKey, moved.map((i) => i.dueDate));
    },

    async page(forumId, limit, after) {
      const table = await client();
      const { from, to } = prefixBounds(joinKey(BOARD, ''));
      const start = after === undefined ? from : after;
      const comparison = after === undefined ? 'ge' : 'gt';
      const filter = odata`PartitionKey eq ${partitionOf(forumId)} and RowKey lt ${to}` + ` and RowKey ${comparison} '${start.replaceAll("'", "''")}'`;
      // One more than asked: whether there is a next page, without another request.
      const rows = await listUpTo(table, filter, limit + 1);
      const shown = rows.slice(0, limit);
      return { items: shown.map((row) => itemOf(row, parse)), ...(rows.length > limit ? { next: shown.at(-1)!.rowKey } : {}) };
    },

    async all(forumId) {
      const { from, to } = prefixBounds(joinKey(BOARD, ''));
      const rows = await listAll(await client(), odata`PartitionKey eq ${partitionOf(forumId)} and RowKey ge ${from} and RowKey lt ${to}`);
      return rows.map((row) => itemOf(row, parse));
    },

    async firstPageWithCounts(forumId, limit, todayLocal) {
      const table = await client();
      const { to } = prefixBounds(joinKey(BOARD, ''));
      // Between the counter row `c` and the board's `f~…` rows there are none: one range holds both.
      const rows = await listUpTo(table, odata`PartitionKey eq ${partitionOf(forumId)} and RowKey ge ${COUNTS} and RowKey lt ${to}`, limit + 2);
      const counter = rows[0]?.rowKey === COUNTS ? rows.shift() : undefined;
      const shown = rows.slice(0, limit);
      return {
        items: shown.map((row) => itemOf(row, parse)),
        ...(rows.length > limit ? { next: shown.at(-1)!.rowKey } : {}),
        counts: countsOf(perDateOf(counter), todayLocal),
      };
    },

    async count(forumId, todayLocal) {
      return countsOf((await readCounts(await client(), partitionOf(forumId))).perDate, todayLocal);
    },

    async repair(forumId, items) {
      const table = await client();
      const partitionKey = partitionOf(forumId);
      const stored = new Map<string, string>();
      for await (const page of table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and RowKey ne ${COUNTS}`, select: ['RowKey', 'version'] } }).byPage({ maxPageSize: 1000 })) {
        for (const row of page) stored.set(String(row.rowKey), String(row['version'] ?? ''));
      }
      const wanted = new Map(items.flatMap((item) => rowKeysOf(item).map((key) => [key, item] as const)));
      // A row is rewritten when missing or holding an older version of its item.
      const write = [...wanted].filter(([key, item]) => stored.get(key) !== (item.version ?? ''));
      const remove = [...stored.keys()].filter((key) => !wanted.has(key));
      const actions: TransactionAction[] = [
        ...write.map(([rowKey, item]): TransactionAction => ['upsert', { ...propertiesOf(item), version: item.version ?? '', partitionKey, rowKey }, 'Replace']),
        ...remove.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]),
      ];
      for (let i = 0; i < actions.length; i += BATCH_LIMIT) await writeRows(table, partitionKey, actions.slice(i, i + BATCH_LIMIT));
      if (actions.length > 0) {
        const dates = [...write.map(([, item]) => item.dueDate), ...remove.map((key) => unescapeKey(key.split('~').at(-2) ?? ''))];
        await recount(table, partitionKey, dates);
      }
      return { written: write.length, removed: remove.length };
    },
  };
}
