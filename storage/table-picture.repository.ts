import { odata } from '@azure/data-tables';
import { addCounters, cellRowKey, emptyCounters, type CellCounters, type CellDelta, type PictureCell } from '../domain/picture/picture-cell';
import type { PictureLayer, PictureRepository } from '../domain/picture/picture.repository';
import { ConcurrencyError } from '../domain/shared/repository-errors';
import { retryOnConflict } from './conflict-retry';
import type { TableSet } from './table-client';
import { isConflict, isNotFound, isPreconditionFailed } from './table-errors';
import { checkKey, escapeKey, prefixBounds } from './table-keys';
import { listAll } from './table-query';

/**
 * `picturecells` (detail) and `picturesummary`: partition = month ("2026-03"), row =
 * forum|category|area, the counters as JSON: a half-year view reads six partitions. `picturecontrib`: partition = kind, row = record id, what the
 * record last added.
 */
const CELLS = 'picturecells';
/** The summary has its own small table: a view of all fora never touches the detail's rows. */
const SUMMARY = 'picturesummary';
const tableOf = (layer: PictureLayer): typeof CELLS | typeof SUMMARY => (layer === 'summary' ? SUMMARY : CELLS);
const CONTRIB = 'picturecontrib';

const rowKeyOf = (cell: Omit<PictureCell, 'counters' | 'month'>): string => checkKey(CELLS, 'RowKey', escapeKey(cellRowKey(cell)));

function cellOf(row: Record<string, unknown>): PictureCell {
  const [forumId = '', category = '', area = ''] = String(row['key']).split('|');
  return { month: String(row['partitionKey']), forumId, category, area, counters: addCounters(emptyCounters(), JSON.parse(String(row['counters'])) as CellCounters) };
}

/** The stored row of a cell (for writing many cells at once in batches: a rebuild, the benchmark's seed). */
export const pictureCellEntity = (cell: PictureCell): { partitionKey: string; rowKey: string; key: string; counters: string } => ({
  partitionKey: cell.month,
  rowKey: rowKeyOf(cell),
  key: cellRowKey(cell),
  counters: JSON.stringify(cell.counters),
});

export function createPictureRepository(tables: TableSet): PictureRepository {
  async function addOne(change: PictureCell, layer: PictureLayer): Promise<void> {
    const client = await tables.client(tableOf(layer));
    const rowKey = rowKeyOf(change);
    const partition = change.month;
    await retryOnConflict(async () => {
      let current: { counters: CellCounters; etag?: string };
      try {
        const row = await client.getEntity<Record<string, unknown>>(partition, rowKey);
        current = { counters: cellOf(row).counters, etag: String(row['etag']) };
      } catch (error) {
        if (!isNotFound(error)) throw error;
        current = { counters: emptyCounters() };
      }
      const entity = { partitionKey: partition, rowKey, key: cellRowKey(change), counters: JSON.stringify(addCounters(current.counters, change.counters)) };
      try {
        if (current.etag === undefined) await client.createEntity(entity);
        else await client.updateEntity(entity, 'Replace', { etag: current.etag });
      } catch (error) {
        if (isConflict(error) || isPreconditionFailed(error)) throw new ConcurrencyError({ table: CELLS, month: change.month, rowKey });
        throw error;
      }
    });
  }

  const contribKey = (id: string): string => checkKey(CONTRIB, 'RowKey', escapeKey(id));

  return {
    async add(changes, layer = 'detail') {
      // Cells of one change are distinct; writing them side by side keeps a case's step quick.
      await Promise.all(changes.map((change) => addOne(change, layer)));
    },

    async listMonths(months, options = {}) {
      if (months.length === 0) return [];
      const client = await tables.client(tableOf(options.layer ?? 'detail'));
      // One range of partitions (month keys sort as text) instead of a request per month.
      const first = months.reduce((a, b) => (a < b ? a : b));
      const last = months.reduce((a, b) => (a > b ? a : b));
      const inMonths = odata`PartitionKey ge ${first} and PartitionKey le ${last}`;
      const filters =
        options.forumIds === undefined
          ? [inMonths]
          : options.forumIds.map((forumId) => {
              // A forum's cells are one key range: its id starts the row key.
              const { from, to } = prefixBounds(escapeKey(`${forumId}|`));
              return `${inMonths} and ${odata`RowKey ge ${from} and RowKey lt ${to}`}`;
            });
      const wanted = new Set(months);
      const lists = await Promise.all(filters.map((filter) => listAll(client, filter)));
      return lists
        .flat()
        .map(cellOf)
        .filter((cell) => wanted.has(cell.month));
    },

    async contributionOf(kind, id) {
      const client = await tables.client(CONTRIB);
      try {
        const row = await client.getEntity<{ deltas: string }>(kind, contribKey(id));
        return JSON.parse(row.deltas) as CellDelta[];
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
    },

    async setContribution(kind, id, deltas) {
      const client = await tables.client(CONTRIB);
      await client.upsertEntity({ partitionKey: kind, rowKey: contribKey(id), deltas: JSON.stringify(deltas) }, 'Replace');
    },

    async clear() {
      for (const name of [CELLS, SUMMARY, CONTRIB] as const) {
        const client = await tables.client(name);
        const rows = await listAll(client, '');
        await Promise.all(rows.map((row) => client.deleteEntity(row.partitionKey, row.rowKey)));
      }
    },
  };
}


