import { describe, expect, test } from 'vitest';
import { ConcurrencyError, AlreadyExistsError, NotFoundError } from '../../domain/shared/repository-errors';
import type { Storage } from '../../storage/index';
import { outcomes } from './storage-kit';

/**
 * What every repository of a single-row, versioned aggregate promises (fora, meeting series,
 * meetings, action items). `scope` is the forum an aggregate lives in; for fora, which are one
 * list, the adapter ignores it.
 */
export interface VersionedAdapter<T extends { version?: string | undefined }> {
  name: string;
  make(scope: string): T;
  find(storage: Storage, value: T): Promise<T | undefined>;
  /** The aggregates of one scope (or all fora). */
  list(storage: Storage, scope: string): Promise<T[]>;
  /** Whether `list` returns only the scope's aggregates. */
  scoped: boolean;
  save(storage: Storage, value: T): Promise<T>;
  update(storage: Storage, value: T, change: (current: T) => T): Promise<T>;
  delete(storage: Storage, value: T): Promise<void>;
  idOf(value: T): string;
  /** A change that can be re-applied: appends a mark to some text of the aggregate. */
  mark(value: T, mark: string): T;
  marksOf(value: T): string;
}

const withoutVersion = <T extends { version?: string | undefined }>(value: T): Omit<T, 'version'> => {
  const { version: _version, ...rest } = value;
  return rest;
};

export function versionedRepositoryContract<T extends { version?: string | undefined }>(
  getStorage: () => Storage,
  a: VersionedAdapter<T>,
): void {
  describe(`${a.name} (versioned repository contract)`, () => {
    test('given a new aggregate when saved then it reads back equal, with a version', async () => {
      const storage = getStorage();
      const value = a.make('forum-a');
      const saved = await a.save(storage, value);
      expect(saved.version).toEqual(expect.any(String));
      const read = await a.find(storage, value);
      expect(read).toEqual(saved);
      expect(withoutVersion(read!)).toEqual(withoutVersion(value));
    });

    test('given no such aggregate then find gives undefined, update and delete give NotFoundError', async () => {
      const storage = getStorage();
      const missing = a.make('forum-a');
      expect(await a.find(storage, missing)).toBeUndefined();
      await expect(a.update(storage, missing, (c) => c)).rejects.toBeInstanceOf(NotFoundError);
      await expect(a.delete(storage, missing)).rejects.toBeInstanceOf(NotFoundError);
    });

    test('given a saved aggregate when saved again without version then AlreadyExistsError and the first stays', async () => {
      const storage = getStorage();
      const value = await a.save(storage, a.make('forum-a'));
      await expect(a.save(storage, a.mark({ ...value, version: undefined }, 'second'))).rejects.toBeInstanceOf(AlreadyExistsError);
      expect(await a.find(storage, value)).toEqual(value);
    });

    test('given aggregates in two scopes then the list of one holds exactly its own', async () => {
      const storage = getStorage();
      const scope = `scope-${Math.random().toString(36).slice(2, 8)}`;
      const mine = [await a.save(storage, a.make(scope)), await a.save(storage, a.make(scope))];
      const other = await a.save(storage, a.make(`${scope}-other`));
      const listed = await a.list(storage, scope);
      const ids = listed.map(a.idOf);
      expect(ids).toEqual(expect.arrayContaining(mine.map(a.idOf)));
      if (a.scoped) {
        expect(ids.sort()).toEqual(mine.map(a.idOf).sort());
      } else {
        expect(ids).toContain(a.idOf(other));
      }
      expect(listed.find((x) => a.idOf(x) === a.idOf(mine[0]!))).toEqual(mine[0]);
    });

    test('given a saved aggregate when updated then the change is stored and the version moves on', async () => {
      const storage = getStorage();
      const saved = await a.save(storage, a.make('forum-a'));
      const updated = await a.update(storage, saved, (current) => a.mark(current, '[changed]'));
      expect(updated.version).not.toBe(saved.version);
      expect(a.marksOf((await a.find(storage, saved))!)).toContain('[changed]');
    });

    test('given a saved aggregate when saved with its current version then it is replaced', async () => {
      const storage = getStorage();
      const saved = await a.save(storage, a.make('forum-a'));
      const again = await a.save(storage, a.mark(saved, '[replaced]'));
      expect(await a.find(storage, saved)).toEqual(again);
    });

    test('given two saves with the same stale version then exactly one wins and the other gets ConcurrencyError', async () => {
      const storage = getStorage();
      const saved = await a.save(storage, a.make('forum-a'));
      const { fulfilled, rejected } = await outcomes([a.save(storage, a.mark(saved, '[one]')), a.save(storage, a.mark(saved, '[two]'))]);
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]).toBeInstanceOf(ConcurrencyError);
      expect(await a.find(storage, saved)).toEqual(fulfilled[0]);
    });

    test('given 20 concurrent updates of one aggregate then none is lost', async () => {
      const storage = getStorage();
      const saved = await a.save(storage, a.make('forum-a'));
      const marks = Array.from({ length: 20 }, (_, i) => `[${i}]`);
      await Promise.all(marks.map((mark) => a.update(storage, saved, (current) => a.mark(current, mark))));
      const stored = a.marksOf((await a.find(storage, saved))!);
      for (const mark of marks) expect(stored).toContain(mark);
    });

    test('given a saved aggregate when deleted then it is gone', async () => {
      const storage = getStorage();
      const saved = await a.save(storage, a.make('forum-a'));
      await a.delete(storage, saved);
      expect(await a.find(storage, saved)).toBeUndefined();
      await expect(a.delete(storage, saved)).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
