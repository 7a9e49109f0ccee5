import { pictureChartSpecs } from '../../cards/picture-charts';
import type { Area, Forum } from '../../domain/fora/forum';
import { dayOf, lastHalfYear, monthsOf, previousOf, type Period } from '../../domain/picture/months';
import { buildPicture, type Picture, type PictureFilter, type PictureRow } from '../../domain/picture/picture';
import { SUMMARY_FORUM } from '../../domain/picture/record-contribution';
import { shownText, type Shown } from '../../domain/picture/small-numbers';
import { DomainError } from '../../domain/shared/domain-error';
import type { BotServices } from '../core/services';
import type { Lang } from '../i18n';
import { chartSvg } from '../picture/chart-render';
import { chartLabels, pictureTexts } from '../picture/picture.texts';
import { pictureTabTexts } from './picture-tab.texts';

/** What the page asks for; every part optional (default: the last finished half-year, everything). */
export interface PictureQuery {
  period?: Period;
  forumId?: string;
  category?: string;
  area?: string;
}

export interface TabTable {
  caption: string;
  head: string[];
  rows: string[][];
  /** Said instead of a table without rows. */
  empty?: string;
}

export interface TabPictureSection {
  id: string;
  title: string;
  /** The chart as SVG, drawn on the server (black and white, every bar labelled). */
  chart?: { svg: string; alt: string };
  table: TabTable;
}

export interface TabPicture {
  title: string;
  intro: string;
  /** "1. halvår 2026 sammenlignet med 2. halvår 2025". */
  subtitle: string;
  /** The filter form's words. */
  filters: { legend: string; period: string; forum: string; category: string; area: string; all: string; show: string };
  period: Period & { label: string };
  previousPeriod: Period & { label: string };
  options: {
    periods: { from: string; to: string; label: string }[];
    fora: { id: string; name: string }[];
    categories: { id: string; name: string }[];
    areas: { id: string; name: string }[];
  };
  chosen: { from: string; to: string; forumId?: string; category?: string; area?: string };
  notes: string[];
  sections: TabPictureSection[];
}

/**
 * Drawn charts by their specification: drawing four takes about half a second on a busy machine,
 * and people flip between a few filters. A specification holds the figures themselves, so a changed
 * figure is a new entry; the oldest entries go first.
 */
const CHART_CACHE_SIZE = 64;
const drawn = new Map<string, Promise<string>>();
function cachedSvg(spec: Record<string, unknown>): Promise<string> {
  const key = JSON.stringify(spec);
  const hit = drawn.get(key);
  if (hit !== undefined) {
    drawn.delete(key);
    drawn.set(key, hit);
    return hit;
  }
  const svg = chartSvg(spec);
  drawn.set(key, svg);
  svg.catch(() => drawn.delete(key));
  while (drawn.size > CHART_CACHE_SIZE) drawn.delete(drawn.keys().next().value!);
  return svg;
}

const STANDARD_CATEGORIES = ['trend', 'problem', 'resources', 'cooperation', 'other'];
/** How many finished half-years the page offers. */
const HALF_YEARS_OFFERED = 4;

/** The municipality's areas, from every forum's list (they share one list; duplicates dropped). */
function areasOf(fora: readonly Forum[]): Area[] {
  const byId = new Map<string, Area>();
  for (const f of fora) for (const a of f.areas ?? []) if (!byId.has(a.id)) byId.set(a.id, a);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

function periodLabel(period: Period, lang: Lang): string {
  const t = pictureTabTexts[lang];
  const [year, from] = [period.from.slice(0, 4), period.from.slice(5, 7)];
  const sameYear = period.to.slice(0, 4) === year;
  if (sameYear && from === '01' && period.to.slice(5, 7) === '06') return t.halfYear(1, year);
  if (sameYear && from === '07' && period.to.slice(5, 7) === '12') return t.halfYear(2, year);
  const month = pictureTexts[lang].labels.monthName;
  return `${month(period.from)} – ${month(period.to)}`;
}

/**
 * The picture as one person may see it, for the page: the seal by their own memberships (a
 * sensitive forum they are not in counts in the total of cases only, is not offered as a filter and
 * cannot be chosen), small numbers as "under 3". All fora: the summary cells; one forum: its detail.
 */
export async function tabPictureFor(services: BotServices, userId: string, query: PictureQuery, lang: Lang): Promise<TabPicture> {
  const now = services.clock.now();
  const current = query.period ?? lastHalfYear(now).current;
  const period = { current, previous: previousOf(current) };
  const [fora, memberships] = await Promise.all([services.fora.list(), services.members.listMembershipsOfUser(userId)]);
  const mine = memberships.map((m) => m.forumId);
  const visible = fora.filter((f) => !f.sensitive || mine.includes(f.id));
  if (query.forumId !== undefined && !visible.some((f) => f.id === query.forumId)) throw new DomainError('TAB.BAD_REQUEST');
  const months = [...monthsOf(period.previous), ...monthsOf(period.current)];
  const cells = await services.picture.listMonths(months, query.forumId === undefined ? { layer: 'summary' } : { forumIds: [query.forumId] });
  const filter: PictureFilter = {
    ...(query.forumId === undefined ? {} : { forumIds: [query.forumId] }),
    ...(query.category === undefined ? {} : { categories: [query.category] }),
    ...(query.area === undefined ? {} : { areas: [query.area] }),
  };
  const picture = buildPicture(cells, fora, { forumIds: mine }, period, dayOf(now), filter);
  const areas = areasOf(fora);
  const t = pictureTexts[lang];
  const categories = [...new Set([...STANDARD_CATEGORIES, ...(query.category === undefined ? [] : [query.category])])];
  const latest = lastHalfYear(now).current;
  const offered = Array.from({ length: HALF_YEARS_OFFERED }, (_, i) => {
    let p = latest;
    for (let k = 0; k < i; k++) p = previousOf(p);
    return { ...p, label: periodLabel(p, lang) };
  });
  // With a filter the sealed fora's cases are left out altogether (a filter would single them out), so the note would mislead.
  const sealedCount = query.forumId === undefined && query.category === undefined && query.area === undefined ? picture.sealedForumIds.length : 0;
  return {
    title: pictureTabTexts[lang].title,
    intro: pictureTabTexts[lang].intro,
    subtitle: t.figures.periods(periodLabel(period.current, lang), periodLabel(period.previous, lang)),
    filters: pictureTabTexts[lang].filters,
    period: { ...period.current, label: periodLabel(period.current, lang) },
    previousPeriod: { ...period.previous, label: periodLabel(period.previous, lang) },
    options: {
      periods: offered,
      fora: visible.map((f) => ({ id: f.id, name: f.name })).sort((a, b) => a.name.localeCompare(b.name, 'da')),
      categories: categories.map((id) => ({ id, name: t.labels.categories[id] ?? id })),
      areas: areas.map((a) => ({ id: a.id, name: a.name })),
    },
    chosen: { ...period.current, ...(query.forumId === undefined ? {} : { forumId: query.forumId }), ...(query.category === undefined ? {} : { category: query.category }), ...(query.area === undefined ? {} : { area: query.area }) },
    notes: [...(sealedCount > 0 ? [t.figures.sealed(sealedCount)] : []), t.figures.smallNumbers],
    sections: await sectionsOf(picture, lang, areas, new Map(fora.map((f) => [f.id, f.name])), [periodLabel(period.current, lang), periodLabel(period.previous, lang)]),
  };
}

async function sectionsOf(picture: Picture, lang: Lang, areas: readonly Area[], foraNames: ReadonlyMap<string, string>, columns: [string, string]): Promise<TabPictureSection[]> {
  const t = pictureTexts[lang];
  const tt = pictureTabTexts[lang];
  const labels = chartLabels(lang, areas);
  const specs = pictureChartSpecs(picture, labels, t.chart);
  const locale = lang === 'da' ? 'da-DK' : 'en-GB';
  const count = (v: Shown): string => shownText(v, lang);
  const plain = (n: number): string => n.toLocaleString(locale);
  const hours = (h: number | undefined): string => (h === undefined ? t.figures.tooFew : t.figures.hours(h.toLocaleString(locale)));
  const percent = (p: number | undefined): string => (p === undefined ? t.figures.tooFew : t.figures.percent(p.toLocaleString(locale)));
  const compared = (first: string, head: string, rows: readonly PictureRow[], name: (id: string) => string): TabTable => ({
    caption: tt.tableCaption(first),
    head: [head, ...columns],
    rows: rows.map((r) => [name(r.id), count(r.current), count(r.previous)]),
  });
  const chart = async (name: keyof typeof specs, title: string) => ({ svg: await cachedSvg(specs[name]), alt: tt.chartAlt(title) });
  const f = t.figures.figures;
  const x = tt.extraFigures;
  const { acknowledgement: ack, decision, decisions, actionItems: items, meetings } = picture;
  const both = <T>(c: { current: T; previous: T }, show: (v: T) => string): [string, string] => [show(c.current), show(c.previous)];
  const figures: TabTable = {
    caption: tt.tableCaption(tt.tables.figures),
    head: [t.figures.columns.figure, ...columns],
    rows: [
      [f.raised, ...both(picture.raised, count)],
      [f.ackMedian, ...both(ack, (s) => hours(s.medianHours))],
      [x.ackP90, ...both(ack, (s) => hours(s.p90Hours))],
      [f.ackInTime, ...both(ack, (s) => percent(s.inTimeShare))],
      [f.decisionMedian, ...both(decision, (s) => hours(s.medianHours))],
      [x.decisionP90, ...both(decision, (s) => hours(s.p90Hours))],
      [f.autoEscalations, ...both(picture.autoEscalations, count)],
      [f.decisionsSent, ...both(decisions, (d) => count(d.sent))],
      [f.decisionsRead, ...both(decisions, (d) => percent(d.readShare))],
      [f.itemsOpened, ...both(items, (i) => plain(i.opened))],
      [f.itemsDoneOnTime, ...both(items, (i) => plain(i.doneOnTime))],
      [f.itemsDoneLate, ...both(items, (i) => plain(i.doneLate))],
      [f.itemsOverdue, ...both(items, (i) => plain(i.overdue))],
      [f.meetingsHeld, ...both(meetings, (m) => plain(m.held))],
      [x.meetingsMoved, ...both(meetings, (m) => plain(m.moved))],
      [x.meetingsCancelled, ...both(meetings, (m) => plain(m.cancelled))],
    ],
  };
  const circulation: TabTable = {
    caption: tt.tableCaption(tt.tables.circulation),
    head: [tt.tables.forum, tt.tables.asked, tt.tables.answered, tt.tables.rate],
    rows: picture.circulation.map((c) => [c.forumId === SUMMARY_FORUM ? tt.allOpenFora : (foraNames.get(c.forumId) ?? c.forumId), plain(c.asked), plain(c.answered), percent(c.rate)]),
    empty: tt.noCirculation,
  };
  return [
    { id: 'figures', title: tt.tables.figures, table: figures },
    { id: 'by-category', title: t.labels.titles.byCategory, chart: await chart('byCategory', t.labels.titles.byCategory), table: compared(tt.tables.byCategory, tt.tables.category, picture.byCategory, (id) => labels.categories[id] ?? id) },
    {
      id: 'by-month',
      title: t.labels.titles.byMonth,
      chart: await chart('byMonth', t.labels.titles.byMonth),
      table: { caption: tt.tableCaption(tt.tables.byMonth), head: [tt.tables.month, columns[0]], rows: picture.byMonth.map((m) => [labels.monthName(m.month), count(m.count)]) },
    },
    { id: 'by-level', title: t.labels.titles.byLevel, chart: await chart('byLevel', t.labels.titles.byLevel), table: compared(tt.tables.byLevel, tt.tables.level, picture.byLevel, (id) => labels.levels[id] ?? id) },
    { id: 'by-area', title: t.labels.titles.byArea, chart: await chart('byArea', t.labels.titles.byArea), table: compared(tt.tables.byArea, tt.tables.area, picture.byArea, labels.areaName) },
    { id: 'circulation', title: tt.tables.circulation, table: circulation },
  ];
}
