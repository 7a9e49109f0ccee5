import { randomBytes } from 'node:crypto';
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
 * Table `agendainputs`, partition = agenda, row = `{authorId}~{answerKey}~{itemId}` (no item id for
 * "no comments"). An author's rows are one range query and never contend with another author's.
 *
 * Each answer gets a new, time-ordered `answerKey`, and readers keep only the rows of an author's
 * newest answer. So `replaceAnswer` (one transaction: the new rows, and deletes of the author's
 * older rows) leaves one whole answer even when the same person submits twice at once: two
 * first answers write disjoint rows and the newer key wins instead of the two mixing. Rows of
 * the older answer that a racing writer could not see are hidden and go with the next answer.
 */
const TABLE = 'agendainputs';

const partitionOf = (agendaId: string): string => checkKey(TABLE, 'PartitionKey', escapeKey(agendaId));
const authorPrefix = (authorId: string): string => joinKey(escapeKey(authorId), '');
const rowKeyOf = (input: AgendaInput, answerKey: string): string =>
  checkKey(TABLE, 'RowKey', authorPrefix(input.authorId) + joinKey(answerKey, input.itemId === undefined ? '' : escapeKey(input.itemId)));
/** Milliseconds in base 36 (fixed width, sorts as time) and a random tail for ties. */
const newAnswerKey = (): string => `a${Date.now().toString(36).padStart(9, '0')}${randomBytes(3).toString('hex')}`;
/** Rows written before answer keys existed count as the oldest answer. */
const answerKeyOf = (row: Row): string => (typeof row['answerKey'] === 'string' ? row['answerKey'] : '');

const fromRow = (row: Row): AgendaInput => {
  const { answerKey: _answerKey, ...data } = dataOf(row);
  return AgendaInput.parse({ ...data, version: row.etag });
};

/** Each author's newest answer only. */
function newestAnswers(rows: readonly Row[]): Row[] {
  const newest = new Map<unknown, string>();
  for (const row of rows) {
    const key = answerKeyOf(row);
    if (key > (newest.get(row['authorId']) ?? '\u0000')) newest.set(row['authorId'], key);
  }
  return rows.filter((row) => answerKeyOf(row) === (newest.get(row['authorId']) ?? ''));
}

export function createAgendaInputRepository(tables: TableSet): AgendaInputRepository {
  const client = (): Promise<TableClient> => tables.client(TABLE);

  async function authorRows(agendaId: string, authorId: string): Promise<Row[]> {
    const { from, to } = prefixBounds(authorPrefix(authorId));
    return listAll(await client(), odata`PartitionKey eq ${partitionOf(agendaId)} and RowKey ge ${from} and RowKey lt ${to}`);
  }

  return {
    async listByAgenda(agendaId) {
      const rows = await listAll(await client(), odata`PartitionKey eq ${partitionOf(agendaId)}`);
      return newestAnswers(rows).map(fromRow);
    },

    async listByAuthor(agendaId, authorId) {
      return newestAnswers(await authorRows(agendaId, authorId)).map(fromRow);
    },

    async replaceAnswer(agendaId, authorId, inputs) {
      const partitionKey = partitionOf(agendaId);
      const entitiesOf = (answerKey: string) =>
        inputs.map((input) => {
          if (input.agendaId !== agendaId || input.authorId !== authorId) {
            throw new Error(`${TABLE}: every input of an answer must belong to agenda ${agendaId} and author ${authorId}`);
          }
          const { version: _version, ...plain } = input;
          const entity = { partitionKey, rowKey: rowKeyOf(input, answerKey), ...compact({ ...plain, answerKey }) };
          assertEntityFits(TABLE, entity);
          return entity;
        });
      const items = new Set(inputs.map((input) => input.itemId ?? ''));
      if (items.size !== inputs.length) throw new Error(`${TABLE}: an answer holds one input per item`);
      entitiesOf(newAnswerKey());

      const table = await client();
      // A concurrent replace by the same author can delete a row we meant to delete (404): read again.
      await retryOnConflict(async () => {
        const entities = entitiesOf(newAnswerKey());
        const keys = new Set(entities.map((entity) => entity.rowKey));
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

    async listForRemoval(agendaId) {
      const rows = await listAll(await client(), odata`PartitionKey eq ${partitionOf(agendaId)}`);
      return { inputs: newestAnswers(rows).map(fromRow), rowKeys: rows.map((row) => row.rowKey) };
    },

    async removeRows(agendaId, rowKeys) {
      const partitionKey = partitionOf(agendaId);
      await deleteRows(await client(), rowKeys.map((rowKey) => ({ partitionKey, rowKey })));
    },

    async deleteByAgenda(agendaId) {
      const table = await client();
      await deleteRows(table, await listAll(table, odata`PartitionKey eq ${partitionOf(agendaId)}`));
    },
  };
}
