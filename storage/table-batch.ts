import type { TableClient, TransactionAction } from '@azure/data-tables';
import { isNotFound } from './table-errors';

/** A transaction holds at most 100 operations, all in one partition. */
export const BATCH_LIMIT = 100;

export interface RowKeys {
  partitionKey: string;
  rowKey: string;
}

/** Submits actions of one partition in transactions of at most 100; each chunk is atomic on its own. */
export async function submitInChunks(client: TableClient, actions: TransactionAction[]): Promise<void> {
  for (let start = 0; start < actions.length; start += BATCH_LIMIT) {
    await client.submitTransaction(actions.slice(start, start + BATCH_LIMIT));
  }
}

/**
 * Deletes rows of one partition that should no longer exist. Someone else may have deleted some
 * already (a transaction then fails whole with 404), so we fall back to single deletes that accept
 * "already gone"; any other failure propagates.
 */
export async function deleteRows(client: TableClient, rows: readonly RowKeys[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_LIMIT) {
    const chunk = rows.slice(start, start + BATCH_LIMIT);
    try {
      await client.submitTransaction(chunk.map((row): TransactionAction => ['delete', { partitionKey: row.partitionKey, rowKey: row.rowKey }]));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      for (const row of chunk) {
        try {
          await client.deleteEntity(row.partitionKey, row.rowKey);
        } catch (single) {
          if (!isNotFound(single)) throw single;
        }
      }
    }
  }
}
