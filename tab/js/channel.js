/** The channel tab: one forum's next meetings, current agenda, open action items and open cases. */
import { el, formats, renderCard, section, showError } from './render.js';
import { startSession } from './session.js';

const root = /** @type {HTMLElement} */ (document.getElementById('main'));
const busy = /** @type {HTMLElement} */ (document.getElementById('busy'));

async function main() {
  const session = await startSession(root);
  busy.remove();
  if (session === undefined) return;
  const { t, api } = session;
  const forumId = new URLSearchParams(location.search).get('forumId') ?? '';
  if (forumId === '') {
    root.append(el('p', { class: 'notice' }, [session.mode === 'teams' ? t.noForum : t.noForumOutsideTeams]));
    return;
  }
  let answer;
  try {
    answer = await api(`/api/tab/forum/${encodeURIComponent(forumId)}`);
  } catch (error) {
    showError(root, /** @type {Error} */ (error));
    return;
  }
  render(session, answer);
}

/**
 * The server's answer; its types come from the domain, so page and API cannot drift apart unnoticed.
 * @typedef {{
 *   viewer: { userId: string },
 *   dashboard: import('../../domain/dashboard/forum-dashboard').ForumDashboard,
 *   foraNames: Record<string, string>,
 *   cards: { agenda?: unknown },
 * }} ForumAnswer
 */

/** @param {import('./session.js').Session} session @param {ForumAnswer} answer */
function render(session, answer) {
  const { t, lang, timeZone } = session;
  const f = formats(lang, timeZone);
  const d = answer.dashboard;
  /** @param {string} id */
  const forumName = (id) => answer.foraNames[id] ?? id;
  const me = answer.viewer?.userId;

  root.append(el('h1', {}, [d.forum.name]));
  root.append(
    el('p', { class: 'subtitle' }, [
      [t.levels[d.forum.level], d.forum.sensitive ? t.sensitive : undefined, ...d.roles.map((r) => t.roles[r])].filter(Boolean).join(' · '),
    ]),
  );

  const meetings = d.meetings.map((m) =>
    el('li', {}, [
      el('strong', {}, [f.range(m.start, m.end)]),
      m.title ? ` — ${m.title}` : undefined,
      m.status === 'moved' ? ` (${t.moved})` : undefined,
      m.location ? el('span', { class: 'meta' }, [` · ${m.location}`]) : undefined,
      m.onlineMeetingUrl ? el('span', {}, [' · ', el('a', { href: m.onlineMeetingUrl, target: '_blank', rel: 'noopener' }, [t.online])]) : undefined,
    ]),
  );
  // A meeting outside the schedule (a one-off) that has an agenda is still the next meeting: never "none" beside it.
  if (meetings.length === 0 && d.agenda !== undefined) {
    meetings.push(el('li', {}, [el('strong', {}, [f.dateTime(d.agenda.meetingStart)]), ` — ${t.agendaMeeting}`]));
  }
  root.append(section('meetings', t.nextMeetings, meetings.length === 0 ? [] : [el('ul', {}, meetings)], t.noMeetings));

  /** @type {HTMLElement[]} */
  const agenda = [];
  if (d.agenda !== undefined) {
    const a = d.agenda;
    agenda.push(el('p', {}, [t.agendaFor(f.dateTime(a.meetingStart))]));
    if (a.state === 'draft') agenda.push(el('p', { class: 'badge' }, [t.draft]));
    if (a.circulation !== undefined) {
      const c = a.circulation;
      agenda.push(
        el('p', {}, [
          el('label', { for: 'input-progress' }, [t.progress(c.answered, c.invited)]),
          ' ',
          el('progress', { id: 'input-progress', max: String(Math.max(c.invited, 1)), value: String(c.answered) }, [`${c.answered}/${c.invited}`]),
        ]),
        el('p', { class: c.deadlinePassed ? 'warn' : 'meta' }, [c.deadlinePassed ? t.deadlinePassed : t.deadline(f.dateTime(c.deadline))]),
      );
    }
    agenda.push(
      el(
        'ol',
        { class: 'agenda' },
        a.items.map((i) =>
          el('li', {}, [i.title, i.inputWanted ? el('span', { class: 'meta' }, [` · ${t.inputWanted} · ${t.comments(i.comments)}`]) : undefined]),
        ),
      ),
    );
    if (answer.cards?.agenda !== undefined) agenda.push(el('h3', {}, [t.agendaCard]), renderCard(answer.cards.agenda));
  }
  root.append(section('agenda', t.agenda, agenda, t.noAgenda));

  const owners = d.actionItemsByOwner.map((g) =>
    el('div', { class: 'owner' }, [
      el('h3', {}, [g.owner, g.userId !== undefined && g.userId === me ? ` (${t.you})` : '']),
      el(
        'ul',
        {},
        g.items.map((i) =>
          el('li', {}, [
            i.title,
            el('span', { class: i.overdue ? 'warn' : 'meta' }, [` · ${t.due(f.date(i.dueDate))}${i.overdue ? ` (${t.overdue})` : ''} · ${t.status[i.status]}`]),
          ]),
        ),
      ),
    ]),
  );
  root.append(section('actions', t.actionItems, owners, t.noActionItems));

  const cases = d.escalations.map((e) =>
    el('li', {}, [
      e.title ?? el('em', {}, [t.hiddenCase]),
      el('span', { class: 'meta' }, [
        ` · ${t.caseState[e.state]} · ${t.urgency[e.urgency]} · `,
        e.relation === 'held' ? `${t.heldHere}${e.originForumId === d.forum.id ? '' : `, ${t.from(forumName(e.originForumId))}`}` : t.raisedHere(forumName(e.currentForumId)),
      ]),
    ]),
  );
  root.append(section('cases', t.escalations, cases.length === 0 ? [] : [el('ul', {}, cases)], t.noEscalations));
}

main().catch((error) => showError(root, error));
