import type { ActionItem } from './action-item';

export interface ActionItemRepository {
  findById(forumId: string, id: string): Promise<ActionItem | undefined>;
  listByForum(forumId: string): Promise<ActionItem[]>;
  save(item: ActionItem): Promise<ActionItem>;
  update(forumId: string, id: string, change: (current: ActionItem) => ActionItem): Promise<ActionItem>;
  delete(forumId: string, id: string): Promise<void>;
}
