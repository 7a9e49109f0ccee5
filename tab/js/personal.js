/** The personal tab: my fora, my action items, cases waiting for me, circulations I have not answered. */
import { el, formats, renderCard, section, showError } from './render.js';
import { openPage } from './page.js';

const root = /** @type {HTMLElement} */ (document.getElementById('main'));
const busy = /** @type {HTMLElement} */ (document.getElementById('busy'));

async function main() {
  const page = await openPage(root, busy, '/api/tab/personal');
  if (page === undefined) return;
  const { session, answer } = page;
  render(session, /** @type {PersonalAnswer} */ (answer));
}

/**
 * @typedef {{
 *   dashboard: import('../../domain/dashboard/personal-dashboard').PersonalDashboard,
 *   foraNames: Record<string, string>,
 *   cards: { fora?: unknown },
 * }} PersonalAnswer
 */

/** @param {import('./session.js').Session} session @param {PersonalAnswer} answer */
function render(session, answer) {
  const { t, lang, timeZone } = session;
  const f = formats(lang, timeZone);
  const d = answer.dashboard;
  /** @param {string} id */
  const forumName = (id) => answer.foraNames[id] ?? id;

  root.append(el('h1', {}, [t.appName]));
  // The same query (language, local development identity) carries over to the plan page.
  root.append(el('p', {}, [el('a', { href: `/tab/plan.html${location.search}`, id: 'plan-link' }, [t.planLink])]));
  // The half-yearly picture is for the Lokalråd, the coordinating fora and the chairs (the server decides; the link only saves others a refusal).
  if (d.fora.some((x) => x.level !== 'executing' || x.roles.includes('chair'))) {
    root.append(el('p', {}, [el('a', { href: `/tab/picture.html${location.search}`, id: 'picture-link' }, [t.pictureLink])]));
  }

  const fora = d.fora.map((x) =>
    el('li', {}, [
      el('strong', {}, [x.name]),
      el('span', { class: 'meta' }, [` · ${[t.levels[x.level], x.sensitive ? t.sensitive : undefined, ...x.roles.map((r) => t.roles[r])].filter(Boolean).join(' · ')}`]),
    ]),
  );
  root.append(section('my-fora', t.myFora, fora.length === 0 ? [] : [el('ul', {}, fora)], t.noFora));

  const items = d.actionItems.map((i) =>
    el('li', {}, [
      i.title,
      el('span', { class: i.overdue ? 'warn' : 'meta' }, [` · ${forumName(i.forumId)} · ${t.due(f.date(i.dueDate))}${i.overdue ? ` (${t.overdue})` : ''} · ${t.status[i.status]}`]),
    ]),
  );
  root.append(section('my-actions', t.myActionItems, items.length === 0 ? [] : [el('ul', {}, items)], t.noActionItems));

  const cases = d.waitingCases.map((e) =>
    el('li', {}, [
      e.title ?? el('em', {}, [t.hiddenCase]),
      el('span', { class: 'meta' }, [` · ${forumName(e.currentForumId)} · ${t.caseState[e.state]} · ${e.waitingFor === 'answer' ? t.waitingAnswer : t.waitingDecide}`]),
    ]),
  );
  root.append(section('waiting', t.waitingCases, cases.length === 0 ? [] : [el('ul', {}, cases)], t.noWaitingCases));

  const circulations = d.circulations.map((c) =>
    el('li', {}, [t.circulationLine(c.forumName, f.dateTime(c.meetingStart)), el('span', { class: 'meta' }, [` · ${t.deadline(f.dateTime(c.deadline))}`])]),
  );
  root.append(section('circulations', t.circulations, circulations.length === 0 ? [] : [el('ul', {}, circulations)], t.noCirculations));

  if (answer.cards?.fora !== undefined) {
    root.append(section('overview-card', t.overviewCard, [renderCard(answer.cards.fora)], ''));
  }
}

main().catch((error) => showError(root, error));
