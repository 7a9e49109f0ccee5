import { randomUUID } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { TableSet } from './table-client';
import { isNotFound } from './table-errors';
import { checkKey, escapeKey } from './table-keys';
import { listAll } from './table-query';

/**
 * `livework`: what a minute job still has to tend, one partition per kind (`agendas`, `cases`), one
 * row per thing, so the job reads one partition — what is live now — instead of every agenda or case
 * ever stored. The repository marks a thing live before each write of it (the row's ETag moves;
 * an agenda's writer may say it can no longer need tending, see AgendaWriteOptions);
 * the job settles it when it finds nothing left to do, by that ETag, so a write that landed after
 * the job read it keeps it live. Repaired by a slow sweep (a lost mark, data from before this).
 */
const TABLE = 'livework';

export type LiveKind = 'agendas' | 'cases';

export interface LiveRow {
  id: string;
  /** The row's ETag when listed: settling succeeds only while it is unchanged. */
  mark: string;
  /** What the writer stored with it (e.g. the forum of an agenda). */
  data: Record<string, string>;
}

export interface LiveWork {
  mark(kind: LiveKind, id: string, data?: Record<string, string>): Promise<void>;
  list(kind: LiveKind): Promise<LiveRow[]>;
  /** Removes the row if it is as listed; false when it was written since (so it stays live). */
  settle(kind: LiveKind, row: Pick<LiveRow, 'id' | 'mark'>): Promise<boolean>;
  /** Removes the row whatever its state (the thing is gone). */
  remove(kind: LiveKind, id: string): Promise<void>;
}

export function createLiveWork(tables: TableSet): LiveWork {
  const client = (): Promise<TableClient> => tables.client(TABLE);
  const rowKeyOf = (id: string): string => checkKey(TABLE, 'RowKey', escapeKey(id));
  return {
    async mark(kind, id, data = {}) {
      // A new nonce on every mark: the ETag moves even where nothing else changed.
      await (await client()).upsertEntity({ partitionKey: kind, rowKey: rowKeyOf(id), ...data, id, nonce: randomUUID() }, 'Replace');
    },
    async list(kind) {
      const rows = await listAll(await client(), odata`PartitionKey eq ${kind}`);
      return rows.map((row) => {
        const data: Record<string, string> = {};
        for (const [k, v] of Object.entries(row)) if (typeof v === 'string' && !['partitionKey', 'rowKey', 'etag', 'timestamp', 'id', 'nonce'].includes(k)) data[k] = v;
        return { id: String(row['id']), mark: row.etag, data };
      });
    },
    async settle(kind, row) {
      try {
        await (await client()).deleteEntity(kind, rowKeyOf(row.id), { etag: row.mark });
        return true;
      } catch (error) {
        if (isNotFound(error)) return true;
        if ((error as { statusCode?: number }).statusCode === 412) return false;
        throw error;
      }
    },
    async remove(kind, id) {
      try {
        await (await client()).deleteEntity(kind, rowKeyOf(id));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}
