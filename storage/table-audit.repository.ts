import { odata, type TransactionAction } from '@azure/data-tables';
import { AuditEvent } from '../domain/audit/audit-event';
import type { AuditRepository } from '../domain/audit/audit.repository';
import { compact, dataOf } from './entity-codec';
import { assertEntityFits } from './entity-size';
import type { TableSet } from './table-client';
import { mapWriteError } from './table-errors';
import { checkKey, escapeKey, joinKey, padNumber } from './table-keys';
import { listAll, listUpTo, type Row } from './table-query';
import { deleteRows, submitInChunks, type RowKeys } from './table-batch';

/**
 * Table `audit`, partition = forum, row = `{inverted time:16}~{id}`. Rows sort by key, so the
 * newest event comes first and "the latest N" is one query that stops after N rows. Events are
 * only ever added (create: an id is never written twice) and only removed by retention.
 */
const TABLE = 'audit';
/** Largest millisecond a JavaScript date can hold; subtracting from it inverts the order. */
const MAX_TIME = 8_640_000_000_000_000;

const partitionOf = (forumId: string): string => checkKey(TABLE, 'PartitionKey', escapeKey(forumId));
const rowKeyOf = (event: AuditEvent): string =>
  checkKey(TABLE, 'RowKey', joinKey(padNumber(MAX_TIME - Date.parse(event.at), 16), escapeKey(event.id)));

const fromRow = (row: Row): AuditEvent => AuditEvent.parse(dataOf(row));

export function createAuditRepository(tables: TableSet): AuditRepository {
  return {
    async append(event) {
      const entity = { partitionKey: partitionOf(event.forumId), rowKey: rowKeyOf(event), ...compact(event) };
      assertEntityFits(TABLE, entity);
      try {
        await (await tables.client(TABLE)).createEntity(entity);
      } catch (error) {
        mapWriteError(error, { table: TABLE, key: [event.forumId, event.id] });
      }
    },

    async listByForum(forumId, limit) {
      const client = await tables.client(TABLE);
      const filter = odata`PartitionKey eq ${partitionOf(forumId)}`;
      const rows = limit === undefined ? await listAll(client, filter) : await listUpTo(client, filter, limit);
      return rows.map(fromRow);
    },

    async listBefore(forumId, before, limit) {
      // Inverted keys: everything older than `before` sorts after its key, oldest last.
      const filter = odata`PartitionKey eq ${partitionOf(forumId)} and RowKey gt ${padNumber(MAX_TIME - before.getTime(), 16)}`;
      return (await listUpTo(await tables.client(TABLE), filter, limit)).map(fromRow);
    },

    async remove(events) {
      const table = await tables.client(TABLE);
      const byForum = new Map<string, RowKeys[]>();
      for (const event of events) {
        const partitionKey = partitionOf(event.forumId);
        byForum.set(partitionKey, [...(byForum.get(partitionKey) ?? []), { partitionKey, rowKey: rowKeyOf(event) }]);
      }
      for (const rows of byForum.values()) await deleteRows(table, rows);
    },

    async rewrite(events) {
      const table = await tables.client(TABLE);
      const byForum = new Map<string, TransactionAction[]>();
      for (const event of events) {
        const entity = { partitionKey: partitionOf(AuditEvent.parse(event).forumId), rowKey: rowKeyOf(event), ...compact(event) };
        assertEntityFits(TABLE, entity);
        byForum.set(entity.partitionKey, [...(byForum.get(entity.partitionKey) ?? []), ['upsert', entity, 'Replace']]);
      }
      for (const actions of byForum.values()) await submitInChunks(table, actions);
    },
  };
}
