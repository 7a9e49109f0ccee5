import type { Repositories } from '../domain/repositories';
import type { ReminderIndexRepository } from '../domain/reminders/reminder-index';

type Marked = Pick<Repositories, 'fora' | 'members' | 'meetingSeries' | 'meetings' | 'agendas'>;

/** Told when the mark after a write could not be moved (the one before it was). */
export type MarkErrorReporter = (error: unknown, context: Record<string, unknown>) => void;

const AFTER_TRIES = 3;

/**
 * Moves a mark before a write and again after it: a write whose first mark fails does not happen; the
 * second is tried three times, then reported (the write stands).
 */
export async function aroundWrite<T>(move: () => Promise<void>, write: () => Promise<T>, reportAfter: (error: unknown) => void): Promise<T> {
  await move();
  const result = await write();
  for (let n = 1; ; n++) {
    try {
      await move();
      return result;
    } catch (error) {
      if (n >= AFTER_TRIES) {
        reportAfter(error);
        return result;
      }
    }
  }
}

/**
 * The repositories of what a forum's reminders are made of, each write moving the forum's change
 * mark (see ReminderIndexRepository.marks) before and after it. Before: every copy read earlier is
 * out of date even if the second mark fails, and a write whose first mark cannot be moved does not
 * happen. After: a reader that read the mark between the two, and the rows before the write landed,
 * sees the mark move again. Only such a reader and the second mark failing (tried three times, then
 * reported) together leave a copy stale, until the hourly sweep reads every forum again.
 */
export function withChangeMarks<R extends Marked>(repos: R, marks: Pick<ReminderIndexRepository, 'markChanged'>, report: MarkErrorReporter): Marked {
  const marked = <T>(forumId: string, write: () => Promise<T>): Promise<T> =>
    aroundWrite(() => marks.markChanged(forumId), write, (error) => report(error, { forumId, reason: 'change mark after a write' }));
  const { fora, members, meetingSeries, meetings, agendas } = repos;
  return {
    fora: {
      ...fora,
      save: (forum) => marked(forum.id, () => fora.save(forum)),
      update: (id, change) => marked(id, () => fora.update(id, change)),
      delete: (id) => marked(id, () => fora.delete(id)),
    },
    members: {
      ...members,
      save: (forumId, member) => marked(forumId, () => members.save(forumId, member)),
      remove: (forumId, userId) => marked(forumId, () => members.remove(forumId, userId)),
    },
    meetingSeries: {
      ...meetingSeries,
      save: (series) => marked(series.forumId, () => meetingSeries.save(series)),
      update: (forumId, id, change) => marked(forumId, () => meetingSeries.update(forumId, id, change)),
      delete: (forumId, id) => marked(forumId, () => meetingSeries.delete(forumId, id)),
    },
    meetings: {
      ...meetings,
      save: (meeting) => marked(meeting.forumId, () => meetings.save(meeting)),
      update: (forumId, id, change) => marked(forumId, () => meetings.update(forumId, id, change)),
      delete: (forumId, id) => marked(forumId, () => meetings.delete(forumId, id)),
    },
    agendas: {
      ...agendas,
      save: (agenda, options) => marked(agenda.forumId, () => agendas.save(agenda, options)),
      update: (forumId, id, change, options) => marked(forumId, () => agendas.update(forumId, id, change, options)),
      delete: (forumId, id) => marked(forumId, () => agendas.delete(forumId, id)),
    },
  };
}
