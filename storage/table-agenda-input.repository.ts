import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { AgendaInput } from '../domain/agendas/agenda';
import type { AgendaInputRepository } from '../domain/agendas/agenda.repository';
import { ConcurrencyError } from '../domain/shared/repository-errors';
import { retryOnConflict } from './conflict-retry';
import { compact, dataOf } from './entity-codec';
import { assertEntityFits } from './entity-size';
import { BATCH_LIMIT, deleteRows, submitInChunks } from './table-batch';
import type { TableSet } from './table-client';
import { isNotFound } from './table-errors';
import { checkKey, escapeKey, joinKey, prefixBounds } from './table-keys';
import { listAll, type Row } from './table-query';

/**
 * Table `agendainputs`, partition = agenda, row = `{authorId}~{itemId}` (`{authorId}~` for "no
 * comments"). An author's rows are one range query and never contend with another author's.
 * `replaceAnswer` is one transaction: upsert the new rows, delete the author's other rows.
 */
const TABLE = 'agendainputs';

const partitionOf = (agendaId: string): string => checkKey(TABLE, 'PartitionKey', escapeKey(agendaId));
const authorPrefix = (authorId: string): string => joinKey(escapeKey(authorId), '');
const rowKeyOf = (input: AgendaInput): string =>
  checkKey(TABLE, 'RowKey', authorPrefix(input.authorId) + (input.itemId === undefined ? '' : escapeKey(input.itemId)));

const fromRow = (row: Row): AgendaInput => AgendaInput.parse({ ...dataOf(row), version: row.etag });

export function createAgendaInputRepository(tables: TableSet): AgendaInputRepository {
  const client = (): Promise<TableClient> => tables.client(TABLE);

  async function authorRows(agendaId: string, authorId: string): Promise<Row[]> {
    const { from, to } = prefixBounds(authorPrefix(authorId));
    return listAll(await client(), odata`PartitionKey eq ${partitionOf(agendaId)} and RowKey ge ${from} and RowKey lt ${to}`);
  }

  return {
    async listByAgenda(agendaId) {
      const rows = await listAll(await client(), odata`PartitionKey eq ${partitionOf(agendaId)}`);
      return rows.map(fromRow);
    },

    async listByAuthor(agendaId, authorId) {
      return (await authorRows(agendaId, authorId)).map(fromRow);
    },

    async replaceAnswer(agendaId, authorId, inputs) {
      const partitionKey = partitionOf(agendaId);
      const entities = inputs.map((input) => {
        if (input.agendaId !== agendaId || input.authorId !== authorId) {
          throw new Error(`${TABLE}: every input of an answer must belong to agenda ${agendaId} and author ${authorId}`);
        }
        const { version: _version, ...plain } = input;
        const entity = { partitionKey, rowKey: rowKeyOf(input), ...compact(plain) };
        assertEntityFits(TABLE, entity);
        return entity;
      });
      const keys = new Set(entities.map((entity) => entity.rowKey));
      if (keys.size !== entities.length) throw new Error(`${TABLE}: an answer holds one input per item`);

      const table = await client();
      // A concurrent replace by the same author can delete a row we meant to delete (404): read again.
      await retryOnConflict(async () => {
        const old = (await authorRows(agendaId, authorId)).filter((row) => !keys.has(row.rowKey));
        const upserts = entities.map((entity): TransactionAction => ['upsert', entity, 'Replace']);
        const deletes = old.map((row): TransactionAction => ['delete', { partitionKey, rowKey: row.rowKey }]);
        try {
          if (upserts.length + deletes.length <= BATCH_LIMIT) {
            if (upserts.length + deletes.length > 0) await table.submitTransaction([...upserts, ...deletes]);
          } else {
            // Beyond one transaction (only when an author swaps 100 comments for "no comments"):
            // new rows first, then the old ones go, so the answer is never empty in between.
            await submitInChunks(table, upserts);
            await deleteRows(table, old);
          }
        } catch (error) {
          if (isNotFound(error)) throw new ConcurrencyError({ table: TABLE, key: [agendaId, authorId] });
          throw error;
        }
      });
    },

    async deleteByAgenda(agendaId) {
      const table = await client();
      await deleteRows(table, await listAll(table, odata`PartitionKey eq ${partitionOf(agendaId)}`));
    },
  };
}
