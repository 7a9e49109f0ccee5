import type { TableClient } from '@azure/data-tables';

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
