import { randomBytes } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { Agenda, type AgendaItem } from '../domain/agendas/agenda';
import type { AgendaRepository, AgendaWriteOptions } from '../domain/agendas/agenda.repository';
import { ConcurrencyError, NotFoundError, TooLargeError } from '../domain/shared/repository-errors';
import { retryOnConflict } from './conflict-retry';
import { compact, dataOf, joinText, splitText, toJson, type Properties } from './entity-codec';
import { assertEntityFits, ENTITY_LIMIT_BYTES, entityBytes } from './entity-size';
import { deleteRows, type RowKeys } from './table-batch';
import type { TableSet } from './table-client';
import { mapWriteError } from './table-errors';
import { checkKey, escapeKey, joinKey, padNumber, prefixBounds } from './table-keys';
import { listAll, type Row } from './table-query';
import { createLiveWork } from './table-live-work';

/**
 * Table `agendas`, partition = forum. An agenda is a header row (RowKey = agenda id) and one row
 * per item (RowKey = `{agendaId}~{itemsKey}~{position:3}`): 100 items of 2,000 characters would not
 * fit one 64 KiB property.
 *
 * Crash-safe write: the item rows of a new `itemsKey` (`r{revision:8}.{nonce}`) are written first
 * (one transaction), then the header that points at them is created or replaced with If-Match.
 * A reader keeps the header and the rows of the header's `itemsKey` only, so a crash between the
 * two writes, or a writer that loses the If-Match race, leaves the previous agenda intact. Only the
 * header decides who wins: Azurite does not honour If-Match inside transactions. A write that leaves
 * the items as they are (a circulation, a rename) writes the header alone, over the same item rows.
 */
const TABLE = 'agendas';
/** Rows of an unknown itemsKey older than this are left over by a crash and may go. */
const ORPHAN_AGE_MS = 60 * 60 * 1000;

export type CleanupErrorReporter = (error: unknown, context: Record<string, unknown>) => void;

interface Loaded {
  header: Row | undefined;
  rows: Row[];
}

const partitionOf = (forumId: string): string => checkKey(TABLE, 'PartitionKey', escapeKey(forumId));
const headerKeyOf = (id: string): string => checkKey(TABLE, 'RowKey', escapeKey(id));
const newItemsKey = (revision: number): string => `r${padNumber(revision, 8)}.${randomBytes(4).toString('hex')}`;

function headerProperties(agenda: Agenda, itemsKey: string): Properties {
  const { version: _version, items, circulation, ...plain } = agenda;
  return { ...compact({ ...plain, kind: 'agenda', itemsKey, itemCount: items.length }), ...splitText('circulation', toJson(circulation)) };
}

/**
 * An item row carries its agenda's `meetingStart` (a write that moves it writes the item rows anew), so the
 * agendas from a time on are one query, headers and items alike, whatever the forum's history.
 */
function itemRow(partitionKey: string, agenda: Agenda, itemsKey: string, item: AgendaItem, position: number): Properties & { partitionKey: string; rowKey: string } {
  const rowKey = checkKey(TABLE, 'RowKey', joinKey(escapeKey(agenda.id), itemsKey, padNumber(position, 3)));
  return { partitionKey, rowKey, ...compact({ ...item, kind: 'item', agendaId: agenda.id, itemsKey, position, meetingStart: agenda.meetingStart }) };
}

/** The item rows of one itemsKey, in their order on the agenda. */
function itemRowsOf(rows: readonly Row[], itemsKey: unknown): Row[] {
  return rows.filter((row) => row['kind'] === 'item' && row['itemsKey'] === itemsKey).sort((a, b) => Number(a['position']) - Number(b['position']));
}

/** What a stored row holds, without the keys and the service's own properties. */
function contentOf(row: Record<string, unknown>): Record<string, unknown> {
  const { partitionKey: _p, rowKey: _r, etag: _e, timestamp: _t, ...content } = row;
  return content;
}

const sameContent = (a: Record<string, unknown>, b: Record<string, unknown>): boolean => {
  const [x, y] = [contentOf(a), contentOf(b)];
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((key) => Object.is(x[key], y[key]));
};

/**
 * The stored agenda's itemsKey when its item rows already hold exactly what `agenda`'s would
 * (same items, same order, same meeting time); undefined when the items must be written anew.
 */
function unchangedItemsKey(agenda: Agenda, existing: Loaded): string | undefined {
  const itemsKey = existing.header?.['itemsKey'];
  if (typeof itemsKey !== 'string') return undefined;
  const stored = itemRowsOf(existing.rows, itemsKey);
  if (stored.length !== agenda.items.length) return undefined;
  const partitionKey = partitionOf(agenda.forumId);
  return agenda.items.every((item, position) => sameContent(itemRow(partitionKey, agenda, itemsKey, item, position), stored[position]!)) ? itemsKey : undefined;
}

/**
 * A header whose item rows are not all there. A query is not a snapshot: a writer may move the
 * header on and remove the old rows while we read, so the read is repeated a few times.
 */
class TornReadError extends Error {
  override name = 'TornReadError';
}
const READ_TRIES = 3;
const TEXT_ORDER_MARGIN_MS = 86_400_000;

/** Item rows by the agenda they belong to. */
function groupItems(rows: readonly Row[]): Map<unknown, Row[]> {
  const byAgenda = new Map<unknown, Row[]>();
  for (const row of rows) {
    if (row['kind'] !== 'item') continue;
    const group = byAgenda.get(row['agendaId']);
    if (group === undefined) byAgenda.set(row['agendaId'], [row]);
    else group.push(row);
  }
  return byAgenda;
}

async function readWhole<T>(read: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof TornReadError) || n >= READ_TRIES) throw error;
    }
  }
}

/** The agenda a header points at, or TornReadError when its item rows are not all there. */
function assemble(header: Row, rows: readonly Row[]): Agenda {
  const items = itemRowsOf(rows, header['itemsKey']);
  if (items.length !== header['itemCount']) {
    throw new TornReadError(`agenda ${String(header['id'])}: ${items.length} item rows for ${String(header['itemCount'])} items`);
  }
  const circulation = joinText(header, 'circulation');
  return Agenda.parse({
    ...dataOf(header),
    circulation: circulation === undefined ? undefined : JSON.parse(circulation),
    items: items.map(dataOf),
    version: header.etag,
  });
}

export function createAgendaRepository(tables: TableSet, reportCleanupError: CleanupErrorReporter): AgendaRepository {
  const client = (): Promise<TableClient> => tables.client(TABLE);
  const live = createLiveWork(tables);
  /** Before the write: a crash after it leaves the agenda listed (tended once more), never written and unlisted. */
  const markLive = (forumId: string, id: string): Promise<void> => live.mark('agendas', id, { forumId });

  /** One range query: the header and every item row of the agenda, of every itemsKey. */
  async function load(forumId: string, id: string): Promise<Loaded> {
    const headerKey = headerKeyOf(id);
    const { from, to } = prefixBounds(joinKey(headerKey, ''));
    const rows = await listAll(
      await client(),
      odata`PartitionKey eq ${partitionOf(forumId)} and (RowKey eq ${headerKey} or (RowKey ge ${from} and RowKey lt ${to}))`,
    );
    return { header: rows.find((row) => row.rowKey === headerKey), rows };
  }

  /** Deletes rows no header points at any more; a failure here leaves only invisible rows behind. */
  async function cleanUp(table: TableClient, rows: readonly RowKeys[], context: Record<string, unknown>): Promise<void> {
    try {
      await deleteRows(table, rows);
    } catch (error) {
      reportCleanupError(error, { table: TABLE, ...context });
    }
  }

  /** Writes `agenda` over what `existing` holds (absent: a new agenda). */
  async function write(agenda: Agenda, existing: Loaded | undefined, options: AgendaWriteOptions): Promise<Agenda> {
    const partitionKey = partitionOf(agenda.forumId);
    const rowKey = headerKeyOf(agenda.id);
    // Items as stored already (a change of the header only: a circulation, a rename) are kept: the
    // header is written alone, pointing at the same rows.
    const keptItemsKey = existing === undefined ? undefined : unchangedItemsKey(agenda, existing);
    const itemsKey = keptItemsKey ?? newItemsKey(agenda.revision);
    const header = { partitionKey, rowKey, ...headerProperties(agenda, itemsKey) };
    const items = agenda.items.map((item, position) => itemRow(partitionKey, agenda, itemsKey, item, position));

    // Everything is checked before the first write: nothing of a refused agenda is stored.
    let total = 0;
    for (const row of [header, ...items]) {
      assertEntityFits(TABLE, row);
      total += entityBytes(row);
    }
    // One agenda stays within what one entity may hold, which also keeps its items one transaction (< 4 MiB).
    if (total > ENTITY_LIMIT_BYTES) throw new TooLargeError({ table: TABLE, property: 'items', bytes: total, limit: ENTITY_LIMIT_BYTES });

    if (options.live?.(agenda) ?? true) await markLive(agenda.forumId, agenda.id);
    const table = await client();
    const context = { table: TABLE, key: [agenda.forumId, agenda.id] };
    const newRows = keptItemsKey === undefined ? items : [];
    if (newRows.length > 0) await table.submitTransaction(newRows.map((row): TransactionAction => ['create', row]));

    let etag: string | undefined;
    try {
      const response =
        agenda.version === undefined ? await table.createEntity(header) : await table.updateEntity(header, 'Replace', { etag: agenda.version });
      etag = response.etag;
    } catch (error) {
      await cleanUp(table, newRows, { ...context, reason: 'write lost' });
      mapWriteError(error, context);
    }

    if (existing !== undefined) {
      const oldItemsKey = existing.header?.['itemsKey'];
      const orphanBefore = Date.now() - ORPHAN_AGE_MS;
      const stale = existing.rows.filter(
        (row) =>
          row['kind'] === 'item' &&
          row['itemsKey'] !== itemsKey &&
          (row['itemsKey'] === oldItemsKey || (row.timestamp !== undefined && Date.parse(row.timestamp) < orphanBefore)),
      );
      await cleanUp(table, stale, { ...context, reason: 'old revision' });
    }
    return { ...agenda, version: etag };
  }

  /**
   * The forum's agendas of meetings from `from` on, in one query: headers and item rows both carry
   * `meetingStart`. An agenda whose item rows do not (written before they did) or that was being
   * rewritten while we read is read again alone.
   */
  async function agendasFrom(forumId: string, from: Date): Promise<Agenda[]> {
    const rows = await listAll(await client(), odata`PartitionKey eq ${partitionOf(forumId)} and meetingStart ge ${from.toISOString()}`);
    const itemsOf = groupItems(rows);
    const agendas = await Promise.all(
      rows
        .filter((row) => row['kind'] === 'agenda')
        .map(async (header) => {
          try {
            return assemble(header, itemsOf.get(header['id']) ?? []);
          } catch (error) {
            if (!(error instanceof TornReadError)) throw error;
            return readWhole(async () => {
              const loaded = await load(forumId, String(header['id']));
              return loaded.header === undefined ? undefined : assemble(loaded.header, loaded.rows);
            });
          }
        }),
    );
    return agendas.filter((agenda): agenda is Agenda => agenda !== undefined);
  }

  async function listFrom(forumId: string, from: Date): Promise<Agenda[]> {
    // Compared as text by the service (an offset other than Z would not sort by time): a day's margin, then by time here.
    const read = await agendasFrom(forumId, new Date(from.getTime() - TEXT_ORDER_MARGIN_MS));
    return read.filter((agenda) => Date.parse(agenda.meetingStart) >= from.getTime());
  }

  /** The current agenda, failing early when its version is no longer current. */
  async function loadForWrite(forumId: string, id: string, version: string): Promise<Loaded> {
    const loaded = await load(forumId, id);
    if (loaded.header === undefined) throw new NotFoundError({ table: TABLE, key: [forumId, id] });
    if (loaded.header.etag !== version) throw new ConcurrencyError({ table: TABLE, key: [forumId, id] });
    return loaded;
  }

  return {
    findById: (forumId, id) =>
      readWhole(async () => {
        const { header, rows } = await load(forumId, id);
        return header === undefined ? undefined : assemble(header, rows);
      }),

    listByForum: (forumId) =>
      readWhole(async () => {
        const rows = await listAll(await client(), odata`PartitionKey eq ${partitionOf(forumId)}`);
        const byAgenda = groupItems(rows);
        return rows.filter((row) => row['kind'] === 'agenda').map((header) => assemble(header, byAgenda.get(header['id']) ?? []));
      }),

    async listPublishedFrom(forumId, from) {
      return (await listFrom(forumId, from)).filter((agenda) => agenda.state === 'published');
    },

    listFrom,

    async save(agenda, options = {}) {
      const existing = agenda.version === undefined ? undefined : await loadForWrite(agenda.forumId, agenda.id, agenda.version);
      return write(agenda, existing, options);
    },

    async update(forumId, id, change, options = {}) {
      return retryOnConflict(async () => {
        const [loaded, current] = await readWhole(async () => {
          const rows = await load(forumId, id);
          if (rows.header === undefined) throw new NotFoundError({ table: TABLE, key: [forumId, id] });
          return [rows, assemble(rows.header, rows.rows)] as const;
        });
        const next = change(current);
        if (next.forumId !== forumId || next.id !== id) throw new Error('agendas: an update may not change the key');
        return write({ ...next, version: current.version }, loaded, options);
      });
    },

    async delete(forumId, id) {
      const { header, rows } = await load(forumId, id);
      if (header === undefined) throw new NotFoundError({ table: TABLE, key: [forumId, id] });
      const table = await client();
      // The header goes first: without it the item rows are invisible, whatever happens next.
      try {
        await table.deleteEntity(header.partitionKey, header.rowKey);
      } catch (error) {
        mapWriteError(error, { table: TABLE, key: [forumId, id] });
      }
      await cleanUp(
        table,
        rows.filter((row) => row !== header),
        { key: [forumId, id], reason: 'agenda deleted' },
      );
      await live.remove('agendas', id).catch((error: unknown) => reportCleanupError(error, { table: 'livework', key: [forumId, id], reason: 'agenda deleted' }));
    },

    async listLive() {
      return (await live.list('agendas')).flatMap((row) => (row.data['forumId'] === undefined ? [] : [{ forumId: row.data['forumId'], agendaId: row.id, mark: row.mark }]));
    },
    settle: (agenda) => live.settle('agendas', { id: agenda.agendaId, mark: agenda.mark }),
    markLive,
  };
}
