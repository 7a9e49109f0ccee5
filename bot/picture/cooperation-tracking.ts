import type { Agenda } from '../../domain/agendas/agenda';
import { agendaCirculationContribution, oneOffContribution, seriesContribution } from '../../domain/picture/cooperation-contributions';
import { recordContribution } from '../../domain/picture/record-contribution';
import type { Repositories } from '../../domain/repositories';
import { foraConcerned } from './fora-concerned';

/**
 * Circulations and meetings in the picture: each agenda's circulation, each meeting series (with its
 * moved and cancelled occurrences) and each one-off meeting is one contribution, rewritten from what
 * is stored whenever it changes.
 */
export type CooperationTracked = Pick<Repositories, 'agendas' | 'agendaInputs' | 'meetings' | 'meetingSeries' | 'fora' | 'picture'>;

/** Only the fora a contribution concerns are read, not every forum. */
const sensitiveOf = (repos: Pick<Repositories, 'fora'>) => foraConcerned(repos.fora).sensitiveAmong;

/** The contribution id of a series or a one-off meeting: ids are unique within a forum only. */
export const seriesKey = (forumId: string, seriesId: string): string => `series:${forumId}/${seriesId}`;
export const oneOffKey = (forumId: string, meetingId: string): string => `meeting:${forumId}/${meetingId}`;

/**
 * Rewrites an agenda's circulation contribution; `stored` is the agenda as just written (undefined:
 * deleted), or read when not given. An agenda never circulated costs one read of its contribution.
 */
export async function trackCirculation(repos: CooperationTracked, forumId: string, agendaId: string, stored?: Agenda | null): Promise<void> {
  const agenda = stored === undefined ? await repos.agendas.findById(forumId, agendaId) : (stored ?? undefined);
  const inputs = agenda?.circulation === undefined ? [] : await repos.agendaInputs.listByAgenda(agendaId);
  const next = agendaCirculationContribution(agenda, inputs);
  if (next.length === 0 && (await repos.picture.contributionOf('circulation', agendaId)).length === 0) return;
  await recordContribution(repos.picture, 'circulation', agendaId, next, sensitiveOf(repos));
}

export async function trackSeries(repos: CooperationTracked, forumId: string, seriesId: string, now: Date): Promise<void> {
  const series = await repos.meetingSeries.findById(forumId, seriesId);
  const overrides = series === undefined ? [] : await repos.meetings.listByForum(forumId);
  await recordContribution(repos.picture, 'meeting', seriesKey(forumId, seriesId), series === undefined ? [] : seriesContribution(series, overrides, now), sensitiveOf(repos));
}

/** A meeting row: an override re-counts its series; a one-off counts itself. */
export async function trackMeeting(repos: CooperationTracked, forumId: string, meetingId: string, seriesId: string | undefined, now: Date): Promise<void> {
  if (seriesId !== undefined) return trackSeries(repos, forumId, seriesId, now);
  const meeting = await repos.meetings.findById(forumId, meetingId);
  await recordContribution(repos.picture, 'meeting', oneOffKey(forumId, meetingId), oneOffContribution(meeting), sensitiveOf(repos));
}

type Quietly = (what: string, id: string, run: () => Promise<void>) => Promise<void>;

/**
 * The agenda and meeting repositories with the picture kept up to date after each write. Answers are
 * not followed one by one (a consultant's submit stays three storage round trips, and a hundred
 * answering at once would contend for one cell): they are counted whenever the agenda is written,
 * and the final briefing after the deadline, when no more answers are taken, writes it once more.
 */
export function cooperationTracking<R extends CooperationTracked>(repos: R, quietly: Quietly, now: () => Date): Pick<R, 'agendas' | 'meetings' | 'meetingSeries'> {
  const agendas: R['agendas'] = {
    ...repos.agendas,
    async save(agenda, options) {
      const saved = await repos.agendas.save(agenda, options);
      await quietly('circulation', saved.id, () => trackCirculation(repos, saved.forumId, saved.id, saved));
      return saved;
    },
    async update(forumId, id, change, options) {
      const saved = await repos.agendas.update(forumId, id, change, options);
      await quietly('circulation', id, () => trackCirculation(repos, forumId, id, saved));
      return saved;
    },
    async delete(forumId, id) {
      await repos.agendas.delete(forumId, id);
      await quietly('circulation', id, () => trackCirculation(repos, forumId, id, null));
    },
  };
  const meetingSeries: R['meetingSeries'] = {
    ...repos.meetingSeries,
    async save(series) {
      const saved = await repos.meetingSeries.save(series);
      await quietly('meeting', saved.id, () => trackSeries(repos, saved.forumId, saved.id, now()));
      return saved;
    },
    async update(forumId, id, change) {
      const saved = await repos.meetingSeries.update(forumId, id, change);
      await quietly('meeting', id, () => trackSeries(repos, forumId, id, now()));
      return saved;
    },
    async delete(forumId, id) {
      await repos.meetingSeries.delete(forumId, id);
      await quietly('meeting', id, () => trackSeries(repos, forumId, id, now()));
    },
  };
  const meetings: R['meetings'] = {
    ...repos.meetings,
    async save(meeting) {
      const saved = await repos.meetings.save(meeting);
      await quietly('meeting', saved.id, () => trackMeeting(repos, saved.forumId, saved.id, saved.seriesId, now()));
      return saved;
    },
    async update(forumId, id, change) {
      const saved = await repos.meetings.update(forumId, id, change);
      await quietly('meeting', id, () => trackMeeting(repos, forumId, id, saved.seriesId, now()));
      return saved;
    },
    async delete(forumId, id) {
      // The row is gone afterwards: read which series it belonged to first.
      const before = await repos.meetings.findById(forumId, id);
      await repos.meetings.delete(forumId, id);
      await quietly('meeting', id, () => trackMeeting(repos, forumId, id, before?.seriesId, now()));
    },
  };
  return { agendas, meetings, meetingSeries };
}
