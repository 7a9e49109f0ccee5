import { odata, type TableClient } from '@azure/data-tables';

export type Row = Record<string, unknown> & { partitionKey: string; rowKey: string; etag: string; timestamp?: string };

const PAGE = 1000;

/**
 * Every entity a filter matches. The service returns at most 1,000 per page and may hand back a
 * continuation token with an empty page, so we follow tokens until there are none.
 */
export async function listAll(client: TableClient, filter: string): Promise<Row[]> {
  return listUpTo(client, filter, Number.POSITIVE_INFINITY);
}

/** At most `limit` entities, in key order, asking for no more pages than needed. */
export async function listUpTo(client: TableClient, filter: string, limit: number): Promise<Row[]> {
  const rows: Row[] = [];
  if (limit <= 0) return rows;
  const pages = client.listEntities<Record<string, unknown>>({ queryOptions: { filter } }).byPage({ maxPageSize: Math.min(PAGE, limit) });
  for await (const page of pages) {
    for (const entity of page) {
      rows.push(entity as Row);
      if (rows.length >= limit) return rows;
    }
  }
  return rows;
}

/** The Table service allows at most 15 comparisons in one filter: the partition and 14 row keys. */
export const ROW_KEYS_PER_QUERY = 14;

/**
 * The rows of one partition with these row keys, in queries of 14 keys side by side: a handful of
 * requests where a point read each would be dozens. Within one partition the service scans only
 * that partition. Keys not found are simply absent.
 */
export async function listRowsIn(client: TableClient, partitionKey: string, rowKeys: readonly string[]): Promise<Row[]> {
  const unique = [...new Set(rowKeys)];
  const groups = Array.from({ length: Math.ceil(unique.length / ROW_KEYS_PER_QUERY) }, (_, n) => unique.slice(n * ROW_KEYS_PER_QUERY, (n + 1) * ROW_KEYS_PER_QUERY));
  const pages = await Promise.all(
    groups.map((keys) => listAll(client, `${odata`PartitionKey eq ${partitionKey}`} and (${keys.map((key) => odata`RowKey eq ${key}`).join(' or ')})`)),
  );
  return pages.flat();
}
