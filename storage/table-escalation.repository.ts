import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { CLOSED_STATES, Escalation, EscalationStep, Person } from '../domain/escalations/escalation';
import type { EscalationRepository } from '../domain/escalations/escalation.repository';
import { ConcurrencyError, NotFoundError } from '../domain/shared/repository-errors';
import { compact, dataOf, fromJson, toJson, type Properties } from './entity-codec';
import { assertEntityFits } from './entity-size';
import { retryOnConflict } from './conflict-retry';
import { deleteRows, submitInChunks } from './table-batch';
import type { TableSet } from './table-client';
import { isNotFound, mapWriteError, statusOf } from './table-errors';
import { checkKey, escapeKey, joinKey, padNumber, prefixBounds } from './table-keys';
import { listAll, type Row } from './table-query';
import { createLiveWork } from './table-live-work';

/**
 * Table `escalations`, partition = escalation id: the header row `case` (the case's state, plus its
 * latest step as JSON) and one row `step~{seq:6}` per history step, so history grows without
 * limit, and one row `seen~{userId}` per person who marked the decision as seen. `advance`
 * replaces the header with If-Match (only one of two concurrent managers wins),
 * then writes the step row. Before moving the header on, it makes sure the previous step's row
 * exists, so a crash between the two writes never loses a step: `history` shows the header's step
 * until then.
 *
 * Table `escalationsbyorigin`, partition = origin forum, row = escalation id: the cases raised
 * from a forum (one query, then a point read per case). It is written before the case, so a case
 * is never missing from it; rows pointing at nothing are skipped.
 */
const TABLE = 'escalations';
const INDEX = 'escalationsbyorigin';
const HEADER_ROW = 'case';
/** Point reads in flight at once when listing a forum's cases. */
const READ_PARALLELISM = 16;

const partitionOf = (id: string): string => checkKey(TABLE, 'PartitionKey', escapeKey(id));
const stepRowOf = (seq: number): string => joinKey('step', padNumber(seq, 6));
const seenRowOf = (userId: string): string => checkKey(TABLE, 'RowKey', joinKey('seen', escapeKey(userId)));
const STEP_PREFIX = joinKey('step', '');
const SEEN_PREFIX = joinKey('seen', '');
const isStepRow = (row: Row): boolean => row.rowKey.startsWith(STEP_PREFIX);

function headerEntity(escalation: Escalation, lastStep: EscalationStep): Properties & { partitionKey: string; rowKey: string } {
  const { version: _version, path, raisedBy, ...plain } = escalation;
  const entity = {
    partitionKey: partitionOf(escalation.id),
    rowKey: HEADER_ROW,
    ...compact({ ...plain, path: toJson(path), raisedBy: toJson(raisedBy), lastStep: toJson(lastStep) }),
  };
  assertEntityFits(TABLE, entity);
  return entity;
}

function stepEntity(id: string, step: EscalationStep): Properties & { partitionKey: string; rowKey: string } {
  const { actor, ...plain } = step;
  const entity = { partitionKey: partitionOf(id), rowKey: stepRowOf(step.seq), ...compact({ ...plain, actor: toJson(actor) }) };
  assertEntityFits(TABLE, entity);
  return entity;
}

function indexEntity(escalation: Escalation): Properties & { partitionKey: string; rowKey: string } {
  const entity = {
    partitionKey: checkKey(INDEX, 'PartitionKey', escapeKey(escalation.originForumId)),
    rowKey: checkKey(INDEX, 'RowKey', escapeKey(escalation.id)),
    id: escalation.id,
  };
  assertEntityFits(INDEX, entity);
  return entity;
}

const isClosed = (escalation: Pick<Escalation, 'state'>): boolean => CLOSED_STATES.includes(escalation.state);

/**
 * The cases a person raised, newest first: partition `r~{raiser}` of `escalationsbyorigin` (a forum's
 * id is escaped, so it never begins `r~`), row `{inverted raisedAt ms:13}~{case id}`.
 */
const raisedPartitionOf = (userId: string): string => checkKey(INDEX, 'PartitionKey', joinKey('r', escapeKey(userId)));
function raisedEntity(escalation: Pick<Escalation, 'id' | 'raisedAt'>, raiserId: string): Properties & { partitionKey: string; rowKey: string } {
  const inverted = padNumber(9_999_999_999_999 - Date.parse(escalation.raisedAt), 13);
  return { partitionKey: raisedPartitionOf(raiserId), rowKey: checkKey(INDEX, 'RowKey', joinKey(inverted, escapeKey(escalation.id))), id: escalation.id };
}

const escalationOf = (row: Row): Escalation =>
  Escalation.parse({ ...dataOf(row), path: fromJson(row['path']), raisedBy: fromJson(row['raisedBy']), version: row.etag });

const lastStepOf = (header: Row): EscalationStep | undefined =>
  header['lastStep'] === undefined ? undefined : EscalationStep.parse(fromJson(header['lastStep']));

const stepOf = (row: Row): EscalationStep => {
  const actor = fromJson(row['actor']);
  // A step the system took has no actor: leave the property out rather than set it to undefined.
  return EscalationStep.parse({ ...dataOf(row), ...(actor === undefined ? {} : { actor }) });
};

export function createEscalationRepository(tables: TableSet): EscalationRepository {
  const cases = (): Promise<TableClient> => tables.client(TABLE);
  // Open cases are listed in `livework` (marked before each write of a case), so listing them reads
  // what is open now, not every case and step ever stored.
  const live = createLiveWork(tables);
  const markOpen = (escalation: Escalation): Promise<void> => (isClosed(escalation) ? Promise.resolve() : live.mark('cases', escalation.id));

  async function readHeader(id: string): Promise<Row | undefined> {
    try {
      return (await (await cases()).getEntity<Record<string, unknown>>(partitionOf(id), HEADER_ROW)) as Row;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  return {
    async findById(id) {
      const header = await readHeader(id);
      return header === undefined ? undefined : escalationOf(header);
    },

    async listByOriginForum(forumId) {
      const index = await tables.client(INDEX);
      const rows = await listAll(index, odata`PartitionKey eq ${checkKey(INDEX, 'PartitionKey', escapeKey(forumId))}`);
      const found: Escalation[] = [];
      for (let start = 0; start < rows.length; start += READ_PARALLELISM) {
        const headers = await Promise.all(rows.slice(start, start + READ_PARALLELISM).map((row) => readHeader(String(row['id']))));
        for (const header of headers) {
          // Skip what a crashed create or a half-done delete left in the index.
          const escalation = header === undefined ? undefined : escalationOf(header);
          if (escalation?.originForumId === forumId) found.push(escalation);
        }
      }
      return found;
    },

    async create(escalation, firstStep) {
      const header = headerEntity(escalation, firstStep);
      const step = stepEntity(escalation.id, firstStep);
      const indexRow = indexEntity(escalation);
      const index = await tables.client(INDEX);
      await Promise.all([index.upsertEntity(indexRow, 'Replace'), index.upsertEntity(raisedEntity(escalation, escalation.raisedBy.userId), 'Replace'), markOpen(escalation)]);
      const table = await cases();
      let etag: string | undefined;
      try {
        etag = (await table.createEntity(header)).etag;
      } catch (error) {
        mapWriteError(error, { table: TABLE, key: [escalation.id] });
      }
      await table.upsertEntity(step, 'Replace');
      return { ...escalation, version: etag };
    },

    async advance(next, step) {
      const context = { table: TABLE, key: [next.id] };
      if (next.version === undefined) throw new Error(`${TABLE}: advance needs the version the case was read with`);
      const header = headerEntity(next, step);
      const stepRow = stepEntity(next.id, step);
      await markOpen(next);
      const table = await cases();

      // One query: the current header and, if it is where we expect it, the previous step's row.
      const rows = await listAll(
        table,
        odata`PartitionKey eq ${header.partitionKey} and (RowKey eq ${HEADER_ROW} or RowKey eq ${stepRowOf(step.seq - 1)})`,
      );
      const current = rows.find((row) => row.rowKey === HEADER_ROW);
      if (current === undefined) throw new NotFoundError(context);
      if (current.etag !== next.version) throw new ConcurrencyError(context);
      if (current['originForumId'] !== next.originForumId) throw new Error(`${TABLE}: a case keeps its origin forum`);
      const previous = lastStepOf(current);
      if (previous !== undefined && !rows.some((row) => row.rowKey === stepRowOf(previous.seq))) {
        await table.upsertEntity(stepEntity(next.id, previous), 'Replace');
      }

      let etag: string | undefined;
      try {
        etag = (await table.updateEntity(header, 'Replace', { etag: next.version })).etag;
      } catch (error) {
        mapWriteError(error, context);
      }
      await table.upsertEntity(stepRow, 'Replace');
      return { ...next, version: etag };
    },

    async history(id) {
      const rows = await listAll(await cases(), odata`PartitionKey eq ${partitionOf(id)}`);
      const steps = rows.filter(isStepRow).map(stepOf);
      const header = rows.find((row) => row.rowKey === HEADER_ROW);
      const last = header === undefined ? undefined : lastStepOf(header);
      // The header's step is there before its own row: a crash between the two writes shows nothing less.
      if (last !== undefined && !steps.some((s) => s.seq === last.seq)) steps.push(last);
      return steps.sort((a, b) => a.seq - b.seq);
    },

    async listOpen() {
      const rows = await live.list('cases');
      // Every open case's header at once: two rounds of waiting (`eskaler` waits for them) however many are open.
      const headers = await Promise.all(rows.map((row) => readHeader(row.id)));
      const open: Escalation[] = [];
      const closed = rows.filter((_row, i) => {
        const header = headers[i];
        const escalation = header === undefined ? undefined : escalationOf(header);
        if (escalation !== undefined && !isClosed(escalation)) open.push(escalation);
        return escalation === undefined || isClosed(escalation);
      });
      // Closed (or gone): off the list, unless written since it was listed.
      await Promise.all(closed.map((row) => live.settle('cases', row)));
      return open;
    },

    async listRaisedBy(userId, limit) {
      const index = await tables.client(INDEX);
      const rows = await listAll(index, odata`PartitionKey eq ${raisedPartitionOf(userId)}`);
      const headers = await Promise.all(rows.slice(0, limit).map((row) => readHeader(String(row['id']))));
      // A row pointing at nothing (a crashed create, a half-done delete) is skipped, and not counted.
      const found = headers.flatMap((header) => (header === undefined ? [] : [escalationOf(header)])).filter((e) => e.raisedBy.userId === userId);
      return { cases: found, total: rows.length - (Math.min(rows.length, limit) - found.length) };
    },

    async repairRaisedList() {
      // Every header and every raiser's row (two scans, the sweep's): rows written where missing.
      const index = await tables.client(INDEX);
      const { from, to } = prefixBounds(joinKey('r', ''));
      const [headers, listed] = await Promise.all([
        listAll(await cases(), odata`RowKey eq ${HEADER_ROW}`),
        listAll(index, odata`PartitionKey ge ${from} and PartitionKey lt ${to}`),
      ]);
      const have = new Set(listed.map((row) => `${row.partitionKey}|${row.rowKey}`));
      const missing = headers.map(escalationOf).map((e) => raisedEntity(e, e.raisedBy.userId)).filter((row) => !have.has(`${row.partitionKey}|${row.rowKey}`));
      for (const row of missing) await index.upsertEntity(row, 'Replace');
      return missing.length;
    },

    async repairOpenList() {
      // Every header (the whole table, filtered by the service): the slow path the list saves the minute job.
      const headers = await listAll(await cases(), odata`RowKey eq ${HEADER_ROW} and state ne ${'resolved'} and state ne ${'returned'}`);
      const listed = new Set((await live.list('cases')).map((row) => row.id));
      const missing = headers.map(escalationOf).filter((e) => !isClosed(e) && !listed.has(e.id));
      for (const escalation of missing) await live.mark('cases', escalation.id);
      return missing.length;
    },

    async update(next) {
      const context = { table: TABLE, key: [next.id] };
      if (next.version === undefined) throw new Error(`${TABLE}: update needs the version the case was read with`);
      const current = await readHeader(next.id);
      if (current === undefined) throw new NotFoundError(context);
      if (current.etag !== next.version) throw new ConcurrencyError(context);
      const lastStep = lastStepOf(current);
      if (lastStep === undefined || Number(current['stepCount']) !== next.stepCount) throw new Error(`${TABLE}: update never adds a step; use advance`);
      await markOpen(next);
      try {
        const { etag } = await (await cases()).updateEntity(headerEntity(next, lastStep), 'Replace', { etag: next.version });
        return { ...next, version: etag };
      } catch (error) {
        mapWriteError(error, context);
      }
    },

    async markSeen(id, receipt) {
      const entity = { partitionKey: partitionOf(id), rowKey: seenRowOf(receipt.person.userId), ...compact({ person: toJson(receipt.person), at: receipt.at }) };
      assertEntityFits(TABLE, entity);
      const table = await cases();
      try {
        await table.createEntity(entity);
      } catch (error) {
        // The first click counts; a second one changes nothing.
        if (statusOf(error) !== 409) throw error;
      }
    },

    async listSeen(id) {
      const { from, to } = prefixBounds(SEEN_PREFIX);
      const rows = await listAll(await cases(), odata`PartitionKey eq ${partitionOf(id)} and RowKey ge ${from} and RowKey lt ${to}`);
      return rows.map((row) => ({ person: Person.parse(fromJson(row['person'])), at: String(row['at']) }));
    },

    async delete(id) {
      const header = await readHeader(id);
      if (header === undefined) throw new NotFoundError({ table: TABLE, key: [id] });
      const escalation = escalationOf(header);
      const table = await cases();
      // Header first: from then on the case is gone for readers, whatever remains.
      try {
        await table.deleteEntity(header.partitionKey, HEADER_ROW);
      } catch (error) {
        mapWriteError(error, { table: TABLE, key: [id] });
      }
      await deleteRows(table, await listAll(table, odata`PartitionKey eq ${header.partitionKey}`));
      const index = indexEntity(escalation);
      const indexTable = await tables.client(INDEX);
      // Different partitions: each its own delete.
      await Promise.all([deleteRows(indexTable, [index]), deleteRows(indexTable, [raisedEntity(escalation, escalation.raisedBy.userId)]), live.remove('cases', id)]);
    },

    async replacePerson(id, userId, replacement) {
      const table = await cases();
      const swap = (person: Person | undefined): Person | undefined => (person?.userId === userId ? replacement : person);
      // Steps and receipts first (one partition, transactions of 100; the new receipt is written
      // before the old goes), the header last with If-Match: a crash leaves only the header to redo.
      const rows = await listAll(table, odata`PartitionKey eq ${partitionOf(id)}`);
      const actions: TransactionAction[] = [];
      for (const row of rows.filter(isStepRow)) {
        const step = stepOf(row);
        if (step.actor?.userId === userId) actions.push(['upsert', stepEntity(id, { ...step, actor: replacement }), 'Replace']);
      }
      const oldReceipt = rows.find((row) => row.rowKey === seenRowOf(userId));
      if (oldReceipt !== undefined) {
        const entity = { partitionKey: partitionOf(id), rowKey: seenRowOf(replacement.userId), ...compact({ person: toJson(replacement), at: String(oldReceipt['at']) }) };
        actions.push(['upsert', entity, 'Replace'], ['delete', { partitionKey: oldReceipt.partitionKey, rowKey: oldReceipt.rowKey }]);
      }
      await submitInChunks(table, actions);
      let changed = actions.length - (oldReceipt === undefined ? 0 : 1);
      await retryOnConflict(async () => {
        const header = await readHeader(id);
        const last = header === undefined ? undefined : lastStepOf(header);
        if (header === undefined || last === undefined) return;
        const escalation = escalationOf(header);
        if (escalation.raisedBy.userId !== userId && last.actor?.userId !== userId) return;
        const next = { ...escalation, raisedBy: swap(escalation.raisedBy) ?? escalation.raisedBy };
        const lastStep = last.actor?.userId === userId ? { ...last, actor: replacement } : last;
        try {
          await table.updateEntity(headerEntity(next, lastStep), 'Replace', { etag: header.etag });
        } catch (error) {
          mapWriteError(error, { table: TABLE, key: [id] });
        }
        if (escalation.raisedBy.userId === userId) {
          changed += 1;
          // The raiser's list follows: the row under the replacement first, then the old one goes.
          const index = await tables.client(INDEX);
          await index.upsertEntity(raisedEntity(escalation, replacement.userId), 'Replace');
          await deleteRows(index, [raisedEntity(escalation, userId)]);
        }
      });
      return changed;
    },
  };
}
