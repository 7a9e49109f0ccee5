/**
 * When each forum next needs the reminder job's attention: its next reminder's due time, or a
 * re-check. Written when a schedule or a forum's lead times change (at "now": the next minute looks
 * at that forum), by the minute job after each forum it handled, and by the slow sweep that repairs
 * whatever got lost. The minute job reads only the entries due in that minute, so its cost follows
 * the reminders due, not the number of fora.
 */
export interface ReminderIndexEntry {
  forumId: string;
  dueAt: string;
  /**
   * Every reminder of the forum due at or before this instant was in the outbox when the entry was
   * written (by a run that handled the forum). The run this entry starts need not ask about those
   * again. Absent (a change to the schedule, a failed run): not known, every due reminder is checked.
   */
  handledThrough?: string;
}

export interface ReminderIndexRepository {
  put(forumId: string, dueAt: Date): Promise<void>;
  /** Several entries at once (after a run), written together where they share a partition. */
  putMany(entries: readonly ReminderIndexEntry[]): Promise<void>;
  /** Entries due in [since, until], oldest first. */
  listDue(since: Date, until: Date): Promise<ReminderIndexEntry[]>;
  remove(entries: readonly ReminderIndexEntry[]): Promise<void>;
  /** Up to when the minute job has handled everything. */
  cursor(): Promise<Date | undefined>;
  setCursor(at: Date): Promise<void>;
  /**
   * Change marks: storage moves a forum's mark on every write to what its reminders are made of
   * (the forum, its members, meeting series, meetings and agendas). A mark read before the forum's
   * rows and found unmoved later says those rows are still as read, so the reminder job can keep
   * them. Absent: never changed since marks exist.
   */
  markChanged(forumId: string): Promise<void>;
  /** The current mark of each forum that has one (a few requests whatever the number). */
  marks(forumIds: readonly string[]): Promise<Map<string, string>>;
}

/** How far back a minute job looks after a stop: older reminders are no use any more. */
export const INDEX_LOOKBACK_MS = 48 * 3_600_000;
/** A forum with no reminder in the reminder window is looked at again after this long. */
export const INDEX_RECHECK_MS = 24 * 3_600_000;
