import type { Forum } from '../../domain/fora/forum';
import type { ForumRepository } from '../../domain/fora/forum.repository';

/**
 * The fora one change of the picture concerns, each read once by id (point reads side by side), so
 * tracking a change costs the same however many fora the municipality has. A forum that is gone
 * counts as open, as it did when every forum was listed.
 */
export interface ForaConcerned {
  byId(ids: readonly string[]): Promise<Map<string, Forum>>;
  sensitiveAmong(ids: readonly string[]): Promise<Set<string>>;
}

export function foraConcerned(fora: Pick<ForumRepository, 'findById'>): ForaConcerned {
  const read = new Map<string, Promise<Forum | undefined>>();
  const one = (id: string): Promise<Forum | undefined> => {
    let forum = read.get(id);
    if (forum === undefined) {
      forum = fora.findById(id);
      read.set(id, forum);
    }
    return forum;
  };
  const byId = async (ids: readonly string[]): Promise<Map<string, Forum>> => {
    const found = await Promise.all([...new Set(ids)].map(one));
    return new Map(found.flatMap((f) => (f === undefined ? [] : [[f.id, f] as const])));
  };
  return {
    byId,
    async sensitiveAmong(ids) {
      return new Set([...(await byId(ids)).values()].filter((f) => f.sensitive).map((f) => f.id));
    },
  };
}
