import { odata } from '@azure/data-tables';
import { PlanRecord, PlanVersion } from '../domain/plan/plan';
import type { PlanRepository } from '../domain/plan/plan.repository';
import { compact, dataOf, joinText, splitText, toJson } from './entity-codec';
import { assertEntityFits } from './entity-size';
import type { TableSet } from './table-client';
import { isNotFound, mapWriteError } from './table-errors';
import { padNumber } from './table-keys';
import { listAll, type Row } from './table-query';
import { VersionedRows, type RowCodec } from './versioned-rows';

/**
 * Table `plans`: partition `plan`, row `current` = the working copy and settings; partition
 * `version`, row = the version number padded = an approved version, created once and never
 * replaced (that is what "frozen" means in storage). Content, adjustments and lists are JSON text,
 * spread over several properties when long.
 */
const TABLE = 'plans';
const CURRENT: readonly [string, string] = ['plan', 'current'];
const JSON_FIELDS = ['pending', 'adjustments', 'addedSinceApproval'] as const;

const parseJson = (text: string | undefined): unknown => (text === undefined ? undefined : JSON.parse(text));

const codec: RowCodec<PlanRecord> = {
  table: TABLE,
  keys: () => CURRENT,
  toProperties: ({ version: _version, pending, adjustments, addedSinceApproval, basis, strategy, ...plain }) =>
    compact({
      ...plain,
      ...splitText('basis', basis),
      ...splitText('strategy', strategy),
      ...splitText('pending', toJson(pending)),
      ...splitText('adjustments', toJson(adjustments)),
      ...splitText('addedSinceApproval', toJson(addedSinceApproval)),
    }),
  fromRow: (row) => {
    const plain = Object.fromEntries(Object.entries(dataOf(row)).filter(([name]) => !/_(n|\d+)$/.test(name)));
    const json = Object.fromEntries(JSON_FIELDS.map((name) => [name, parseJson(joinText(row, name))]));
    return PlanRecord.parse({ ...plain, ...json, basis: joinText(row, 'basis'), strategy: joinText(row, 'strategy'), version: row.etag });
  },
};

const versionRow = (n: number): string => padNumber(n, 6);

/** A version as its row: the scalar fields as properties, the content as JSON text spread over parts. */
function versionEntity(version: PlanVersion): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const { number, content, ...rest } = PlanVersion.parse(version);
  const entity = { partitionKey: 'version', rowKey: versionRow(number), ...compact({ number, ...rest }), ...splitText('content', JSON.stringify(content)) };
  assertEntityFits(TABLE, entity);
  return entity;
}

function versionOf(row: Row): PlanVersion {
  const plain = Object.fromEntries(Object.entries(dataOf(row)).filter(([name]) => !name.startsWith('content_')));
  return PlanVersion.parse({ ...plain, content: parseJson(joinText(row, 'content')) });
}

export function createPlanRepository(tables: TableSet): PlanRepository {
  const rows = new VersionedRows(tables, codec);
  return {
    find: () => rows.find(...CURRENT),
    save: (record) => rows.save(record),
    update: (change) => rows.update(...CURRENT, change),

    async addVersion(version) {
      const entity = versionEntity(version);
      try {
        await (await tables.client(TABLE)).createEntity(entity);
      } catch (error) {
        mapWriteError(error, { table: TABLE, key: ['version', version.number] });
      }
    },

    async replaceVersion(version) {
      // Replace (not merge): a shorter content leaves no stale parts behind; it must exist already.
      const entity = versionEntity(version);
      try {
        await (await tables.client(TABLE)).updateEntity(entity, 'Replace');
      } catch (error) {
        mapWriteError(error, { table: TABLE, key: ['version', version.number] });
      }
    },

    async listVersions() {
      const rows = await listAll(await tables.client(TABLE), odata`PartitionKey eq 'version'`);
      return rows.map(versionOf);
    },

    async findVersion(number) {
      const client = await tables.client(TABLE);
      try {
        return versionOf((await client.getEntity<Record<string, unknown>>('version', versionRow(number))) as Row);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
  };
}
