/**
 * The aggregate behind the half-yearly picture: counters per month (Copenhagen), forum, category and
 * area. A case, action item, circulation or meeting contributes a few cells; when it changes, the
 * difference between its new and old contribution is added, so a view reads months, not history.
 */

/** A multiset of whole numbers (minutes, or dates as keys): value → how many. */
export type Tally = Record<string, number>;

export const LEVEL_KEYS = ['executing', 'coordinating', 'strategic'] as const;

export interface CellCounters {
  raised: number;
  reachedExecuting: number;
  reachedCoordinating: number;
  reachedStrategic: number;
  acknowledged: number;
  /** Acknowledged within the holding forum's deadline for the case's urgency. */
  acknowledgedInTime: number;
  ackMinutes: Tally;
  decided: number;
  decisionMinutes: Tally;
  autoEscalations: number;
  /** Decisions sent back down, people expected to read them, and those who pressed "Læst". */
  decisionsSent: number;
  decisionAudience: number;
  decisionReaders: number;
  itemsOpened: number;
  itemsDoneOnTime: number;
  itemsDoneLate: number;
  /** Items not done or cancelled, by due date: overdue is counted on the day of the view. */
  itemsOpenByDue: Tally;
  circulationAsked: number;
  circulationAnswered: number;
  meetingsHeld: number;
  meetingsMoved: number;
  meetingsCancelled: number;
}

export type CellKey = { month: string; forumId: string; category: string; area: string };

export interface PictureCell extends CellKey {
  counters: CellCounters;
}

export type CounterName = { [K in keyof CellCounters]: CellCounters[K] extends number ? K : never }[keyof CellCounters];
export type TallyName = { [K in keyof CellCounters]: CellCounters[K] extends Tally ? K : never }[keyof CellCounters];

export const COUNTER_NAMES: readonly CounterName[] = [
  'raised',
  'reachedExecuting',
  'reachedCoordinating',
  'reachedStrategic',
  'acknowledged',
  'acknowledgedInTime',
  'decided',
  'autoEscalations',
  'decisionsSent',
  'decisionAudience',
  'decisionReaders',
  'itemsOpened',
  'itemsDoneOnTime',
  'itemsDoneLate',
  'circulationAsked',
  'circulationAnswered',
  'meetingsHeld',
  'meetingsMoved',
  'meetingsCancelled',
];
export const TALLY_NAMES: readonly TallyName[] = ['ackMinutes', 'decisionMinutes', 'itemsOpenByDue'];

export function emptyCounters(): CellCounters {
  const counters = Object.fromEntries(COUNTER_NAMES.map((n) => [n, 0])) as Record<CounterName, number>;
  return { ...counters, ackMinutes: {}, decisionMinutes: {}, itemsOpenByDue: {} };
}

/** `into` + sign × `add`, in place; zero entries of a tally are dropped so cells stay small. */
export function addCounters(into: CellCounters, add: Partial<CellCounters>, sign: 1 | -1 = 1): CellCounters {
  for (const name of COUNTER_NAMES) {
    const value = add[name];
    if (value !== undefined) into[name] += sign * value;
  }
  for (const name of TALLY_NAMES) {
    const tally = add[name];
    if (tally === undefined) continue;
    const target = into[name];
    for (const [key, n] of Object.entries(tally)) {
      const next = (target[key] ?? 0) + sign * n;
      if (next === 0) delete target[key];
      else target[key] = next;
    }
  }
  return into;
}

export const isEmpty = (c: CellCounters): boolean => COUNTER_NAMES.every((n) => c[n] === 0) && TALLY_NAMES.every((n) => Object.keys(c[n]).length === 0);

/** One row key for a cell inside its month; the parts are ids (no `|`). */
export const cellRowKey = (k: Omit<CellKey, 'month'>): string => `${k.forumId}|${k.category}|${k.area}`;

/** A contribution: counters to add to the cell at a key. */
export interface CellDelta {
  key: CellKey;
  add: Partial<CellCounters>;
}

/** new − old, merged per cell: what to write when one thing changed. Empty cells are left out. */
export function differenceOf(before: readonly CellDelta[], after: readonly CellDelta[]): PictureCell[] {
  const byKey = new Map<string, PictureCell>();
  const apply = (deltas: readonly CellDelta[], sign: 1 | -1): void => {
    for (const d of deltas) {
      const id = `${d.key.month}|${cellRowKey(d.key)}`;
      let cell = byKey.get(id);
      if (cell === undefined) byKey.set(id, (cell = { ...d.key, counters: emptyCounters() }));
      addCounters(cell.counters, d.add, sign);
    }
  };
  apply(after, 1);
  apply(before, -1);
  return [...byKey.values()].filter((c) => !isEmpty(c.counters));
}
