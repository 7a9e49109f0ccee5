/** A forum's audit: who did what when, filtered by person, kind and date, a page at a time (chairs and administrators). */
import { el, showError } from './render.js';
import { startSession } from './session.js';

const root = /** @type {HTMLElement} */ (document.getElementById('main'));
const busy = /** @type {HTMLElement} */ (document.getElementById('busy'));

const TEXTS = {
  da: { title: 'Log', actor: 'Person (objekt-id)', action: 'Handling (fx agenda)', from: 'Fra dato', to: 'Til dato', show: 'Vis', when: 'Tidspunkt', who: 'Hvem', what: 'Hvad', subject: 'Emne', system: 'Forumbot', none: 'Ingen hændelser.', page: (/** @type {number} */ p, /** @type {number} */ n, /** @type {number} */ total) => `Side ${p} af ${n} · ${total} ${total === 1 ? 'hændelse' : 'hændelser'}`, previous: 'Forrige', next: 'Næste', pick: 'Vælg det forum, hvis log du vil se:', noFora: 'Du kan ikke se loggen for noget forum. Loggen vises for forummets formand og for privatlivsadministratorer (et lukket forums kun for dets medlemmer).', otherFora: 'Andre fora' },
  en: { title: 'Audit', actor: 'Person (object id)', action: 'Action (e.g. agenda)', from: 'From date', to: 'To date', show: 'Show', when: 'When', who: 'Who', what: 'What', subject: 'Subject', system: 'Forumbot', none: 'No events.', page: (/** @type {number} */ p, /** @type {number} */ n, /** @type {number} */ total) => `Page ${p} of ${n} · ${total} ${total === 1 ? 'event' : 'events'}`, previous: 'Previous', next: 'Next', pick: 'Choose the forum whose audit you want to see:', noFora: 'You cannot see the audit of any forum. The audit is shown to the forum\'s chair and to privacy administrators (a closed forum\'s only to its members).', otherFora: 'Other fora' },
};

/** This page's address with `forumId` set (or removed), keeping what else the address says (language, local sign-in). */
function pageFor(/** @type {string | undefined} */ forumId) {
  const url = new URL(location.href);
  for (const name of ['forumId', 'actor', 'action', 'from', 'to']) url.searchParams.delete(name);
  if (forumId !== undefined) url.searchParams.set('forumId', forumId);
  return url.pathname + url.search;
}

/**
 * Opened as the app's "Log" tab (no forum in the address): the fora whose audit this person may
 * read, each a link to its audit.
 * @param {{ api: (path: string) => Promise<any> }} session @param {typeof TEXTS.da} t
 */
async function showPicker(session, t) {
  root.append(el('h1', {}, [t.title]));
  /** @type {{ fora: { id: string, name: string }[] }} */
  let answer;
  try {
    answer = await session.api('/api/tab/audit/fora');
  } catch (error) {
    showError(root, /** @type {Error} */ (error));
    return;
  }
  if (answer.fora.length === 0) {
    root.append(el('p', { class: 'notice' }, [t.noFora]));
    return;
  }
  root.append(el('p', {}, [t.pick]), el('ul', { id: 'fora' }, answer.fora.map((f) => el('li', {}, [el('a', { href: pageFor(f.id) }, [f.name])]))));
}

/** @typedef {{ forum: { id: string, name: string }, events: { id: string, at: string, actorId?: string, action: string, subject: string }[], page: number, pages: number, total: number }} AuditAnswer */

/** @param {string} id @param {string} label @param {string} type @param {string} value */
function field(id, label, type, value) {
  const input = /** @type {HTMLInputElement} */ (el('input', { id, name: id, type }));
  input.value = value;
  return el('label', { for: id }, [label, ' ', input]);
}

async function main() {
  const started = await startSession(root);
  busy.remove();
  if (started === undefined) return;
  const session = started;
  const t = TEXTS[session.lang];
  const params = new URLSearchParams(location.search);
  const forumId = params.get('forumId') ?? '';
  if (forumId === '') {
    await showPicker(session, t);
    return;
  }
  const filters = { actor: params.get('actor') ?? '', action: params.get('action') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  let page = 1;
  const when = new Intl.DateTimeFormat(session.lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: session.timeZone, dateStyle: 'medium', timeStyle: 'short' });

  const heading = el('h1', {}, [t.title]);
  const form = /** @type {HTMLFormElement} */ (
    el('form', { id: 'filters' }, [field('actor', t.actor, 'text', filters.actor), field('action', t.action, 'text', filters.action), field('from', t.from, 'date', filters.from), field('to', t.to, 'date', filters.to), el('button', { type: 'submit' }, [t.show])])
  );
  const results = el('div', { id: 'results', 'aria-live': 'polite' });
  root.append(heading, el('p', {}, [el('a', { href: pageFor(undefined) }, [t.otherFora])]), form, results);

  async function load() {
    const query = new URLSearchParams({ page: String(page) });
    for (const [name, value] of Object.entries(filters)) if (value !== '') query.set(name, value);
    results.replaceChildren();
    /** @type {AuditAnswer} */
    let answer;
    try {
      answer = await session.api(`/api/tab/forum/${encodeURIComponent(forumId)}/audit?${query.toString()}`);
    } catch (error) {
      showError(results, /** @type {Error} */ (error));
      return;
    }
    heading.textContent = `${t.title}: ${answer.forum.name}`;
    if (answer.events.length === 0) {
      results.append(el('p', { class: 'empty' }, [t.none]));
      return;
    }
    const rows = answer.events.map((e) => el('tr', {}, [el('td', {}, [when.format(new Date(e.at))]), el('td', {}, [e.actorId ?? t.system]), el('td', {}, [e.action]), el('td', {}, [e.subject])]));
    const head = el('tr', {}, [t.when, t.who, t.what, t.subject].map((h) => el('th', { scope: 'col' }, [h])));
    results.append(el('table', {}, [el('thead', {}, [head]), el('tbody', {}, rows)]), el('p', { class: 'meta' }, [t.page(answer.page, answer.pages, answer.total)]));
    const nav = el('nav', {}, []);
    if (answer.page > 1) nav.append(pager(t.previous, answer.page - 1));
    if (answer.page < answer.pages) nav.append(pager(t.next, answer.page + 1));
    results.append(nav);
  }

  /** @param {string} label @param {number} target */
  function pager(label, target) {
    const button = el('button', { type: 'button' }, [label]);
    button.addEventListener('click', () => {
      page = target;
      void load();
    });
    return button;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    for (const name of /** @type {(keyof typeof filters)[]} */ (Object.keys(filters))) filters[name] = String(data.get(name) ?? '').trim();
    page = 1;
    void load();
  });
  await load();
}

main().catch((error) => showError(root, error));
