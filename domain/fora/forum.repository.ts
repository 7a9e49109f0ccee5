import type { Forum, Member, Role } from './forum';

/**
 * Fora and their members. `save` creates an entity without a version and otherwise updates it only
 * if its version is still current (ConcurrencyError if not). `update` re-reads and re-applies the
 * change when someone else wrote in between, so a change that can be re-applied is never lost.
 */
export interface ForumRepository {
  findById(id: string): Promise<Forum | undefined>;
  /** The fora with these ids that exist (a few queries whatever their number), each once, in the order of `ids`. */
  findMany(ids: readonly string[]): Promise<Forum[]>;
  list(): Promise<Forum[]>;
  /**
   * The list as last read in this process, without asking storage whether it still stands (undefined
   * when none is kept): only to start reads early that are checked against `list()` before use.
   */
  keptList?(): readonly Forum[] | undefined;
  save(forum: Forum): Promise<Forum>;
  update(id: string, change: (current: Forum) => Forum): Promise<Forum>;
  delete(id: string): Promise<void>;
  /**
   * Several writes told to the kept lists as one change (see keptList): the list's mark moves once
   * before and once after them, not twice per forum. Absent where nothing keeps a list.
   */
  writeTogether?<T>(run: (fora: ForumWrites) => Promise<T>): Promise<T>;
}

export type ForumWrites = Pick<ForumRepository, 'findById' | 'save' | 'update' | 'delete'>;

export interface Membership {
  forumId: string;
  roles: Role[];
}

export interface MemberRepository {
  listByForum(forumId: string): Promise<Member[]>;
  find(forumId: string, userId: string): Promise<Member | undefined>;
  /** The fora a person belongs to, one partition read (an index kept beside the members). */
  listMembershipsOfUser(userId: string): Promise<Membership[]>;
  save(forumId: string, member: Member): Promise<void>;
  remove(forumId: string, userId: string): Promise<void>;
}
