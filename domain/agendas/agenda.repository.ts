import type { Agenda, AgendaInput } from './agenda';

/** An agenda the circulation job still tends, as listed (see `AgendaRepository.listLive`). */
export interface LiveAgenda {
  forumId: string;
  agendaId: string;
  /** Moves on every write that lists the agenda: settling succeeds only while it is unchanged. */
  mark: string;
}

/**
 * How a write decides whether to list the agenda live (see `listLive`). Without it every write
 * lists it: safe, and what storage alone can do; the bot passes a rule that knows the time.
 */
export interface AgendaWriteOptions {
  live?: (next: Agenda) => boolean;
}

export interface AgendaRepository {
  findById(forumId: string, id: string): Promise<Agenda | undefined>;
  listByForum(forumId: string): Promise<Agenda[]>;
  /**
   * The forum's published agendas of meetings starting at or after `from` (as stored: an instant
   * with an offset compares as text, so give a margin of a day or more): what a reminder needs,
   * read without the forum's history of agendas.
   */
  listPublishedFrom(forumId: string, from: Date): Promise<Agenda[]>;
  /** The forum's agendas (any state) of meetings starting at or after `from`: the next ones, without the history. */
  listFrom(forumId: string, from: Date): Promise<Agenda[]>;
  save(agenda: Agenda, options?: AgendaWriteOptions): Promise<Agenda>;
  update(forumId: string, id: string, change: (current: Agenda) => Agenda, options?: AgendaWriteOptions): Promise<Agenda>;
  delete(forumId: string, id: string): Promise<void>;
  /**
   * The agendas written since the circulation job last found nothing left to do for them (a write
   * marks an agenda live unless its rule says it cannot need tending any more): what the job reads
   * each minute instead of every agenda ever made.
   */
  listLive(): Promise<LiveAgenda[]>;
  /** Nothing left to do: the agenda is not listed again until its next write. False when written since it was listed. */
  settle(live: LiveAgenda): Promise<boolean>;
  /** Lists the agenda again (the sweep's repair of a lost mark, agendas from before the list). */
  markLive(forumId: string, agendaId: string): Promise<void>;
}

/** Consultants' inputs, one row per author and item, so concurrent submitters never contend. */
export interface AgendaInputRepository {
  listByAgenda(agendaId: string): Promise<AgendaInput[]>;
  listByAuthor(agendaId: string, authorId: string): Promise<AgendaInput[]>;
  /** Replaces the author's whole answer (all items) in one transaction. */
  replaceAnswer(agendaId: string, authorId: string, inputs: AgendaInput[]): Promise<void>;
  deleteByAgenda(agendaId: string): Promise<void>;
  /**
   * For retention: the newest answers, and the keys of every stored row (older answers a racing
   * writer left included), so `removeRows` deletes exactly them without reading the agenda again.
   */
  listForRemoval(agendaId: string): Promise<{ inputs: AgendaInput[]; rowKeys: string[] }>;
  /** Deletes these rows of the agenda's inputs (from `listForRemoval`); already gone is fine. */
  removeRows(agendaId: string, rowKeys: readonly string[]): Promise<void>;
}
