import type { TableClient, TransactionAction } from '@azure/data-tables';
import { BATCH_LIMIT } from '../storage/table-batch';
import { TABLES, type TableName, type TableSet } from '../storage/table-client';

/**
 * Seeding many fora for a benchmark by copying one: a template forum is written through the
 * repositories, its rows are read back from every table (index rows included) and written again
 * with the forum id rewritten, in transactions of one partition. So each copy holds exactly the
 * rows the repositories write, at a fraction of the round trips.
 */
export type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string };
export interface StoredRow {
  table: TableName;
  entity: Entity;
}

async function rowsOf(client: TableClient, table: TableName): Promise<StoredRow[]> {
  const rows: StoredRow[] = [];
  for await (const entity of client.listEntities<Record<string, unknown>>()) {
    // The service sets these; a copy gets its own.
    const { etag: _etag, timestamp: _timestamp, ...data } = entity;
    rows.push({ table, entity: data as Entity });
  }
  return rows;
}

/** Every row of one table, its etag kept. */
export async function readTable(tables: TableSet, table: TableName): Promise<Entity[]> {
  const rows: Entity[] = [];
  for await (const entity of (await tables.client(table)).listEntities<Record<string, unknown>>()) rows.push(entity as Entity);
  return rows;
}

/** Every row of every table of the set, in table then key order. */
export async function readEveryRow(tables: TableSet): Promise<StoredRow[]> {
  return (await Promise.all(TABLES.map(async (table) => rowsOf(await tables.client(table), table)))).flat();
}

const holds = (row: StoredRow, id: string): boolean => row.entity.partitionKey.includes(id) || row.entity.rowKey.includes(id);

/** A forum's own rows (its id in a key) and the rows it shares with every forum (written once). */
export function splitByOwner(rows: readonly StoredRow[], forumId: string): { own: StoredRow[]; shared: StoredRow[] } {
  return { own: rows.filter((row) => holds(row, forumId)), shared: rows.filter((row) => !holds(row, forumId)) };
}

/** `from` replaced by `to` in keys and every text value (ids inside JSON text included); other types kept as read. */
export function cloneRows(rows: readonly StoredRow[], from: string, to: string): StoredRow[] {
  if (from.length !== to.length) throw new Error(`forum ids must have one width: ${from} vs ${to}`);
  const rewrite = (value: unknown): unknown => (typeof value === 'string' ? value.replaceAll(from, to) : value);
  return rows.map((row) => ({ table: row.table, entity: Object.fromEntries(Object.entries(row.entity).map(([name, value]) => [name, rewrite(value)])) as Entity }));
}

/**
 * Rows shared by every forum are totals over them (the picture's all-fora summary: counters and
 * tallies in JSON, only ever added to). Each copy adds what the template added, so `n` fora hold `n`
 * times the template's numbers.
 */
export function scaleTotals(rows: readonly StoredRow[], n: number): StoredRow[] {
  const scale = (value: unknown): unknown =>
    typeof value === 'number' ? value * n : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scale(v)])) : value;
  const scaleText = (value: unknown): unknown => {
    if (typeof value !== 'string' || !value.startsWith('{')) return value;
    return JSON.stringify(scale(JSON.parse(value)));
  };
  return rows.map((row) => ({ table: row.table, entity: Object.fromEntries(Object.entries(row.entity).map(([name, value]) => [name, scaleText(value)])) as Entity }));
}

/** JSON text with its object keys sorted: parallel writers may add the same keys in another order. */
function sortedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortedJson(v)]));
}

function comparable(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && value.startsWith('{')) return `json:${JSON.stringify(sortedJson(JSON.parse(value)))}`;
  return JSON.stringify(value);
}

/** Rows as comparable text, sorted, with values the repositories draw at random masked by `mask`. */
export function fingerprint(rows: readonly StoredRow[], mask: (text: string) => string): string[] {
  return rows
    .map((row) => mask(`${row.table} ${Object.entries(row.entity).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => `${name}=${comparable(value)}`).join(' ')}`))
    .sort();
}

/**
 * Writes rows, one transaction per partition chunk of at most 100, `width` transactions in flight.
 * New rows are inserted, not upserted, so a row written twice fails the seeding; `replace` is for
 * rows that exist already (the totals).
 */
export async function writeRows(tables: TableSet, rows: readonly StoredRow[], width: number, mode: 'insert' | 'replace' = 'insert'): Promise<number> {
  const batches = new Map<string, { table: TableName; actions: TransactionAction[] }>();
  for (const { table, entity } of rows) {
    const key = `${table}\u0000${entity.partitionKey}`;
    const batch = batches.get(key) ?? { table, actions: [] };
    batch.actions.push(mode === 'insert' ? ['create', entity] : ['upsert', entity, 'Replace']);
    batches.set(key, batch);
  }
  const work: { table: TableName; actions: TransactionAction[] }[] = [];
  for (const { table, actions } of batches.values()) {
    for (let start = 0; start < actions.length; start += BATCH_LIMIT) work.push({ table, actions: actions.slice(start, start + BATCH_LIMIT) });
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < work.length) {
      const { table, actions } = work[next++]!;
      await (await tables.client(table)).submitTransaction(actions);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return work.length;
}
