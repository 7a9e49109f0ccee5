import type { Repositories } from '../../domain/repositories';
import { trackCase, trackItem } from './picture-tracking';

/**
 * The repair: forgets every cell and adds every case and action item again from what is stored.
 * Reads the whole history once; run it after an import of old data or when a write was lost.
 */
export async function rebuildPicture(repos: Pick<Repositories, 'escalations' | 'actionItems' | 'fora' | 'members' | 'picture'>): Promise<{ cases: number; items: number }> {
  await repos.picture.clear();
  let cases = 0;
  let items = 0;
  for (const forum of await repos.fora.list()) {
    for (const escalation of await repos.escalations.listByOriginForum(forum.id)) {
      await trackCase(repos, escalation.id);
      cases++;
    }
    for (const item of await repos.actionItems.listByForum(forum.id)) {
      await trackItem(repos, item.id, item);
      items++;
    }
  }
  return { cases, items };
}
