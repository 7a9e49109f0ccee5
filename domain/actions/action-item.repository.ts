import type { ActionItem } from './action-item';

/** One page of a forum's open items, most urgent first; `next` asks for the page after it. */
export interface OpenItemsPage {
  items: ActionItem[];
  next?: string;
}

/** A page of the board and the counts its heading shows. */
export interface OpenBoard extends OpenItemsPage {
  counts: { open: number; overdue: number };
}

export interface UpdateOptions {
  read?: ActionItem;
  alongside?: (saved: ActionItem, before: ActionItem) => Promise<void>;
}

export interface ActionItemRepository {
  findById(forumId: string, id: string): Promise<ActionItem | undefined>;
  /** Every item, closed ones too (exports, the yearly view): grows with history. */
  listByForum(forumId: string): Promise<ActionItem[]>;
  /** Open items by due date (earliest, so overdue, first), `limit` at a time from the cursor `after`. */
  listOpenPage(forumId: string, page: { limit: number; after?: string }): Promise<OpenItemsPage>;
  /** How many items are open, and how many of them were due before `todayLocal`. */
  countOpen(forumId: string, todayLocal: string): Promise<{ open: number; overdue: number }>;
  /** A page of the board with its counts (the first page: one query for both). */
  listOpenBoard(forumId: string, todayLocal: string, page: { limit: number; after?: string }): Promise<OpenBoard>;
  /** Every open item of the forum, most urgent first: read without the closed ones (the history). */
  listOpen(forumId: string): Promise<ActionItem[]>;
  /** Every open item the person owns, whichever forum it is in (one query, however many fora). */
  listOpenOfOwnerEverywhere(userId: string): Promise<ActionItem[]>;
  /**
   * Makes the open-item lists agree with the items again (a write that failed half-way, data from
   * before the lists); `people`: whose own lists to check besides the items' owners (the members).
   */
  repairOpenLists(forumId: string, people?: readonly string[]): Promise<{ written: number; removed: number }>;
  save(item: ActionItem): Promise<ActionItem>;
  /**
   * Re-reads and re-applies `change` when someone wrote in between. `read` is the item as the caller
   * just read it (its version): the first try writes against it instead of reading again. `alongside`
   * is work that needs only the item written (an audit line, the picture): it runs beside the lists'
   * update instead of after it.
   */
  update(forumId: string, id: string, change: (current: ActionItem) => ActionItem, options?: UpdateOptions): Promise<ActionItem>;
  delete(forumId: string, id: string): Promise<void>;
}
