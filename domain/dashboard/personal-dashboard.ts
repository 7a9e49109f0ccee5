import type { ActionItem } from '../actions/action-item';
import type { Agenda } from '../agendas/agenda';
import { CLOSED_STATES, type Escalation } from '../escalations/escalation';
import type { Forum, Role } from '../fora/forum';
import type { Membership } from '../fora/forum.repository';
import {
  escalationView,
  forumSummary,
  OPEN_ACTION_STATUSES,
  type ActionItemView,
  type EscalationView,
  type ForumSummary,
} from './forum-dashboard';

export interface MyForum extends ForumSummary {
  roles: Role[];
}

export interface MyActionItem extends ActionItemView {
  forumId: string;
}

export interface WaitingCase extends EscalationView {
  /** `decide`: the viewer manages or chairs the forum holding it; `answer`: the viewer raised it and was asked. */
  waitingFor: 'decide' | 'answer';
}

export interface PendingCirculation {
  agendaId: string;
  forumId: string;
  forumName: string;
  meetingStart: string;
  deadline: string;
}

export interface PersonalDashboard {
  userId: string;
  fora: MyForum[];
  actionItems: MyActionItem[];
  waitingCases: WaitingCase[];
  circulations: PendingCirculation[];
}

export interface PersonalDashboardInput {
  userId: string;
  memberships: readonly Membership[];
  /** All fora (names of circulating fora, sensitivity of case origins). */
  fora: readonly Forum[];
  /** Action items of the viewer's fora. */
  actionItems: readonly ActionItem[];
  /** Cases that may concern the viewer (held in their fora, or raised by them). */
  escalations: readonly Escalation[];
  /** Agendas that may have been circulated to the viewer. */
  agendas: readonly Agenda[];
  /** Agenda ids the viewer has answered (comments or "no comments"). */
  answeredAgendaIds: ReadonlySet<string>;
  now: Date;
  today: string;
}

/** What the personal tab shows: the viewer's fora and what waits for them. Built only from their own memberships. */
export function composePersonalDashboard(input: PersonalDashboardInput): PersonalDashboard {
  const { userId, memberships, now } = input;
  const byId = new Map(input.fora.map((f) => [f.id, f]));
  const myForumIds = new Set(memberships.map((m) => m.forumId));
  const fora = memberships
    .flatMap((m) => {
      const forum = byId.get(m.forumId);
      return forum === undefined ? [] : [{ ...forumSummary(forum), roles: m.roles }];
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));

  const actionItems = input.actionItems
    .filter((i) => myForumIds.has(i.forumId) && i.owner.kind === 'member' && i.owner.userId === userId && OPEN_ACTION_STATUSES.includes(i.status))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((i) => ({ id: i.id, forumId: i.forumId, title: i.title, dueDate: i.dueDate, status: i.status, overdue: i.dueDate < input.today }));

  const rolesIn = (forumId: string) => memberships.find((m) => m.forumId === forumId);
  const waitingCases: WaitingCase[] = [];
  const seen = new Set<string>();
  for (const e of input.escalations) {
    if (CLOSED_STATES.includes(e.state) || seen.has(e.id)) continue;
    const holding = rolesIn(e.currentForumId);
    let waitingFor: WaitingCase['waitingFor'] | undefined;
    if (e.state === 'awaiting_answer') waitingFor = e.raisedBy.userId === userId ? 'answer' : undefined;
    // The same roles that may act on a case (escalation.rules: manager or chair of the holding forum).
    else if (holding?.roles.some((r) => r === 'manager' || r === 'chair') === true) waitingFor = 'decide';
    if (waitingFor === undefined) continue;
    seen.add(e.id);
    waitingCases.push({ ...escalationView(e, e.currentForumId, myForumIds, input.fora), waitingFor });
  }
  waitingCases.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));

  const circulations = input.agendas
    .filter(
      (a) =>
        a.circulation !== undefined &&
        a.circulation.consultantIds.includes(userId) &&
        Date.parse(a.circulation.deadline) >= now.getTime() &&
        !input.answeredAgendaIds.has(a.id),
    )
    .map((a) => ({
      agendaId: a.id,
      forumId: a.forumId,
      forumName: byId.get(a.forumId)?.name ?? a.forumId,
      meetingStart: a.meetingStart,
      deadline: a.circulation?.deadline ?? a.meetingStart,
    }))
    .sort((a, b) => a.deadline.localeCompare(b.deadline));

  return { userId, fora, actionItems, waitingCases, circulations };
}
