import { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { allowsInsecureConnection, TablePrefix, type TableSet } from './table-client';

/** The one table the outbox uses, created on first use. */
export interface OutboxTable {
  client(): Promise<TableClient>;
}

export const OUTBOX_TABLE = 'outbox';

/** The outbox table of a TableSet (what createStorage uses): `createOutboxRepository(outboxTableIn(tables))`. */
export const outboxTableIn = (tables: TableSet): OutboxTable => ({ client: () => tables.client(OUTBOX_TABLE) });

/** Opens `<prefix>outbox` on its own (tools, tests); `drop` deletes it. */
export function openOutboxTable(connectionString: string, tablePrefix = ''): OutboxTable & { drop(): Promise<void> } {
  const prefix = TablePrefix.parse(tablePrefix);
  const table = TableClient.fromConnectionString(z.string().trim().min(1).parse(connectionString), `${prefix}${OUTBOX_TABLE}`, {
    allowInsecureConnection: allowsInsecureConnection(connectionString),
  });
  let created: Promise<TableClient> | undefined;
  return {
    client() {
      if (created === undefined) {
        created = table.createTable().then(() => table);
        created.catch(() => (created = undefined));
      }
      return created;
    },
    async drop() {
      created = undefined;
      await table.deleteTable();
    },
  };
}
