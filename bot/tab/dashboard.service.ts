import { composeForumDashboard, currentAgenda, type ForumDashboardResult } from '../../domain/dashboard/forum-dashboard';
import { composePersonalDashboard, type PersonalDashboard } from '../../domain/dashboard/personal-dashboard';
import { localDateOf } from '../../domain/actions/local-date';
import type { Agenda } from '../../domain/agendas/agenda';
import type { Escalation } from '../../domain/escalations/escalation';
import type { Forum } from '../../domain/fora/forum';
import { foraBelow } from '../../domain/fora/forum.rules';
import type { BotServices } from '../core/services';
import { upcomingMeetings } from '../meetings/upcoming-meetings';

/** How many meetings the channel tab lists. */
const MEETINGS_SHOWN = 5;

/** Open cases raised in the forum or in any forum below it, i.e. every case the forum may hold. */
async function casesAround(services: Pick<BotServices, 'escalations'>, forumIds: readonly string[]): Promise<Escalation[]> {
  const lists = await Promise.all([...new Set(forumIds)].map((id) => services.escalations.listByOriginForum(id)));
  return lists.flat();
}

/**
 * Reads what the channel tab of one forum needs and lets the domain compose (and permit) it. The
 * membership is read first: a non-member's request reads nothing of the forum's content.
 */
export async function loadForumDashboard(
  services: BotServices,
  userId: string,
  forumId: string,
): Promise<{ result: ForumDashboardResult; forum: Forum; fora: Forum[]; agenda?: Agenda } | undefined> {
  const [forum, member] = await Promise.all([services.fora.findById(forumId), services.members.find(forumId, userId)]);
  if (forum === undefined) return undefined;
  const now = services.clock.now();
  if (member === undefined) {
    const nothing = { viewerForumIds: new Set<string>(), fora: [], meetings: [], agendas: [], agendaInputs: [], actionItems: [], escalations: [] };
    return { forum, fora: [], result: composeForumDashboard({ forum, member, ...nothing, now, today: '' }) };
  }
  const [fora, memberships, meetings, agendas, actionItems] = await Promise.all([
    services.fora.list(),
    services.members.listMembershipsOfUser(userId),
    upcomingMeetings(services, [forumId], now, { limit: MEETINGS_SHOWN }),
    services.agendas.listByForum(forumId),
    services.actionItems.listByForum(forumId),
  ]);
  const agenda = currentAgenda(agendas, member, now);
  const [agendaInputs, escalations] = await Promise.all([
    agenda === undefined ? Promise.resolve([]) : services.agendaInputs.listByAgenda(agenda.id),
    casesAround(services, [forumId, ...foraBelow(fora, forumId).map((f) => f.id)]),
  ]);
  const result = composeForumDashboard({
    forum,
    member,
    viewerForumIds: new Set(memberships.map((m) => m.forumId)),
    fora,
    meetings,
    agendas,
    agendaInputs,
    actionItems,
    escalations,
    now,
    today: localDateOf(now, services.config.timeZone),
  });
  return { forum, fora, result, ...(agenda === undefined ? {} : { agenda }) };
}

/**
 * What the personal tab needs. Action items and held cases come only from the viewer's own fora;
 * circulations are looked for in every forum's agendas, since consultants are asked for input on
 * agendas of fora they do not sit in (the Kredsråd).
 */
export async function loadPersonalDashboard(services: BotServices, userId: string): Promise<PersonalDashboard> {
  const now = services.clock.now();
  const [fora, memberships] = await Promise.all([services.fora.list(), services.members.listMembershipsOfUser(userId)]);
  const mine = memberships.map((m) => m.forumId);
  const [actionItems, escalations, agendas] = await Promise.all([
    Promise.all(mine.map((id) => services.actionItems.listByForum(id))).then((l) => l.flat()),
    // Cases held in my fora came from them or from below them; cases I raised came from my fora.
    casesAround(services, [...mine, ...mine.flatMap((id) => foraBelow(fora, id).map((f) => f.id))]),
    Promise.all(fora.map((f) => services.agendas.listByForum(f.id))).then((l) => l.flat()),
  ]);
  const circulated = agendas.filter((a) => a.circulation?.consultantIds.includes(userId) === true && Date.parse(a.circulation.deadline) >= now.getTime());
  const answered = await Promise.all(circulated.map(async (a) => ((await services.agendaInputs.listByAuthor(a.id, userId)).length > 0 ? a.id : undefined)));
  return composePersonalDashboard({
    userId,
    memberships,
    fora,
    actionItems,
    escalations,
    agendas: circulated,
    answeredAgendaIds: new Set(answered.filter((id): id is string => id !== undefined)),
    now,
    today: localDateOf(now, services.config.timeZone),
  });
}
