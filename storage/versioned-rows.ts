import { odata, type TableEntity } from '@azure/data-tables';
import { NotFoundError } from '../domain/shared/repository-errors';
import { retryOnConflict } from './conflict-retry';
import { assertEntityFits } from './entity-size';
import type { Properties } from './entity-codec';
import type { TableName, TableSet } from './table-client';
import { isNotFound, mapWriteError } from './table-errors';
import { checkKey, escapeKey } from './table-keys';
import { listAll, listRowsIn, type Row } from './table-query';

/** How one aggregate maps to one row; each repository keeps its own codec private. */
export interface RowCodec<T> {
  table: TableName;
  /** Partition and row of the aggregate, unescaped. */
  keys(value: T): readonly [partition: string, row: string];
  toProperties(value: T): Properties;
  /** Validates what was read (zod) and attaches the ETag as version. */
  fromRow(row: Row): T;
}

/**
 * An aggregate kept in one row: create without version, replace with If-Match otherwise, and
 * read-change-write with retries on 412 for changes that can be re-applied.
 */
export class VersionedRows<T extends { version?: string | undefined }> {
  constructor(
    private readonly tables: TableSet,
    private readonly codec: RowCodec<T>,
  ) {}

  private key(partition: string, row: string): { partitionKey: string; rowKey: string } {
    const { table } = this.codec;
    return { partitionKey: checkKey(table, 'PartitionKey', escapeKey(partition)), rowKey: checkKey(table, 'RowKey', escapeKey(row)) };
  }

  private entityOf(value: T): TableEntity<Properties> {
    const [partition, row] = this.codec.keys(value);
    const entity = { ...this.codec.toProperties(value), ...this.key(partition, row) };
    assertEntityFits(this.codec.table, entity);
    return entity;
  }

  async find(partition: string, row: string): Promise<T | undefined> {
    const client = await this.tables.client(this.codec.table);
    const { partitionKey, rowKey } = this.key(partition, row);
    try {
      return this.codec.fromRow((await client.getEntity<Record<string, unknown>>(partitionKey, rowKey)) as Row);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Several rows of one partition (a few queries, not a point read each); those not found are left out. */
  async findMany(partition: string, rows: readonly string[]): Promise<T[]> {
    if (rows.length === 0) return [];
    const client = await this.tables.client(this.codec.table);
    const { table } = this.codec;
    const found = await listRowsIn(client, checkKey(table, 'PartitionKey', escapeKey(partition)), rows.map((row) => checkKey(table, 'RowKey', escapeKey(row))));
    return found.map((row) => this.codec.fromRow(row));
  }

  /** One partition, every page. */
  async listPartition(partition: string): Promise<T[]> {
    const client = await this.tables.client(this.codec.table);
    const partitionKey = checkKey(this.codec.table, 'PartitionKey', escapeKey(partition));
    const rows = await listAll(client, odata`PartitionKey eq ${partitionKey}`);
    return rows.map((row) => this.codec.fromRow(row));
  }

  async save(value: T): Promise<T> {
    const entity = this.entityOf(value);
    const client = await this.tables.client(this.codec.table);
    const context = { table: this.codec.table, key: this.codec.keys(value) };
    try {
      const response =
        value.version === undefined
          ? await client.createEntity(entity)
          : await client.updateEntity(entity, 'Replace', { etag: value.version });
      return { ...value, version: response.etag };
    } catch (error) {
      return mapWriteError(error, context);
    }
  }

  /** `change` may run more than once (after a conflict), so it must only depend on its argument. */
  async update(partition: string, row: string, change: (current: T) => T, read?: T): Promise<T> {
    // A row the caller has just read is written against its version first; a conflict reads it again.
    let known = read;
    return retryOnConflict(async () => {
      const current = known ?? (await this.find(partition, row));
      known = undefined;
      if (current === undefined) throw new NotFoundError({ table: this.codec.table, key: [partition, row] });
      const next = change(current);
      const [nextPartition, nextRow] = this.codec.keys(next);
      if (nextPartition !== partition || nextRow !== row) throw new Error(`${this.codec.table}: an update may not change the key`);
      return this.save({ ...next, version: current.version });
    });
  }

  async delete(partition: string, row: string): Promise<void> {
    const client = await this.tables.client(this.codec.table);
    const { partitionKey, rowKey } = this.key(partition, row);
    try {
      await client.deleteEntity(partitionKey, rowKey);
    } catch (error) {
      mapWriteError(error, { table: this.codec.table, key: [partition, row] });
    }
  }
}
