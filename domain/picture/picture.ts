import type { Forum, Level } from '../fora/forum';
import { addCounters, emptyCounters, type CellCounters, type PictureCell } from './picture-cell';
import { monthsOf, type Period } from './months';
import { shown, type Shown } from './small-numbers';
import { share, spreadOf, type Spread } from './statistics';

/** Who looks: the fora they belong to. Cases of a sensitive forum they are not in count in totals only. */
export interface PictureViewer {
  forumIds: readonly string[];
}

/** Narrowing the picture; an empty or absent list means all. Category and area narrow the case figures. */
export interface PictureFilter {
  forumIds?: readonly string[];
  categories?: readonly string[];
  areas?: readonly string[];
}

export interface Compared<T> {
  current: T;
  previous: T;
}

export interface PictureRow {
  id: string;
  current: Shown;
  previous: Shown;
}

export interface Picture {
  period: Period;
  previousPeriod: Period;
  raised: Compared<Shown>;
  byCategory: PictureRow[];
  byMonth: { month: string; count: Shown }[];
  byLevel: PictureRow[];
  /** Cases placed in an area; `''` is "no area given". */
  byArea: PictureRow[];
  acknowledgement: Compared<Spread & { inTimeShare?: number }>;
  decision: Compared<Spread>;
  autoEscalations: Compared<Shown>;
  decisions: Compared<{ sent: Shown; readShare?: number }>;
  actionItems: Compared<{ opened: number; doneOnTime: number; doneLate: number; overdue: number }>;
  circulation: { forumId: string; asked: number; answered: number; rate?: number }[];
  meetings: Compared<{ held: number; moved: number; cancelled: number }>;
  /** Sensitive fora whose cases this viewer sees in the totals only. */
  sealedForumIds: string[];
}

const LEVEL_COUNTERS: Record<Level, 'reachedExecuting' | 'reachedCoordinating' | 'reachedStrategic'> = {
  executing: 'reachedExecuting',
  coordinating: 'reachedCoordinating',
  strategic: 'reachedStrategic',
};

const chosen = (list: readonly string[] | undefined, value: string): boolean => list === undefined || list.length === 0 || list.includes(value);

interface Sums {
  all: CellCounters;
  /** Case figures with sealed cases left out (for breakdowns). */
  open: CellCounters;
  byCategory: Map<string, number>;
  byMonth: Map<string, number>;
  byArea: Map<string, number>;
  circulation: Map<string, { asked: number; answered: number }>;
}

function sum(cells: readonly PictureCell[], months: ReadonlySet<string>, sealed: ReadonlySet<string>, filter: PictureFilter): Sums {
  const s: Sums = { all: emptyCounters(), open: emptyCounters(), byCategory: new Map(), byMonth: new Map(), byArea: new Map(), circulation: new Map() };
  const bump = (m: Map<string, number>, key: string, n: number): void => {
    if (n !== 0) m.set(key, (m.get(key) ?? 0) + n);
  };
  for (const cell of cells) {
    if (!months.has(cell.month) || !chosen(filter.forumIds, cell.forumId)) continue;
    const isCase = cell.category !== '';
    if (isCase && (!chosen(filter.categories, cell.category) || !chosen(filter.areas, cell.area))) continue;
    // Outsiders filtering by area or category would single out sealed cases: those filters skip them.
    const isSealed = sealed.has(cell.forumId);
    if (isSealed && isCase && ((filter.areas?.length ?? 0) > 0 || (filter.categories?.length ?? 0) > 0)) continue;
    const c = cell.counters;
    if (isSealed && isCase) {
      s.all.raised += c.raised;
      continue;
    }
    addCounters(s.all, c);
    if (isCase) {
      addCounters(s.open, c);
      bump(s.byCategory, cell.category, c.raised);
      bump(s.byMonth, cell.month, c.raised);
      bump(s.byArea, cell.area, c.raised);
    }
    if (c.circulationAsked > 0 && !isSealed) {
      const r = s.circulation.get(cell.forumId) ?? { asked: 0, answered: 0 };
      s.circulation.set(cell.forumId, { asked: r.asked + c.circulationAsked, answered: r.answered + c.circulationAnswered });
    }
  }
  return s;
}

const overdueOn = (c: CellCounters, today: string): number => Object.entries(c.itemsOpenByDue).reduce((n, [due, k]) => (due < today ? n + k : n), 0);

function rows(current: Map<string, number>, previous: Map<string, number>, order?: readonly string[]): PictureRow[] {
  const ids = order ?? [...new Set([...current.keys(), ...previous.keys()])].sort();
  return ids.map((id) => ({ id, current: shown(current.get(id) ?? 0), previous: shown(previous.get(id) ?? 0) }));
}

/**
 * The picture of one period against the one before, from the cells of both periods' months.
 * `today` (YYYY-MM-DD, Copenhagen) decides which open action items are overdue.
 */
export function buildPicture(
  cells: readonly PictureCell[],
  fora: readonly Pick<Forum, 'id' | 'sensitive'>[],
  viewer: PictureViewer,
  period: { current: Period; previous: Period },
  today: string,
  filter: PictureFilter = {},
): Picture {
  const sealed = new Set(fora.filter((f) => f.sensitive && !viewer.forumIds.includes(f.id)).map((f) => f.id));
  const cur = sum(cells, new Set(monthsOf(period.current)), sealed, filter);
  const prev = sum(cells, new Set(monthsOf(period.previous)), sealed, filter);
  const both = <T>(f: (s: Sums) => T): Compared<T> => ({ current: f(cur), previous: f(prev) });
  const levelRow = (level: Level): PictureRow => ({ id: level, current: shown(cur.open[LEVEL_COUNTERS[level]]), previous: shown(prev.open[LEVEL_COUNTERS[level]]) });
  return {
    period: period.current,
    previousPeriod: period.previous,
    raised: both((s) => shown(s.all.raised)),
    byCategory: rows(cur.byCategory, prev.byCategory),
    byMonth: monthsOf(period.current).map((month) => ({ month, count: shown(cur.byMonth.get(month) ?? 0) })),
    byLevel: (['executing', 'coordinating', 'strategic'] as const).map(levelRow),
    byArea: rows(cur.byArea, prev.byArea),
    acknowledgement: both((s) => {
      const spread = spreadOf(s.open.ackMinutes);
      const inTime = spread.count >= 3 ? share(s.open.acknowledgedInTime, s.open.acknowledged) : undefined;
      return inTime === undefined ? spread : { ...spread, inTimeShare: inTime };
    }),
    decision: both((s) => spreadOf(s.open.decisionMinutes)),
    autoEscalations: both((s) => shown(s.open.autoEscalations)),
    decisions: both((s) => {
      const readShare = s.open.decisionsSent >= 3 ? share(s.open.decisionReaders, s.open.decisionAudience) : undefined;
      return readShare === undefined ? { sent: shown(s.open.decisionsSent) } : { sent: shown(s.open.decisionsSent), readShare };
    }),
    actionItems: both((s) => ({ opened: s.all.itemsOpened, doneOnTime: s.all.itemsDoneOnTime, doneLate: s.all.itemsDoneLate, overdue: overdueOn(s.all, today) })),
    circulation: [...cur.circulation]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([forumId, r]) => {
        const rate = share(r.answered, r.asked);
        return rate === undefined ? { forumId, ...r } : { forumId, ...r, rate };
      }),
    meetings: both((s) => ({ held: s.all.meetingsHeld, moved: s.all.meetingsMoved, cancelled: s.all.meetingsCancelled })),
    sealedForumIds: [...sealed].sort(),
  };
}
