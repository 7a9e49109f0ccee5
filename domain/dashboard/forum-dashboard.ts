import type { ActionItem } from '../actions/action-item';
import type { Agenda, AgendaInput } from '../agendas/agenda';
import { CLOSED_STATES, type Escalation, type EscalationState, type Urgency } from '../escalations/escalation';
import type { Forum, Level, Member, Role } from '../fora/forum';
import { canScheduleMeetings, canSeeContent } from '../fora/forum.rules';
import type { Occurrence } from '../meetings/occurrence';
import type { Verdict } from '../shared/domain-error';

/** Action items still to be done; done and cancelled ones leave the dashboard. */
export const OPEN_ACTION_STATUSES: readonly ActionItem['status'][] = ['open', 'started', 'blocked'];

/** How long after its start a meeting's agenda still counts as the current one (the meeting day). */
const AGENDA_GRACE_MS = 12 * 60 * 60 * 1000;

export interface ForumSummary {
  id: string;
  name: string;
  level: Level;
  sensitive: boolean;
}

export interface MeetingView {
  key: string;
  title: string;
  start: string;
  end: string;
  status: Occurrence['status'];
  location?: string;
  onlineMeetingUrl?: string;
}

export interface AgendaItemProgress {
  id: string;
  title: string;
  inputWanted: boolean;
  /** Comments on this item (not counting "no comments"). */
  comments: number;
}

export interface AgendaView {
  id: string;
  meetingStart: string;
  state: Agenda['state'];
  revision: number;
  items: AgendaItemProgress[];
  /** Present once the agenda has been sent out for input. */
  circulation?: { deadline: string; invited: number; answered: number; deadlinePassed: boolean };
}

export interface ActionItemView {
  id: string;
  title: string;
  dueDate: string;
  status: ActionItem['status'];
  overdue: boolean;
}

export interface OwnerGroup {
  owner: string;
  /** Set for members, so a page can mark "you". */
  userId?: string;
  items: ActionItemView[];
}

export interface EscalationView {
  id: string;
  /** Absent when the case comes from a sensitive forum the viewer is not a member of. */
  title?: string;
  state: EscalationState;
  urgency: Urgency;
  originForumId: string;
  currentForumId: string;
  updatedAt: string;
  /** `held`: the forum holds the case now; `raised`: the forum raised it and it is elsewhere. */
  relation: 'held' | 'raised';
}

export interface ForumDashboard {
  forum: ForumSummary;
  roles: Role[];
  meetings: MeetingView[];
  agenda?: AgendaView;
  actionItemsByOwner: OwnerGroup[];
  escalations: EscalationView[];
}

export interface ForumDashboardInput {
  forum: Forum;
  /** The viewer's membership in this forum (undefined: not a member). */
  member: Member | undefined;
  /** Every forum the viewer belongs to: decides whether a sensitive origin's case title is shown. */
  viewerForumIds: ReadonlySet<string>;
  fora: readonly Pick<Forum, 'id' | 'sensitive'>[];
  meetings: readonly Occurrence[];
  agendas: readonly Agenda[];
  /** Inputs of the current agenda (the caller reads them for `currentAgenda(...)`). */
  agendaInputs: readonly AgendaInput[];
  actionItems: readonly ActionItem[];
  escalations: readonly Escalation[];
  now: Date;
  /** Dates in the municipality's zone decide whether an item is overdue. */
  today: string;
}

export const forumSummary = (forum: Forum): ForumSummary => ({ id: forum.id, name: forum.name, level: forum.level, sensitive: forum.sensitive });

/**
 * The agenda the forum is working towards: the first whose meeting has not yet passed (with the
 * meeting day's grace). Drafts are for those who keep the agenda (chair, secretary).
 */
export function currentAgenda(agendas: readonly Agenda[], member: Member | undefined, now: Date): Agenda | undefined {
  const seesDrafts = canScheduleMeetings(member).ok;
  return agendas
    .filter((a) => (a.state === 'published' || seesDrafts) && Date.parse(a.meetingStart) + AGENDA_GRACE_MS >= now.getTime())
    .sort((a, b) => Date.parse(a.meetingStart) - Date.parse(b.meetingStart))[0];
}

export function agendaProgress(agenda: Agenda, inputs: readonly AgendaInput[], now: Date): AgendaView {
  const mine = inputs.filter((i) => i.agendaId === agenda.id);
  const view: AgendaView = {
    id: agenda.id,
    meetingStart: agenda.meetingStart,
    state: agenda.state,
    revision: agenda.revision,
    items: agenda.items.map((item) => ({
      id: item.id,
      title: item.title,
      inputWanted: item.inputWanted,
      comments: mine.filter((i) => i.itemId === item.id && !i.noComments && i.text.trim() !== '').length,
    })),
  };
  const circulation = agenda.circulation;
  if (circulation === undefined) return view;
  const invited = new Set(circulation.consultantIds);
  const answered = new Set(mine.map((i) => i.authorId).filter((id) => invited.has(id)));
  return {
    ...view,
    circulation: {
      deadline: circulation.deadline,
      invited: invited.size,
      answered: answered.size,
      deadlinePassed: now.getTime() > Date.parse(circulation.deadline),
    },
  };
}

export function actionItemsByOwner(items: readonly ActionItem[], today: string): OwnerGroup[] {
  const groups = new Map<string, OwnerGroup>();
  const open = items.filter((i) => OPEN_ACTION_STATUSES.includes(i.status)).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  for (const item of open) {
    const key = item.owner.kind === 'member' ? `m:${item.owner.userId}` : `e:${item.owner.email}`;
    const group = groups.get(key) ?? {
      owner: item.owner.displayName,
      ...(item.owner.kind === 'member' ? { userId: item.owner.userId } : {}),
      items: [],
    };
    group.items.push({ id: item.id, title: item.title, dueDate: item.dueDate, status: item.status, overdue: item.dueDate < today });
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.owner.localeCompare(b.owner, 'da'));
}

/** A case's title stays with the members of a sensitive forum it came from, wherever it goes. */
export function escalationView(
  escalation: Escalation,
  forumId: string,
  viewerForumIds: ReadonlySet<string>,
  fora: readonly Pick<Forum, 'id' | 'sensitive'>[],
): EscalationView {
  const origin = fora.find((f) => f.id === escalation.originForumId);
  const hidden = origin?.sensitive === true && !viewerForumIds.has(origin.id);
  return {
    id: escalation.id,
    ...(hidden ? {} : { title: escalation.title }),
    state: escalation.state,
    urgency: escalation.urgency,
    originForumId: escalation.originForumId,
    currentForumId: escalation.currentForumId,
    updatedAt: escalation.updatedAt,
    relation: escalation.currentForumId === forumId ? 'held' : 'raised',
  };
}

export type ForumDashboardResult = { ok: true; dashboard: ForumDashboard } | Extract<Verdict, { ok: false }>;

/** What a forum's channel tab shows, or the refusal for someone who is not a member. */
export function composeForumDashboard(input: ForumDashboardInput): ForumDashboardResult {
  const { forum, member, now } = input;
  const verdict = canSeeContent(forum, member);
  if (!verdict.ok) return verdict;
  const agenda = currentAgenda(input.agendas, member, now);
  const openCases = input.escalations.filter(
    (e) => !CLOSED_STATES.includes(e.state) && (e.currentForumId === forum.id || e.originForumId === forum.id),
  );
  const urgencyRank: Record<Urgency, number> = { high: 0, normal: 1, low: 2 };
  return {
    ok: true,
    dashboard: {
      forum: forumSummary(forum),
      roles: member?.roles ?? [],
      meetings: input.meetings
        .filter((m) => m.forumId === forum.id && m.status !== 'cancelled' && Date.parse(m.end) >= now.getTime())
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
        .map((m) => ({
          key: m.key,
          title: m.title,
          start: m.start,
          end: m.end,
          status: m.status,
          ...(m.location === undefined ? {} : { location: m.location }),
          ...(m.onlineMeetingUrl === undefined ? {} : { onlineMeetingUrl: m.onlineMeetingUrl }),
        })),
      ...(agenda === undefined ? {} : { agenda: agendaProgress(agenda, input.agendaInputs, now) }),
      actionItemsByOwner: actionItemsByOwner(input.actionItems, input.today),
      escalations: openCases
        .sort((a, b) => urgencyRank[a.urgency] - urgencyRank[b.urgency] || b.updatedAt.localeCompare(a.updatedAt))
        .map((e) => escalationView(e, forum.id, input.viewerForumIds, input.fora)),
    },
  };
}
