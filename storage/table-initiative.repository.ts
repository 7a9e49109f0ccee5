import { odata } from '@azure/data-tables';
import { Initiative, InitiativeChange } from '../domain/plan/initiative';
import type { InitiativeRepository } from '../domain/plan/plan.repository';
import { newId } from '../domain/shared/ids';
import { compact, dataOf, fromJson, toJson } from './entity-codec';
import { assertEntityFits } from './entity-size';
import type { TableSet } from './table-client';
import { mapWriteError } from './table-errors';
import { checkKey, escapeKey, joinKey } from './table-keys';
import { listAll } from './table-query';
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

    async history(id) {
      const client = await tables.client(HISTORY);
      const rows = await listAll(client, odata`PartitionKey eq ${escapeKey(id)}`);
      return rows.map((row) => InitiativeChange.parse({ ...dataOf(row), fields: fromJson(row['fields']) }));
    },
  };
}
