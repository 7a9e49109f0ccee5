/**
 * The half-yearly picture on a generated two-year history: every figure is worked out again here
 * from the raw facts (not from the cells) and compared with what the aggregates give.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_DEADLINES } from '../../../domain/escalations/escalation-deadlines';
import type { Forum } from '../../../domain/fora/forum';
import { actionItemContribution, caseContribution, circulationContribution, meetingContribution } from '../../../domain/picture/contributions';
import { lastHalfYear } from '../../../domain/picture/months';
import { differenceOf, type CellDelta } from '../../../domain/picture/picture-cell';
import { buildPicture } from '../../../domain/picture/picture';
import { summaryOf } from '../../../domain/picture/record-contribution';
import { generateCases, generateItems, monthsBack, randomOf, type GeneratedCase } from './history.generator';

const forum = (id: string, level: Forum['level'], escalatesTo?: string, sensitive = false): Forum => ({ id, name: id, level, sensitive, ...(escalatesTo === undefined ? {} : { escalatesTo }) });
const FORA = [
  forum('lokalraad', 'strategic'),
  forum('koordinationsgruppen', 'coordinating', 'lokalraad'),
  forum('infohus', 'coordinating', 'lokalraad', true),
  forum('ssp-netvaerk', 'executing', 'koordinationsgruppen'),
];
const BY_ID = new Map(FORA.map((f) => [f.id, f]));
const MONTHS = monthsBack('2026-06', 24);
const NOW = new Date('2026-07-15T10:00:00.000Z');
const TODAY = '2026-07-15';
const PERIOD = lastHalfYear(NOW);
const CURRENT = MONTHS.slice(18);
const PREVIOUS = MONTHS.slice(12, 18);
const AREAS = ['', 'hele-kommunen', 'vejleaaparken', 'strandgaardskolen'];

const random = randomOf(19);
const cases = generateCases({ random, months: MONTHS, count: 900, origins: FORA.filter((f) => f.escalatesTo !== undefined), fora: BY_ID, areas: AREAS });
// Exactly two cases in a rare area in the current half-year: the small-number rule must hide them.
const rare = generateCases({ random, months: ['2026-03'], count: 2, origins: [BY_ID.get('ssp-netvaerk')!], fora: BY_ID, areas: ['ishoej-landsby'], idPrefix: 'rare' });
const allCases = [...cases, ...rare];
const items = generateItems(random, MONTHS, ['ssp-netvaerk', 'koordinationsgruppen', 'infohus'], 400);

const caseDeltas = allCases.flatMap((c) => caseContribution(c.escalation, c.history, BY_ID, c.reading));
const otherDeltas: CellDelta[] = [
  ...items.flatMap(actionItemContribution),
  ...circulationContribution('ssp-netvaerk', '2026-02-10T15:00:00.000Z', 8, 6),
  ...circulationContribution('ssp-netvaerk', '2026-04-10T15:00:00.000Z', 8, 7),
  ...circulationContribution('koordinationsgruppen', '2026-05-10T15:00:00.000Z', 5, 5),
  ...circulationContribution('infohus', '2026-05-10T15:00:00.000Z', 4, 1),
  ...meetingContribution('lokalraad', '2026-02-03T15:00:00.000Z', 'scheduled'),
  ...meetingContribution('lokalraad', '2026-04-03T15:00:00.000Z', 'moved'),
  ...meetingContribution('koordinationsgruppen', '2026-05-03T15:00:00.000Z', 'cancelled'),
  ...meetingContribution('koordinationsgruppen', '2025-10-03T15:00:00.000Z', 'scheduled'),
];
const cells = differenceOf([], [...caseDeltas, ...otherDeltas]);

const OUTSIDER = { forumIds: ['ssp-netvaerk'] };
const INSIDER = { forumIds: ['infohus'] };

// ---- answers worked out from the raw facts ----
const under3 = (n: number): number | 'under3' => (n > 0 && n < 3 ? 'under3' : n);
const inMonths = (list: GeneratedCase[], months: string[]): GeneratedCase[] => list.filter((c) => months.includes(c.facts.month));
const visibleTo = (viewer: { forumIds: string[] }) => (c: GeneratedCase) => !BY_ID.get(c.escalation.originForumId)!.sensitive || viewer.forumIds.includes(c.escalation.originForumId);
function medianAndP90(minutes: number[]): { medianHours?: number; p90Hours?: number; count: number } {
  const sorted = [...minutes].sort((a, b) => a - b);
  if (sorted.length < 3) return { count: sorted.length };
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const p90 = sorted[Math.ceil(sorted.length * 0.9) - 1]!;
  return { count: sorted.length, medianHours: Math.round((median / 60) * 10) / 10, p90Hours: Math.round((p90 / 60) * 10) / 10 };
}
const countBy = (list: GeneratedCase[], key: (c: GeneratedCase) => string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const c of list) m.set(key(c), (m.get(key(c)) ?? 0) + 1);
  return m;
};

describe('the picture of the last half-year against the one before', () => {
  const picture = buildPicture(cells, FORA, OUTSIDER, PERIOD, TODAY);
  const seen = (months: string[]) => inMonths(allCases, months).filter(visibleTo(OUTSIDER));

  test('given 15 July 2026 then the period is January–June 2026 against July–December 2025', () => {
    expect(PERIOD).toEqual({ current: { from: '2026-01', to: '2026-06' }, previous: { from: '2025-07', to: '2025-12' } });
  });

  test('given the history then the cases raised in each period count every case, sealed ones included', () => {
    expect(picture.raised).toEqual({ current: under3(inMonths(allCases, CURRENT).length), previous: under3(inMonths(allCases, PREVIOUS).length) });
    expect(inMonths(allCases, CURRENT).length).toBeGreaterThan(100);
  });

  test('given the history then cases by category, month, level reached and area match the raw cases, sealed ones left out', () => {
    const cur = countBy(seen(CURRENT), (c) => c.escalation.category);
    const prev = countBy(seen(PREVIOUS), (c) => c.escalation.category);
    for (const row of picture.byCategory) expect(row, row.id).toEqual({ id: row.id, current: under3(cur.get(row.id) ?? 0), previous: under3(prev.get(row.id) ?? 0) });
    expect(picture.byCategory.map((r) => r.id).sort()).toEqual([...new Set([...cur.keys(), ...prev.keys()])].sort());

    const byMonth = countBy(seen(CURRENT), (c) => c.facts.month);
    expect(picture.byMonth).toEqual(CURRENT.map((month) => ({ month, count: under3(byMonth.get(month) ?? 0) })));

    const levels = countBy(seen(CURRENT), (c) => c.facts.reached);
    const levelsBefore = countBy(seen(PREVIOUS), (c) => c.facts.reached);
    expect(picture.byLevel).toEqual(['executing', 'coordinating', 'strategic'].map((id) => ({ id, current: under3(levels.get(id) ?? 0), previous: under3(levelsBefore.get(id) ?? 0) })));

    const areas = countBy(seen(CURRENT), (c) => c.escalation.area ?? '');
    for (const [area, n] of areas) expect(picture.byArea.find((r) => r.id === area)?.current, area).toEqual(under3(n));
  });

  test('given the history then time to acknowledgement and to decision are the median and 90th percentile of the raw minutes, with the share in time', () => {
    for (const [months, which] of [[CURRENT, 'current'], [PREVIOUS, 'previous']] as const) {
      const list = seen([...months]);
      const acked = list.filter((c) => c.facts.ackMinutes !== undefined);
      const inTime = acked.filter((c) => !c.facts.autoBeforeAck && c.facts.ackMinutes! <= DEFAULT_DEADLINES.escalateAfterHours[c.escalation.urgency] * 60).length;
      expect(picture.acknowledgement[which]).toEqual({ ...medianAndP90(acked.map((c) => c.facts.ackMinutes!)), inTimeShare: Math.round((inTime / acked.length) * 1000) / 10 });
      expect(picture.decision[which]).toEqual(medianAndP90(list.flatMap((c) => (c.facts.decisionMinutes === undefined ? [] : [c.facts.decisionMinutes]))));
      expect(picture.autoEscalations[which]).toEqual(under3(list.reduce((n, c) => n + c.facts.autos, 0)));
      const decided = list.filter((c) => c.reading !== undefined);
      const readers = decided.reduce((n, c) => n + c.reading!.readers, 0);
      const audience = decided.reduce((n, c) => n + c.reading!.audience, 0);
      expect(picture.decisions[which]).toEqual({ sent: under3(decided.length), readShare: Math.round((readers / audience) * 1000) / 10 });
    }
  });

  test('given the action items then opened, done on time, done late and overdue on 15 July match the raw items', () => {
    const inCurrent = items.filter((i) => CURRENT.includes(i.createdAt.slice(0, 7)));
    expect(picture.actionItems.current).toEqual({
      opened: inCurrent.length,
      doneOnTime: inCurrent.filter((i) => i.status === 'done' && i.closedAt!.slice(0, 10) <= i.dueDate).length,
      doneLate: inCurrent.filter((i) => i.status === 'done' && i.closedAt!.slice(0, 10) > i.dueDate).length,
      overdue: inCurrent.filter((i) => ['open', 'started', 'blocked'].includes(i.status) && i.dueDate < TODAY).length,
    });
  });

  test('given circulations and meetings then response rates per forum and meetings held, moved, cancelled are counted; the sealed forum is not listed', () => {
    expect(picture.circulation).toEqual([
      { forumId: 'koordinationsgruppen', asked: 5, answered: 5, rate: 100 },
      { forumId: 'ssp-netvaerk', asked: 16, answered: 13, rate: 81.3 },
    ]);
    expect(picture.meetings).toEqual({ current: { held: 2, moved: 1, cancelled: 1 }, previous: { held: 1, moved: 0, cancelled: 0 } });
  });

  test('given two cases in one area then the area shows "under 3", never the count', () => {
    expect(picture.byArea.find((r) => r.id === 'ishoej-landsby')).toEqual({ id: 'ishoej-landsby', current: 'under3', previous: 0 });
  });
});

describe('the seal', () => {
  test('given a member of Infohus then its cases appear in the breakdowns, and for an outsider only in the total', () => {
    const inside = buildPicture(cells, FORA, INSIDER, PERIOD, TODAY);
    const outside = buildPicture(cells, FORA, OUTSIDER, PERIOD, TODAY);
    expect(inside.raised).toEqual(outside.raised);
    const sensitive = inMonths(allCases, CURRENT).filter((c) => c.escalation.originForumId === 'infohus');
    expect(sensitive.length).toBeGreaterThan(3);
    const total = (p: typeof inside): number => p.byCategory.reduce((n, r) => n + (typeof r.current === 'number' ? r.current : 0), 0);
    expect(total(inside) - total(outside)).toBe(sensitive.length);
    expect(outside.sealedForumIds).toEqual(['infohus']);
    expect(inside.sealedForumIds).toEqual([]);
    expect(inside.circulation.map((r) => r.forumId)).toContain('infohus');
  });

  test('given an outsider filtering by an area then sealed cases are not counted even in the total', () => {
    const area = 'vejleaaparken';
    const picture = buildPicture(cells, FORA, OUTSIDER, PERIOD, TODAY, { areas: [area] });
    const expected = inMonths(allCases, CURRENT).filter((c) => c.escalation.area === area && c.escalation.originForumId !== 'infohus').length;
    expect(picture.raised.current).toEqual(under3(expected));
  });

  test('given a filter by forum and category then only those cases count', () => {
    const picture = buildPicture(cells, FORA, OUTSIDER, PERIOD, TODAY, { forumIds: ['ssp-netvaerk'], categories: ['problem'] });
    const expected = inMonths(allCases, CURRENT).filter((c) => c.escalation.originForumId === 'ssp-netvaerk' && c.escalation.category === 'problem').length;
    expect(picture.raised.current).toEqual(under3(expected));
    expect(picture.byCategory.map((r) => r.id)).toEqual(['problem']);
  });
});

describe('kept up to date as cases change', () => {
  test('given each case applied step by step (raised, then each later step) then the cells equal those built at once', () => {
    const running = new Map<string, ReturnType<typeof differenceOf>[number]>();
    const keyOf = (c: { month: string; forumId: string; category: string; area: string }): string => `${c.month}|${c.forumId}|${c.category}|${c.area}`;
    const apply = (changes: ReturnType<typeof differenceOf>): void => {
      for (const change of changes) {
        const merged = differenceOf([], [...(running.has(keyOf(change)) ? [{ key: change, add: running.get(keyOf(change))!.counters }] : []), { key: change, add: change.counters }]);
        if (merged.length === 0) running.delete(keyOf(change));
        else running.set(keyOf(change), merged[0]!);
      }
    };
    for (const c of allCases.slice(0, 200)) {
      let before: CellDelta[] = [];
      for (let n = 1; n <= c.history.length; n++) {
        const last = n === c.history.length;
        const after = caseContribution(c.escalation, c.history.slice(0, n), BY_ID, last ? c.reading : undefined);
        apply(differenceOf(before, after));
        before = after;
      }
    }
    const atOnce = differenceOf([], allCases.slice(0, 200).flatMap((c) => caseContribution(c.escalation, c.history, BY_ID, c.reading)));
    const sortKey = (a: { month: string; forumId: string; category: string; area: string }, b: typeof a): number => keyOf(a).localeCompare(keyOf(b));
    expect([...running.values()].sort(sortKey)).toEqual(atOnce.sort(sortKey));
  });
});

describe('the summary layer', () => {
  test('given the open fora folded into one then the picture of all fora is the same as from the detail, for an outsider and for a member of the sensitive forum', () => {
    const summary = summaryOf(cells, new Set(['infohus']));
    expect(summary.length).toBeLessThan(cells.length);
    for (const viewer of [OUTSIDER, INSIDER]) {
      const { circulation: folded, ...fromSummary } = buildPicture(summary, FORA, viewer, PERIOD, TODAY);
      const { circulation: perForum, ...fromDetail } = buildPicture(cells, FORA, viewer, PERIOD, TODAY);
      expect(fromSummary).toEqual(fromDetail);
      // Circulation: the open fora together in one row, a sensitive forum on its own for its members.
      const open = perForum.filter((r) => r.forumId !== 'infohus');
      const sum = (key: 'asked' | 'answered'): number => open.reduce((n, r) => n + r[key], 0);
      expect(folded.find((r) => r.forumId === '*')).toMatchObject({ asked: sum('asked'), answered: sum('answered') });
      expect(folded.filter((r) => r.forumId !== '*')).toEqual(perForum.filter((r) => r.forumId === 'infohus'));
    }
  });
});
