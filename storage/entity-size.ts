import { TooLargeError } from '../domain/shared/repository-errors';

/** Limits of the Azure Table service (the emulator is more lenient; we hold to the service). */
export const STRING_LIMIT_BYTES = 64 * 1024;
export const ENTITY_LIMIT_BYTES = 1024 * 1024;
export const PROPERTY_LIMIT = 252;

const SYSTEM_PROPERTIES = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp']);

/** Bytes a value takes by the service's formula; strings are UTF-16, two bytes per code unit. */
function valueBytes(value: unknown): number {
  if (typeof value === 'string') return 4 + value.length * 2;
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof Date) return 8;
  if (value instanceof Uint8Array) return 4 + value.byteLength;
  return 0;
}

const stringBytes = (value: string): number => value.length * 2;

/**
 * Size of an entity as Azure documents it: 4 bytes + keys × 2 + for each property 8 bytes + its
 * name × 2 + its value.
 */
export function entityBytes(entity: Readonly<Record<string, unknown>>): number {
  let bytes = 4 + (String(entity['partitionKey'] ?? '').length + String(entity['rowKey'] ?? '').length) * 2;
  for (const [name, value] of Object.entries(entity)) {
    if (SYSTEM_PROPERTIES.has(name) || value === undefined) continue;
    bytes += 8 + name.length * 2 + valueBytes(value);
  }
  return bytes;
}

/**
 * Refuses an entity the service would refuse, before anything is written, naming the table and the
 * property. Nothing is ever truncated.
 */
export function assertEntityFits(table: string, entity: Readonly<Record<string, unknown>>): void {
  let count = 0;
  for (const [name, value] of Object.entries(entity)) {
    if (SYSTEM_PROPERTIES.has(name) || value === undefined) continue;
    count += 1;
    if (typeof value === 'string' && stringBytes(value) > STRING_LIMIT_BYTES) {
      throw new TooLargeError({ table, property: name, bytes: stringBytes(value), limit: STRING_LIMIT_BYTES });
    }
  }
  if (count > PROPERTY_LIMIT) throw new TooLargeError({ table, property: '(number of properties)', bytes: count, limit: PROPERTY_LIMIT });
  const bytes = entityBytes(entity);
  if (bytes > ENTITY_LIMIT_BYTES) throw new TooLargeError({ table, bytes, limit: ENTITY_LIMIT_BYTES });
}
