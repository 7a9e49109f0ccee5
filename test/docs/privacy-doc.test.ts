import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TABLES } from '../../storage/table-client';

const root = join(__dirname, '..', '..');
const doc = readFileSync(join(root, 'docs', 'privacy.md'), 'utf8');

/** The rows of the records table: `| \`name\` | data | why | how long | who |`. */
const documented = doc
  .split('\n')
  .filter((line) => /^\| `[a-z]+` \|/.test(line))
  .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));

/** Table names as the storage code spells them (`const TABLE = 'x'`, codecs' `table: 'x'`, the outbox's own). */
function tablesInStorageCode(): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(join(root, 'storage')).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(join(root, 'storage', file), 'utf8');
    for (const match of source.matchAll(/(?:\b(?:TABLE|INDEX|OUTBOX_TABLE) = |\btable: )'([a-z]+)'/g)) names.add(match[1]!);
  }
  return [...names].sort();
}

describe('docs/privacy.md, the records of processing', () => {
  test('given the tables storage declares then each has exactly one row, and no row names a table that does not exist', () => {
    const names = documented.map((row) => row[0]!.replaceAll('`', ''));
    expect([...names].sort()).toEqual([...TABLES].sort());
    expect(new Set(names).size).toBe(names.length);
  });

  test('given the storage code then every table it writes is a declared one (so the list above is the whole truth)', () => {
    const used = tablesInStorageCode();
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((name) => !(TABLES as readonly string[]).includes(name))).toEqual([]);
  });

  test('given a row then it says what data, why, how long and who sees it', () => {
    for (const row of documented) {
      expect(row).toHaveLength(5);
      expect(row.every((cell) => cell.length > 3)).toBe(true);
    }
  });

  test('given a table the retention job prunes then its row names the setting that decides how long', () => {
    const howLong = (table: string): string => documented.find((row) => row[0] === `\`${table}\``)?.[3] ?? '';
    expect(howLong('agendainputs')).toContain('RETENTION_AGENDA_INPUT_MONTHS');
    expect(howLong('actionitems')).toContain('RETENTION_CLOSED_ACTION_ITEM_YEARS');
    expect(howLong('escalations')).toContain('RETENTION_CLOSED_CASE_YEARS');
    expect(howLong('audit')).toContain('RETENTION_AUDIT_YEARS');
    expect(howLong('outbox')).toContain('RETENTION_OUTBOX_WEEKS');
    // …and each setting the page names is one the configuration reads.
    const config = readFileSync(join(root, 'bot', 'config.ts'), 'utf8');
    for (const name of new Set(doc.match(/RETENTION_[A-Z_]+/g) ?? [])) expect(config).toContain(`${name}:`);
  });
});
