/**
 * The half-yearly picture: charts drawn on the server (SVG, black and white) with the table behind
 * each, filtered by period, forum, category and area. The server applies the seal and the
 * small-number rule for the signed-in person; the page only shows what it is given.
 */
import { el, section, showError } from './render.js';
import { openPage } from './page.js';

/** @typedef {import('../../bot/tab/picture-tab').TabPicture} TabPicture */
/** @typedef {import('../../bot/tab/picture-tab').TabTable} TabTable */

const root = /** @type {HTMLElement} */ (document.getElementById('main'));
const busy = /** @type {HTMLElement} */ (document.getElementById('busy'));
const FILTERS = ['from', 'to', 'forum', 'category', 'area'];

/** The API path for the filters in the page's address (so a reload or a shared link keeps them). */
function apiPath() {
  const params = new URLSearchParams(location.search);
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value !== null && value !== '') query.set(name, value);
  }
  const text = query.toString();
  return text === '' ? '/api/tab/picture' : `/api/tab/picture?${text}`;
}

async function main() {
  const page = await openPage(root, busy, apiPath());
  if (page === undefined) return;
  const { session, answer } = page;
  const content = el('div', { id: 'picture' });
  root.append(content);

  // Choices made quickly one after another each ask the server; only the latest answer is shown, so
  // a slow answer to an earlier choice cannot replace the picture (and the filters) of a later one.
  let latest = 0;

  /** New filters: into the address, then the picture for them in place of the old one. @param {Record<string, string>} chosen */
  async function choose(chosen) {
    const asked = ++latest;
    const url = new URL(location.href);
    for (const name of FILTERS) {
      const value = chosen[name] ?? '';
      if (value === '') url.searchParams.delete(name);
      else url.searchParams.set(name, value);
    }
    history.replaceState(null, '', url.toString());
    content.setAttribute('aria-busy', 'true');
    try {
      const next = await session.api(apiPath());
      if (asked !== latest) return;
      content.replaceChildren();
      render(content, next.picture, choose);
    } catch (error) {
      if (asked !== latest) return;
      content.replaceChildren();
      showError(content, /** @type {Error} */ (error));
    } finally {
      if (asked === latest) content.removeAttribute('aria-busy');
    }
  }
  render(content, /** @type {{ picture: TabPicture }} */ (answer).picture, choose);
}

/**
 * @param {string} id @param {string} label @param {{ value: string, text: string }[]} options @param {string} chosen
 * @returns {[HTMLElement, HTMLSelectElement]}
 */
function select(id, label, options, chosen) {
  const box = /** @type {HTMLSelectElement} */ (el('select', { id, name: id }));
  for (const o of options) box.append(new Option(o.text, o.value, false, o.value === chosen));
  return [el('label', { for: id }, [label]), box];
}

/** @param {TabPicture} p @param {(chosen: Record<string, string>) => void} choose */
function filterForm(p, choose) {
  const f = p.filters;
  const all = { value: '', text: f.all };
  const period = `${p.chosen.from}_${p.chosen.to}`;
  const periods = p.options.periods.map((o) => ({ value: `${o.from}_${o.to}`, text: o.label }));
  // A period asked for by address that is not one of the offered half-years is still shown as chosen.
  if (!periods.some((o) => o.value === period)) periods.unshift({ value: period, text: p.period.label });
  const controls = [
    ...select('filter-period', f.period, periods, period),
    ...select('filter-forum', f.forum, [all, ...p.options.fora.map((o) => ({ value: o.id, text: o.name }))], p.chosen.forumId ?? ''),
    ...select('filter-category', f.category, [all, ...p.options.categories.map((o) => ({ value: o.id, text: o.name }))], p.chosen.category ?? ''),
    ...select('filter-area', f.area, [all, ...p.options.areas.map((o) => ({ value: o.id, text: o.name }))], p.chosen.area ?? ''),
  ];
  const form = /** @type {HTMLFormElement} */ (el('form', { id: 'picture-filters' }, [el('fieldset', {}, [el('legend', {}, [f.legend]), ...controls, el('button', { type: 'submit' }, [f.show])])]));
  const submit = () => {
    const data = new FormData(form);
    const [from = '', to = ''] = String(data.get('filter-period') ?? '').split('_');
    choose({ from, to, forum: String(data.get('filter-forum') ?? ''), category: String(data.get('filter-category') ?? ''), area: String(data.get('filter-area') ?? '') });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  // A choice shows at once; the button is there for keyboards and screen readers that expect one.
  form.addEventListener('change', submit);
  return form;
}

/** @param {TabTable} table */
function tableOf(table) {
  if (table.rows.length === 0 && table.empty !== undefined) return el('p', { class: 'empty' }, [table.empty]);
  const head = el('tr', {}, table.head.map((h) => el('th', { scope: 'col' }, [h])));
  const rows = table.rows.map((cells) => el('tr', {}, cells.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, [c]) : el('td', {}, [c])))));
  return el('table', { class: 'figures' }, [el('caption', {}, [table.caption]), el('thead', {}, [head]), el('tbody', {}, rows)]);
}

/** The chart as an image: an SVG shown this way runs no script, whatever it holds. @param {{ svg: string, alt: string }} chart */
function chartOf(chart) {
  const bytes = new TextEncoder().encode(chart.svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return el('img', { class: 'chart', src: `data:image/svg+xml;base64,${btoa(binary)}`, alt: chart.alt });
}

/** @param {HTMLElement} into @param {TabPicture} p @param {(chosen: Record<string, string>) => void} choose */
function render(into, p, choose) {
  into.append(
    el('h1', {}, [p.title]),
    el('p', { class: 'meta', id: 'picture-period' }, [p.subtitle]),
    el('p', {}, [p.intro]),
    filterForm(p, choose),
    ...p.notes.map((n) => el('p', { class: 'notice picture-note' }, [n])),
    ...p.sections.map((s) => section(`picture-${s.id}`, s.title, [...(s.chart === undefined ? [] : [chartOf(s.chart)]), tableOf(s.table)], '')),
  );
}

main().catch((error) => showError(root, error));
