import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import { z } from 'zod';
import { accountClients, type AccountConnection } from './account-credential';

/** Every table Forumbot uses, by its base name (before the prefix). */
export const TABLES = [
  'fora',
  'members',
  'memberships',
  'meetingseries',
  'meetings',
  'agendas',
  'agendainputs',
  'actionitems',
  'openactionitems',
  'ownedopenitems',
  'livework',
  'escalations',
  'escalationsbyorigin',
  'audit',
  'conversations',
  'knownusers',
  'teamrosters',
  'outbox',
  'jobleases',
  'reminderindex',
  'plans',
  'initiatives',
  'initiativehistory',
  'picturecells',
  'picturesummary',
  'picturecontrib',
  'picturereports',
] as const;
export type TableName = (typeof TABLES)[number];

/** Table names are letters and digits, start with a letter, at most 63 characters. */
export const TablePrefix = z.string().regex(/^([A-Za-z][A-Za-z0-9]{0,43})?$/, 'letters and digits, starting with a letter, at most 44');

export const tableName = (prefix: string, name: TableName): string => `${prefix}${name}`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function parseConnectionString(connectionString: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) parts.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  return parts;
}

/**
 * Plain http is allowed only towards the emulator on this machine; any other http endpoint is
 * refused, so a real account's key never travels unencrypted.
 */
export function allowsInsecureConnection(connectionString: string): boolean {
  const parts = parseConnectionString(connectionString);
  if (parts.get('usedevelopmentstorage')?.toLowerCase() === 'true') return true;
  const endpoint = parts.get('tableendpoint');
  const protocol = endpoint === undefined ? parts.get('defaultendpointsprotocol') : new URL(endpoint).protocol.replace(':', '');
  if (protocol?.toLowerCase() !== 'http') return false;
  const host = endpoint === undefined ? undefined : new URL(endpoint).hostname;
  if (host === undefined || !LOOPBACK.has(host)) {
    throw new Error('STORAGE_CONNECTION_STRING: plain http is only allowed for the local emulator (127.0.0.1/localhost); use https');
  }
  return true;
}

export interface TableSet {
  /** The client of a table, created on first use (once per process). */
  client(name: TableName): Promise<TableClient>;
  /** One cheap request that fails when storage cannot be reached or refuses our credentials. */
  ping(): Promise<void>;
  /** Deletes every table of this prefix; for tests, refused without a prefix. */
  dropAll(): Promise<void>;
}

/** Where the tables are: a connection string (Azurite, shared key) or the account URL with a token credential. */
export type StorageConnection = string | AccountConnection;

interface Clients {
  table(name: string): TableClient;
  service(options: TableServiceClientOptions): TableServiceClient;
}

function clientsFor(connection: StorageConnection): Clients {
  if (typeof connection !== 'string') return accountClients(connection);
  const allowInsecureConnection = allowsInsecureConnection(connection);
  return {
    table: (name) => TableClient.fromConnectionString(connection, name, { allowInsecureConnection }),
    service: (options) => TableServiceClient.fromConnectionString(connection, { ...options, allowInsecureConnection }),
  };
}

export function createTableSet(connection: StorageConnection, prefix: string): TableSet {
  const clients = clientsFor(connection);
  const created = new Map<TableName, Promise<TableClient>>();

  const client = (name: TableName): Promise<TableClient> => {
    let pending = created.get(name);
    if (pending === undefined) {
      const table = clients.table(tableName(prefix, name));
      // createTable already treats 409 TableAlreadyExists as success.
      pending = table.createTable().then(() => table);
      // A failed creation is not remembered, so the next call tries again.
      pending.catch(() => created.delete(name));
      created.set(name, pending);
    }
    return pending;
  };

  // The health check should answer quickly, so its client does not retry.
  const service = clients.service({ retryOptions: { maxRetries: 0 } });
  // Clean-up retries like every other call: a reused keep-alive socket can be closed under it.
  const admin = clients.service({});

  return {
    client,
    async ping() {
      await service.listTables().byPage({ maxPageSize: 1 }).next();
    },
    async dropAll() {
      if (prefix === '') throw new Error('dropAll needs a table prefix: it is for test tables only');
      created.clear();
      await Promise.all(TABLES.map((name) => admin.deleteTable(tableName(prefix, name))));
    },
  };
}
