import { randomUUID } from 'node:crypto';
import type { Forum } from '../domain/fora/forum';
import type { ForumRepository } from '../domain/fora/forum.repository';
import { aroundWrite, type MarkErrorReporter } from './forum-change-marks';
import type { TableSet } from './table-client';
import { isNotFound } from './table-errors';

/**
 * The list of all fora, kept in this process while the list's mark stays where it was when it was
 * read. Every write to a forum, from any instance, moves the mark before and after it (as the
 * forum change marks do, see forum-change-marks.ts), so a list is one small point read instead of
 * every forum row read and parsed — with 1,000 fora, on every command in a channel (which forum is
 * linked here?) and in many jobs. The mark is read before the rows, so a write landing in between
 * moves it past what is kept.
 */
const TABLE = 'reminderindex';
const MARK = { partitionKey: 'changed-list', rowKey: 'fora' } as const;

/** A kept list older than this is read again even if its mark has not moved (a lost second mark). */
export const KEEP_LIST_AT_MOST_MS = 10 * 60_000;

export function withKeptForaList(fora: ForumRepository, tables: TableSet, report: MarkErrorReporter, now: () => number = Date.now): ForumRepository {
  let kept: { mark: string | undefined; readAt: number; list: readonly Forum[] } | undefined;

  async function readMark(): Promise<string | undefined> {
    try {
      return (await (await tables.client(TABLE)).getEntity(MARK.partitionKey, MARK.rowKey)).etag;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
  async function moveMark(): Promise<void> {
    await (await tables.client(TABLE)).upsertEntity({ ...MARK, nonce: randomUUID() }, 'Replace');
  }
  // Forgotten at once here; the mark tells every other instance (and this one, should the write land late).
  function marked<T>(write: () => Promise<T>): Promise<T> {
    kept = undefined;
    return aroundWrite(moveMark, write, (error) => report(error, { reason: 'fora list mark after a write' })).finally(() => (kept = undefined));
  }

  return {
    ...fora,
    async list() {
      const mark = await readMark();
      const readAt = now();
      if (kept !== undefined && kept.mark === mark && readAt - kept.readAt < KEEP_LIST_AT_MOST_MS) return [...kept.list];
      const list = (await fora.list()).map((forum) => Object.freeze(forum));
      kept = { mark, readAt, list };
      return [...list];
    },
    keptList: () => kept?.list,
    save: (forum) => marked(() => fora.save(forum)),
    update: (id, change) => marked(() => fora.update(id, change)),
    delete: (id) => marked(() => fora.delete(id)),
    // The writes inside go to the fora underneath (each still moving its forum's own change mark).
    writeTogether: (run) => marked(() => run(fora)),
  };
}
