import { describe, expect, test } from 'vitest';
import { composeForumDashboard, currentAgenda, type ForumDashboardInput } from '../../../domain/dashboard/forum-dashboard';
import type { Occurrence } from '../../../domain/meetings/occurrence';
import { aForum, anActionItem, anAgenda, anAgendaInput, anEscalation, aMember } from '../../storage/storage.mothers';

const NOW = new Date('2026-03-05T10:00:00.000Z');
const forum = aForum({ id: 'ssp-nu-u18', name: 'SSP-NU u18' });
const infohus = aForum({ id: 'infohus', name: 'Infohus', sensitive: true });
const chair = aMember({ userId: 'chair', roles: ['chair'] });
const plain = aMember({ userId: 'plain', roles: ['member'] });

const input = (over: Partial<ForumDashboardInput> = {}): ForumDashboardInput => ({
  forum,
  member: plain,
  viewerForumIds: new Set([forum.id]),
  fora: [forum, infohus],
  meetings: [],
  agendas: [],
  agendaInputs: [],
  actionItems: [],
  escalations: [],
  now: NOW,
  today: '2026-03-05',
  ...over,
});

function dashboardOf(over: Partial<ForumDashboardInput> = {}) {
  const result = composeForumDashboard(input(over));
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result.dashboard;
}

describe('the forum dashboard', () => {
  test('given someone who is not a member, then it is refused as not a member (and as sensitive for a sensitive forum)', () => {
    expect(composeForumDashboard(input({ member: undefined }))).toMatchObject({ ok: false, code: 'FORUM.NOT_MEMBER' });
    expect(composeForumDashboard(input({ forum: infohus, member: undefined }))).toMatchObject({ ok: false, code: 'FORUM.SENSITIVE' });
  });

  test('given a draft agenda, then only the chair or secretary sees it as the current agenda', () => {
    const draft = anAgenda(forum.id, { meetingStart: '2026-03-10T08:00:00.000Z', state: 'draft' });
    expect(currentAgenda([draft], plain, NOW)).toBeUndefined();
    expect(currentAgenda([draft], chair, NOW)?.id).toBe(draft.id);
  });

  test('given agendas before and after now, then the current one is the next meeting, and a meeting earlier today still counts', () => {
    const past = anAgenda(forum.id, { meetingStart: '2026-03-03T08:00:00.000Z', state: 'published' });
    const today = anAgenda(forum.id, { meetingStart: '2026-03-05T08:00:00.000Z', state: 'published' });
    const next = anAgenda(forum.id, { meetingStart: '2026-04-07T08:00:00.000Z', state: 'published' });
    expect(currentAgenda([next, past, today], plain, NOW)?.id).toBe(today.id);
    expect(currentAgenda([next, past], plain, NOW)?.id).toBe(next.id);
  });

  test('given inputs, then progress counts invited consultants who answered once each, and comments per item', () => {
    const agenda = anAgenda(forum.id, {
      meetingStart: '2026-03-10T08:00:00.000Z',
      state: 'published',
      circulation: { deadline: '2026-03-08T12:00:00.000Z', consultantIds: ['a', 'b', 'c'], sentAt: '2026-03-01T12:00:00.000Z' },
    });
    const item = agenda.items[1]!.id;
    const inputs = [
      anAgendaInput(agenda.id, 'a', { itemId: item }),
      anAgendaInput(agenda.id, 'a', { itemId: agenda.items[0]!.id }),
      anAgendaInput(agenda.id, 'b', { noComments: true, text: '' }),
      anAgendaInput(agenda.id, 'stranger', { itemId: item }),
    ];
    const view = dashboardOf({ agendas: [agenda], agendaInputs: inputs }).agenda;
    expect(view?.circulation).toEqual({ deadline: '2026-03-08T12:00:00.000Z', invited: 3, answered: 2, deadlinePassed: false });
    expect(view?.items.map((i) => i.comments)).toEqual([1, 2]);
  });

  test('given action items, then open ones are grouped by owner, overdue ones marked, done and cancelled ones left out', () => {
    const items = [
      anActionItem(forum.id, { title: 'B', owner: { kind: 'member', userId: 'u1', displayName: 'Mette' }, dueDate: '2026-03-04' }),
      anActionItem(forum.id, { title: 'A', owner: { kind: 'member', userId: 'u1', displayName: 'Mette' }, dueDate: '2026-03-01', status: 'blocked' }),
      anActionItem(forum.id, { title: 'C', owner: { kind: 'external', displayName: 'Anders', email: 'a@x.dk' }, dueDate: '2026-03-05' }),
      anActionItem(forum.id, { title: 'done', status: 'done' }),
      anActionItem(forum.id, { title: 'cancelled', status: 'cancelled' }),
    ];
    const groups = dashboardOf({ actionItems: items }).actionItemsByOwner;
    expect(groups.map((g) => [g.owner, g.items.map((i) => `${i.title}${i.overdue ? '!' : ''}`)])).toEqual([
      ['Anders', ['C']],
      ['Mette', ['A!', 'B!']],
    ]);
  });

  test('given cases, then open ones held or raised here are listed, and a case from a sensitive forum keeps its title from non-members', () => {
    const held = anEscalation('netvaerk', { currentForumId: forum.id, path: ['netvaerk', forum.id], title: 'Held' }).escalation;
    const raised = anEscalation(forum.id, { currentForumId: 'koordinationsgruppen', title: 'Raised' }).escalation;
    const closed = anEscalation(forum.id, { state: 'resolved', title: 'Closed' }).escalation;
    const secret = anEscalation(infohus.id, { currentForumId: forum.id, path: [infohus.id, forum.id], title: 'Secret', urgency: 'high' }).escalation;
    const views = dashboardOf({ escalations: [held, raised, closed, secret] }).escalations;
    // Urgent first, then the most recently changed.
    expect(views.map((v) => [v.title ?? '(hidden)', v.relation])).toEqual([
      ['(hidden)', 'held'],
      ['Held', 'held'],
      ['Raised', 'raised'],
    ]);
    const asInfohusMember = dashboardOf({ escalations: [secret], viewerForumIds: new Set([forum.id, infohus.id]) }).escalations;
    expect(asInfohusMember[0]?.title).toBe('Secret');
  });

  test('given meetings, then cancelled, ended and other fora’s meetings are left out and the rest sorted', () => {
    const m = (key: string, start: string, over: Partial<Occurrence> = {}): Occurrence => ({
      key, forumId: forum.id, title: key, start, end: new Date(Date.parse(start) + 3_600_000).toISOString(), status: 'scheduled', ...over,
    });
    const meetings = [
      m('later', '2026-04-01T08:00:00.000Z'),
      m('soon', '2026-03-06T08:00:00.000Z'),
      m('ended', '2026-03-04T08:00:00.000Z'),
      m('cancelled', '2026-03-07T08:00:00.000Z', { status: 'cancelled' }),
      m('elsewhere', '2026-03-07T08:00:00.000Z', { forumId: 'other' }),
    ];
    expect(dashboardOf({ meetings }).meetings.map((x) => x.key)).toEqual(['soon', 'later']);
  });
});
