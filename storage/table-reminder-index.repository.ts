import { randomUUID } from 'node:crypto';
import { odata, type TransactionAction } from '@azure/data-tables';
import type { ReminderIndexEntry, ReminderIndexRepository } from '../domain/reminders/reminder-index';
import type { TableSet } from './table-client';
import { deleteRows, submitInChunks, type RowKeys } from './table-batch';
import { isNotFound } from './table-errors';
import { checkKey, escapeKey, joinKey, padNumber, unescapeKey } from './table-keys';
import { listAll, listRowsIn } from './table-query';

/**
 * `reminderindex`: partition `h{yyyyMMddHH}` (the due hour, UTC), row `{due ms:13}~{forum id}` (with `handledThrough` when a run wrote it); one
 * row `cursor`/`reminders` for how far the minute job got. A minute reads one partition (two at an
 * hour's turn) up to now. Writes are upserts: the same forum and time twice is one row. Partition
 * `changed`, row `{forum id}`: the forum's change mark (its ETag is the mark), one partition so the
 * marks of the fora due in a minute are a few queries.
 */
const TABLE = 'reminderindex';
const HOUR_MS = 3_600_000;
const CHANGED = 'changed';

const bucketOf = (ms: number): string => `h${new Date(ms).toISOString().slice(0, 13).replace(/[-T]/g, '')}`;
const rowKeyOf = (ms: number, forumId: string): string => checkKey(TABLE, 'RowKey', joinKey(padNumber(ms, 13), escapeKey(forumId)));

export function createReminderIndexRepository(tables: TableSet): ReminderIndexRepository {
  return {
    async put(forumId, dueAt) {
      const client = await tables.client(TABLE);
      const ms = dueAt.getTime();
      await client.upsertEntity({ partitionKey: bucketOf(ms), rowKey: rowKeyOf(ms, forumId), forumId, dueAt: dueAt.toISOString() }, 'Replace');
    },

    async putMany(entries) {
      const client = await tables.client(TABLE);
      const byPartition = new Map<string, Map<string, TransactionAction>>();
      for (const e of entries) {
        const ms = Date.parse(e.dueAt);
        const row = { partitionKey: bucketOf(ms), rowKey: rowKeyOf(ms, e.forumId), forumId: e.forumId, dueAt: e.dueAt, ...(e.handledThrough === undefined ? {} : { handledThrough: e.handledThrough }) };
        const partition = byPartition.get(row.partitionKey) ?? new Map<string, TransactionAction>();
        byPartition.set(row.partitionKey, partition);
        // The same row twice in one transaction is refused: the last one counts.
        partition.set(row.rowKey, ['upsert', row, 'Replace']);
      }
      await Promise.all([...byPartition.values()].map((actions) => submitInChunks(client, [...actions.values()])));
    },

    async listDue(since, until) {
      const client = await tables.client(TABLE);
      const buckets: string[] = [];
      for (let hour = Math.floor(since.getTime() / HOUR_MS) * HOUR_MS; hour <= until.getTime(); hour += HOUR_MS) buckets.push(bucketOf(hour));
      const upper = `${padNumber(until.getTime(), 13)}~\uffff`;
      const lower = padNumber(since.getTime(), 13);
      const lists = await Promise.all(buckets.map((b) => listAll(client, odata`PartitionKey eq ${b} and RowKey ge ${lower} and RowKey le ${upper}`)));
      return lists.flat().map((row): ReminderIndexEntry => {
        const [ms, forum] = row.rowKey.split('~');
        const handled = row['handledThrough'];
        return { forumId: unescapeKey(forum ?? ''), dueAt: new Date(Number(ms)).toISOString(), ...(typeof handled === 'string' ? { handledThrough: handled } : {}) };
      });
    },

    async remove(entries) {
      const client = await tables.client(TABLE);
      const byPartition = new Map<string, Map<string, RowKeys>>();
      for (const e of entries) {
        const ms = Date.parse(e.dueAt);
        const row = { partitionKey: bucketOf(ms), rowKey: rowKeyOf(ms, e.forumId) };
        byPartition.set(row.partitionKey, (byPartition.get(row.partitionKey) ?? new Map<string, RowKeys>()).set(row.rowKey, row));
      }
      // One transaction per partition (an hour); rows someone else removed already are no error.
      await Promise.all([...byPartition.values()].map((rows) => deleteRows(client, [...rows.values()])));
    },

    async cursor() {
      const client = await tables.client(TABLE);
      try {
        const row = await client.getEntity<{ at: string }>('cursor', 'reminders');
        return new Date(row.at);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },

    async setCursor(at) {
      const client = await tables.client(TABLE);
      await client.upsertEntity({ partitionKey: 'cursor', rowKey: 'reminders', at: at.toISOString() }, 'Replace');
    },

    async markChanged(forumId) {
      const client = await tables.client(TABLE);
      // Every write gives a new ETag; the nonce makes that plain.
      await client.upsertEntity({ partitionKey: CHANGED, rowKey: checkKey(TABLE, 'RowKey', escapeKey(forumId)), forumId, nonce: randomUUID() }, 'Replace');
    },

    async marks(forumIds) {
      if (forumIds.length === 0) return new Map();
      const client = await tables.client(TABLE);
      const rows = await listRowsIn(client, CHANGED, forumIds.map((id) => checkKey(TABLE, 'RowKey', escapeKey(id))));
      return new Map(rows.map((row) => [unescapeKey(row.rowKey), row.etag]));
    },
  };
}
