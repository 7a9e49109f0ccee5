/** The local action plan as published: basis and purpose, organisation, strategy, initiatives by focus area. */
import { el, formats, section, showError } from './render.js';
import { openPage } from './page.js';

const root = /** @type {HTMLElement} */ (document.getElementById('main'));
const busy = /** @type {HTMLElement} */ (document.getElementById('busy'));

async function main() {
  const page = await openPage(root, busy, '/api/tab/plan');
  if (page === undefined) return;
  const { session, answer } = page;
  render(session, /** @type {{ plan: import('../../bot/plan/plan-tab').TabPlan }} */ (answer).plan);
}

/** Paragraphs as typed: a blank line starts a new one. @param {string} text */
const paragraphs = (text) => text.split(/\n\s*\n/).filter((p) => p.trim() !== '').map((p) => el('p', {}, [p.trim()]));

/** @param {import('./session.js').Session} session @param {import('../../bot/plan/plan-tab').TabPlan} plan */
function render(session, plan) {
  const { t, lang, timeZone } = session;
  const f = formats(lang, timeZone);
  const dayOf = (/** @type {string} */ iso) => f.date(new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso)));

  root.append(el('h1', {}, [t.planTitle]));
  root.append(el('p', {}, [el('a', { href: `/tab/personal.html${location.search}` }, [t.myFora])]));
  if (plan.approved === undefined) {
    root.append(el('p', { class: 'empty', id: 'plan-state' }, [t.planNotApproved]));
    return;
  }
  const state = [t.planApproved(plan.approved.number, dayOf(plan.approved.approvedAt))];
  if (plan.lastAdjusted !== undefined) state.push(t.planAdjusted(dayOf(plan.lastAdjusted)));
  root.append(el('p', { class: 'meta', id: 'plan-state' }, [state.join(' · ')]));

  root.append(section('plan-basis', t.planBasis, paragraphs(plan.basis), t.planEmptySection));

  const levels = plan.organisation.map((level) =>
    el('li', {}, [
      el('strong', {}, [t.levels[level.level]]),
      el(
        'ul',
        {},
        level.fora.map((forum) =>
          el('li', {}, [forum.name, forum.sensitive ? el('span', { class: 'meta' }, [` · ${t.sensitive}`]) : undefined, forum.members.length === 0 ? undefined : el('span', { class: 'meta' }, [` · ${forum.members.map((m) => m.name).join(', ')}`])]),
        ),
      ),
    ]),
  );
  root.append(section('plan-organisation', t.planOrganisation, levels.length === 0 ? [] : [el('ul', {}, levels)], t.planEmptySection));

  root.append(section('plan-strategy', t.planStrategy, paragraphs(plan.strategy), t.planEmptySection));

  const groups = plan.groups.map((group) =>
    el('section', { class: 'focus-area' }, [
      el('h3', {}, [group.focusArea]),
      el(
        'ul',
        {},
        group.initiatives.map((i) =>
          el('li', {}, [
            el('strong', {}, [i.project]),
            el('span', { class: 'meta' }, [` · ${i.timeFrame} · ${t.planStatus[i.status]} · ${i.forumName}`]),
            el('br'),
            i.purpose,
            el('br'),
            el('span', { class: 'meta' }, [`${t.planTargetGroup}: ${i.targetGroup}`]),
          ]),
        ),
      ),
    ]),
  );
  root.append(section('plan-initiatives', t.planInitiatives, groups, t.planNoInitiatives));
}

main().catch((error) => showError(root, error));
