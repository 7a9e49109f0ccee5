/** Small helpers the repositories' private mappers share; the mapping itself stays in each repository. */

export type Properties = Record<string, string | number | boolean>;

/** Drops absent values: the service has no "undefined", and zod reads a missing property as absent. */
export function compact(values: Record<string, unknown>): Properties {
  const out: Properties = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[name] = value;
    else if (value !== undefined && value !== null) throw new Error(`property ${name} is not a primitive; encode it as JSON`);
  }
  return out;
}

/** Lists and nested objects are kept as JSON text in one property. */
export const toJson = (value: unknown): string | undefined => (value === undefined ? undefined : JSON.stringify(value));

export const fromJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : undefined);

const SYSTEM = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.metadata']);

/** The entity's own properties, without keys, ETag and timestamp. */
export function dataOf(entity: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(entity)) if (!SYSTEM.has(name)) out[name] = value;
  return out;
}

/**
 * Text that may exceed one string property (64 KiB) is spread over numbered properties
 * `name_0`, `name_1`, …; the entity's 1 MiB limit still applies to the whole.
 */
const CHUNK = 30_000;

export function splitText(name: string, text: string | undefined): Properties {
  if (text === undefined) return {};
  const out: Properties = { [`${name}_n`]: Math.max(1, Math.ceil(text.length / CHUNK)) };
  for (let i = 0; i * CHUNK < text.length || i === 0; i++) out[`${name}_${i}`] = text.slice(i * CHUNK, (i + 1) * CHUNK);
  return out;
}

export function joinText(entity: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const count = entity[`${name}_n`];
  if (typeof count !== 'number') return undefined;
  let text = '';
  for (let i = 0; i < count; i++) {
    const part = entity[`${name}_${i}`];
    if (typeof part !== 'string') throw new Error(`${name}: part ${i} of ${count} is missing`);
    text += part;
  }
  return text;
}
