import { odata, type TransactionAction } from '@azure/data-tables';
import { Initiative, InitiativeChange } from '../domain/plan/initiative';
import type { InitiativeRepository } from '../domain/plan/plan.repository';
import { newId } from '../domain/shared/ids';
import { compact, dataOf, fromJson, toJson } from './entity-codec';
import { assertEntityFits } from './entity-size';
import type { TableSet } from './table-client';
import { mapWriteError } from './table-errors';
import { checkKey, escapeKey, joinKey } from './table-keys';
import { submitInChunks } from './table-batch';
import { listAll, type Row } from './table-query';
import { VersionedRows, type RowCodec } from './versioned-rows';

/**
 * Table `initiatives`: partition `initiative`, row = id (a municipality has tens, one query reads
 * them all). Table `initiativehistory`: partition = initiative, row = `{time}~{id}`, so the history
 * reads oldest first and only ever grows (one row per change, never a growing property).
 */
const codec: RowCodec<Initiative> = {
  table: 'initiatives',
  keys: (i) => ['initiative', i.id],
  toProperties: ({ version: _version, ages, actionItemIds, caseIds, ...plain }) =>
    compact({ ...plain, ages: toJson(ages), actionItemIds: toJson(actionItemIds), caseIds: toJson(caseIds) }),
  fromRow: (row) =>
    Initiative.parse({ ...dataOf(row), ages: fromJson(row['ages']), actionItemIds: fromJson(row['actionItemIds']), caseIds: fromJson(row['caseIds']), version: row.etag }),
};

const HISTORY = 'initiativehistory';

const changeOf = (row: Row): InitiativeChange => InitiativeChange.parse({ ...dataOf(row), fields: fromJson(row['fields']) });

export function createInitiativeRepository(tables: TableSet): InitiativeRepository {
  const rows = new VersionedRows(tables, codec);
  return {
    findById: (id) => rows.find('initiative', id),
    list: () => rows.listPartition('initiative'),
    save: (initiative) => rows.save(initiative),

    async appendHistory(change) {
      const parsed = InitiativeChange.parse(change);
      const partitionKey = checkKey(HISTORY, 'PartitionKey', escapeKey(parsed.initiativeId));
      const rowKey = checkKey(HISTORY, 'RowKey', joinKey(parsed.at, newId()));
      const entity = { partitionKey, rowKey, ...compact({ ...parsed, fields: toJson(parsed.fields) }) };
      assertEntityFits(HISTORY, entity);
      try {
        await (await tables.client(HISTORY)).createEntity(entity);
      } catch (error) {
        mapWriteError(error, { table: HISTORY, key: [parsed.initiativeId] });
      }
    },

    async historyByActor(actorId) {
      const rows = await listAll(await tables.client(HISTORY), odata`actorId eq ${actorId}`);
      return rows.map(changeOf);
    },

    async replaceHistoryActor(actorId, newActorId) {
      const client = await tables.client(HISTORY);
      const rows = await listAll(client, odata`actorId eq ${actorId}`);
      // History rows are only ever appended, so a merge of the one property races with nobody.
      const byInitiative = new Map<string, Row[]>();
      for (const row of rows) byInitiative.set(row.partitionKey, [...(byInitiative.get(row.partitionKey) ?? []), row]);
      for (const partition of byInitiative.values()) {
        await submitInChunks(client, partition.map((row): TransactionAction => ['update', { partitionKey: row.partitionKey, rowKey: row.rowKey, actorId: newActorId }, 'Merge']));
      }
      return rows.length;
    },

    async history(id) {
      const client = await tables.client(HISTORY);
      const rows = await listAll(client, odata`PartitionKey eq ${escapeKey(id)}`);
      return rows.map(changeOf);
    },
  };
}
