import { TooLargeError } from '../domain/shared/repository-errors';

/**
 * Table keys may not hold `/ \ # ?` or control characters. We escape those as `%XX`, plus `%` (our
 * escape character, so decoding is exact), `'` (the OData quote) and `~` (our separator inside
 * composite keys, so `a~b` as one id never reads as two parts). Everything else, æøå included,
 * stays as it is, so keys remain readable in Storage Explorer.
 */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[/\\#?%'~\u0000-\u001f\u007f-\u009f]/g;
const ESCAPED = /%([0-9A-F]{2})/g;

export function escapeKey(value: string): string {
  return value.replace(NEEDS_ESCAPE, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function unescapeKey(key: string): string {
  return key.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A key is at most 1 KiB; the service counts UTF-16, two bytes per code unit. */
export const KEY_LIMIT_BYTES = 1024;

/** Refuses an empty or over-long key before the service would answer 400. */
export function checkKey(table: string, property: 'PartitionKey' | 'RowKey', key: string): string {
  const bytes = key.length * 2;
  if (key.length === 0 || bytes > KEY_LIMIT_BYTES) throw new TooLargeError({ table, property, bytes, limit: KEY_LIMIT_BYTES });
  return key;
}

/** Joins already escaped parts of a composite key. */
export const SEPARATOR = '~';
export const joinKey = (...parts: string[]): string => parts.join(SEPARATOR);

/**
 * The bounds of all keys that start with `prefix`: `ge` the prefix and `lt` the prefix with its last
 * code unit raised by one. Our prefixes end in `~` (0x7E), so the bound ends in 0x7F, which an
 * escaped key never contains.
 */
export function prefixBounds(prefix: string): { from: string; to: string } {
  const last = prefix.charCodeAt(prefix.length - 1);
  return { from: prefix, to: prefix.slice(0, -1) + String.fromCharCode(last + 1) };
}

/** Zero-padded decimal, so numbers sort as text. */
export const padNumber = (value: number, digits: number): string => String(value).padStart(digits, '0');
