import type { Agenda, AgendaInput } from './agenda';

export interface AgendaRepository {
  findById(forumId: string, id: string): Promise<Agenda | undefined>;
  listByForum(forumId: string): Promise<Agenda[]>;
  /**
   * The forum's published agendas of meetings starting at or after `from` (as stored: an instant
   * with an offset compares as text, so give a margin of a day or more): what a reminder needs,
   * read without the forum's history of agendas.
   */
  listPublishedFrom(forumId: string, from: Date): Promise<Agenda[]>;
  save(agenda: Agenda): Promise<Agenda>;
  update(forumId: string, id: string, change: (current: Agenda) => Agenda): Promise<Agenda>;
  delete(forumId: string, id: string): Promise<void>;
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
