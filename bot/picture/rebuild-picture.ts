import type { Repositories } from '../../domain/repositories';
import { trackCirculation, trackMeeting, trackSeries } from './cooperation-tracking';
import { trackCase, trackItem } from './picture-tracking';

type Rebuilt = Pick<Repositories, 'escalations' | 'actionItems' | 'agendas' | 'agendaInputs' | 'meetings' | 'meetingSeries' | 'fora' | 'members' | 'picture'>;

/**
 * The repair: forgets every cell and adds every case, action item, circulation and meeting again from
 * what is stored. Reads the whole history once; run it after an import of old data or when a write was lost.
 */
export async function rebuildPicture(repos: Rebuilt, now: Date = new Date()): Promise<{ cases: number; items: number; circulations: number; meetings: number }> {
  await repos.picture.clear();
  const counts = { cases: 0, items: 0, circulations: 0, meetings: 0 };
  for (const forum of await repos.fora.list()) {
    for (const escalation of await repos.escalations.listByOriginForum(forum.id)) {
      await trackCase(repos, escalation.id);
      counts.cases++;
    }
    for (const item of await repos.actionItems.listByForum(forum.id)) {
      await trackItem(repos, item.id, item);
      counts.items++;
    }
    for (const agenda of await repos.agendas.listByForum(forum.id)) {
      if (agenda.circulation === undefined) continue;
      await trackCirculation(repos, forum.id, agenda.id, agenda);
      counts.circulations++;
    }
    for (const series of await repos.meetingSeries.listByForum(forum.id)) {
      await trackSeries(repos, forum.id, series.id, now);
      counts.meetings++;
    }
    for (const meeting of await repos.meetings.listByForum(forum.id)) {
      if (meeting.seriesId !== undefined) continue;
      await trackMeeting(repos, forum.id, meeting.id, undefined, now);
      counts.meetings++;
    }
  }
  return counts;
}
