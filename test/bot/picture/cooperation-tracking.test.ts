/**
 * Circulations and meetings in the picture, on Azurite: a generated two years of meeting series (with
 * moved and cancelled occurrences), one-off meetings and circulated agendas with answers, written
 * through the tracked repositories as the features write them (answers are counted at the agenda's
 * next write: the final briefing after the deadline). Every figure is worked out again here
 * from the generated facts (dates counted by hand, not by the series rule) and compared with what
 * the aggregates give; a rebuild from what is stored gives the same cells.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withPictureTracking } from '../../../bot/picture/picture-tracking';
import { rebuildPicture } from '../../../bot/picture/rebuild-picture';
import { createLogger } from '../../../bot/logger';
import { lastHalfYear, monthsOf } from '../../../domain/picture/months';
import { buildPicture } from '../../../domain/picture/picture';
import { isEmpty } from '../../../domain/picture/picture-cell';
import { SUMMARY_FORUM } from '../../../domain/picture/record-contribution';
import type { Storage } from '../../../storage/index';
import { randomOf } from '../../domain/picture/history.generator';
import { openTestStorage, uniqueId, type TestStorage } from '../../storage/storage-kit';
import { aForum, aMeeting, aMeetingSeries, anAgenda, anAgendaInput } from '../../storage/storage.mothers';
import { LogCapture } from '../support/bot-harness';

const NOW = new Date('2026-07-15T10:00:00.000Z');
const PERIOD = lastHalfYear(NOW);
const CURRENT = new Set(monthsOf(PERIOD.current));
const PREVIOUS = new Set(monthsOf(PERIOD.previous));

let test$: TestStorage;
let tracked: Storage;
const logs = new LogCapture();
const random = randomOf(1919);

const fora = {
  lokalraad: aForum({ id: uniqueId('lokalraad'), name: 'Lokalrådet', level: 'strategic', escalatesTo: undefined }),
  koordination: aForum({ id: uniqueId('koordination'), name: 'Koordinationsgruppen', level: 'coordinating' }),
  infohus: aForum({ id: uniqueId('infohus'), name: 'Infohus', level: 'coordinating', sensitive: true }),
  netvaerk: aForum({ id: uniqueId('netvaerk'), name: 'SSP-netværk', level: 'executing' }),
};
const FORA = Object.values(fora);

// ---- the facts, kept as the test generates them ----
type Status = 'scheduled' | 'moved' | 'cancelled';
const meetingFacts: { forumId: string; month: string; status: Status }[] = [];
const circulationFacts = new Map<string, { forumId: string; month: string; asked: number; answered: Set<string> }>();

/** Local dates from `first` every `days` days up to `last` (inclusive), counted on the calendar. */
function everyDays(first: string, days: number, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += days * 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
/** 15:00 in Copenhagen (summer or winter time) as an instant: the same month in both zones. */
const copenhagenHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' });
const at15 = (day: string): string => {
  const summer = `${day}T13:00:00.000Z`;
  return copenhagenHour.format(new Date(summer)) === '15' ? summer : `${day}T14:00:00.000Z`;
};
const plusHours = (iso: string, hours: number): string => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

async function writeHistory(): Promise<void> {
  // A fortnightly series of the Lokalråd's working group: 2 years, ended in June 2026.
  const seriesA = aMeetingSeries(fora.lokalraad.id, { firstDate: '2024-07-02', startTime: '15:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', until: '2026-06-30' });
  await tracked.meetingSeries.save(seriesA);
  const daysA = everyDays('2024-07-02', 14, '2026-06-30');
  const statusOf = new Map<string, { status: Status; day: string }>(daysA.map((d) => [d, { status: 'scheduled', day: d }]));
  // Cancel every fifth, move every seventh two days on (some cross into the next month), then change our minds on a few.
  for (const [i, day] of daysA.entries()) {
    const originalStart = at15(day);
    if (i % 5 === 4) {
      await tracked.meetings.save(aMeeting(fora.lokalraad.id, { id: `cancel-${i}`, seriesId: seriesA.id, originalStart, start: originalStart, end: plusHours(originalStart, 2), status: 'cancelled' }));
      statusOf.set(day, { status: 'cancelled', day });
    } else if (i % 7 === 6) {
      const movedDay = new Date(Date.parse(`${day}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
      const moved = aMeeting(fora.lokalraad.id, { id: `move-${i}`, seriesId: seriesA.id, originalStart, start: at15(movedDay), end: plusHours(at15(movedDay), 2), status: 'moved' });
      await tracked.meetings.save(moved);
      statusOf.set(day, { status: 'moved', day: movedDay });
      if (i % 3 === 0) {
        // Moved once more, a week later.
        const again = new Date(Date.parse(`${movedDay}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
        await tracked.meetings.update(fora.lokalraad.id, moved.id, (m) => ({ ...m, start: at15(again), end: plusHours(at15(again), 2) }));
        statusOf.set(day, { status: 'moved', day: again });
      } else if (i % 3 === 1) {
        // The move is undone: the occurrence is back where the series put it.
        await tracked.meetings.delete(fora.lokalraad.id, moved.id);
        statusOf.set(day, { status: 'scheduled', day });
      }
    }
  }
  for (const { status, day } of statusOf.values()) meetingFacts.push({ forumId: fora.lokalraad.id, month: day.slice(0, 7), status });

  // A weekly series of the coordinating forum, open-ended, whose time was changed afterwards (same days).
  const seriesB = aMeetingSeries(fora.koordination.id, { firstDate: '2025-03-05', startTime: '15:00', rrule: 'FREQ=WEEKLY;BYDAY=WE' });
  await tracked.meetingSeries.save(seriesB);
  await tracked.meetingSeries.update(fora.koordination.id, seriesB.id, (s) => ({ ...s, startTime: '14:00' }));
  for (const day of everyDays('2025-03-05', 7, '2026-12-31')) meetingFacts.push({ forumId: fora.koordination.id, month: day.slice(0, 7), status: 'scheduled' });
  // A series created and deleted again counts for nothing.
  const gone = aMeetingSeries(fora.netvaerk.id, { firstDate: '2025-09-01', startTime: '10:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' });
  await tracked.meetingSeries.save(gone);
  await tracked.meetingSeries.delete(fora.netvaerk.id, gone.id);

  // One-off meetings in the sensitive and the executing forum; one cancelled later, one deleted.
  for (let i = 0; i < 12; i++) {
    const forum = i % 2 === 0 ? fora.infohus : fora.netvaerk;
    const day = `${2025 + (i % 2)}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(3 + i).padStart(2, '0')}`;
    const meeting = aMeeting(forum.id, { id: `oneoff-${i}`, title: 'Ekstra møde', start: at15(day), end: plusHours(at15(day), 1), status: 'scheduled' });
    await tracked.meetings.save(meeting);
    if (i % 4 === 1) {
      await tracked.meetings.update(forum.id, meeting.id, (m) => ({ ...m, status: 'cancelled' }));
      meetingFacts.push({ forumId: forum.id, month: day.slice(0, 7), status: 'cancelled' });
    } else if (i % 4 === 2) {
      await tracked.meetings.delete(forum.id, meeting.id);
    } else meetingFacts.push({ forumId: forum.id, month: day.slice(0, 7), status: 'scheduled' });
  }

  // Circulated agendas: consultants asked, some answer (some twice), an outsider's answer does not count.
  for (let i = 0; i < 20; i++) {
    const forum = [fora.lokalraad, fora.koordination, fora.infohus, fora.netvaerk][i % 4]!;
    const month = `${2025 + Math.floor(i / 10)}-${String(1 + ((i * 7) % 12)).padStart(2, '0')}`;
    const meetingStart = at15(`${month}-${String(10 + (i % 15)).padStart(2, '0')}`);
    const consultants = Array.from({ length: 3 + Math.floor(random() * 6) }, (_, k) => `konsulent-${i}-${k}`);
    const agenda = anAgenda(forum.id, { id: `agenda-${i}`, meetingStart, state: 'published', revision: 1, circulation: { deadline: plusHours(meetingStart, -48), consultantIds: consultants, sentAt: plusHours(meetingStart, -24 * 7) } });
    await tracked.agendas.save(agenda);
    const facts = { forumId: forum.id, month, asked: consultants.length, answered: new Set<string>() };
    circulationFacts.set(agenda.id, facts);
    for (const consultant of consultants) {
      if (random() < 0.4) continue;
      const noComments = random() < 0.3;
      await tracked.agendaInputs.replaceAnswer(agenda.id, consultant, [anAgendaInput(agenda.id, consultant, noComments ? { noComments: true, text: '' } : { itemId: agenda.items[1]!.id })]);
      facts.answered.add(consultant);
      if (random() < 0.2) await tracked.agendaInputs.replaceAnswer(agenda.id, consultant, [anAgendaInput(agenda.id, consultant, { itemId: agenda.items[1]!.id, text: 'Rettet svar' })]);
    }
    await tracked.agendaInputs.replaceAnswer(agenda.id, 'ikke-paa-listen', [anAgendaInput(agenda.id, 'ikke-paa-listen')]);
    if (i % 6 === 5) {
      // A consultant added to the list after it was sent: asked, not (yet) answered.
      await tracked.agendas.update(forum.id, agenda.id, (a) => ({ ...a, circulation: { ...a.circulation!, consultantIds: [...a.circulation!.consultantIds, `sen-${i}`] } }));
      facts.asked++;
    }
    // After the deadline the agenda job compiles the final briefing: the agenda's last write, with every answer in.
    await tracked.agendas.update(forum.id, agenda.id, (a) => ({ ...a, circulation: { ...a.circulation!, briefingCompiledAt: plusHours(meetingStart, -47) } }));
    if (i === 7) {
      await tracked.agendaInputs.deleteByAgenda(agenda.id);
      await tracked.agendas.delete(forum.id, agenda.id);
      circulationFacts.delete(agenda.id);
    }
  }
}

beforeAll(async () => {
  test$ = openTestStorage();
  const { ping: _p, dropAll: _d, outbox: _o, ...repositories } = test$.storage;
  tracked = { ...test$.storage, ...withPictureTracking(repositories, createLogger('info', logs), () => NOW) };
  await Promise.all(FORA.map((f) => test$.storage.fora.save(f)));
  await writeHistory();
}, 240_000);

afterAll(async () => {
  await test$?.storage.dropAll();
});

// ---- answers worked out from the facts ----
const meetingsIn = (months: Set<string>, forumIds?: readonly string[]) => {
  const chosen = meetingFacts.filter((m) => months.has(m.month) && (forumIds === undefined || forumIds.includes(m.forumId)));
  return {
    held: chosen.filter((m) => m.status !== 'cancelled').length,
    moved: chosen.filter((m) => m.status === 'moved').length,
    cancelled: chosen.filter((m) => m.status === 'cancelled').length,
  };
};
function circulationIn(months: Set<string>, forumId: string): { asked: number; answered: number } {
  const chosen = [...circulationFacts.values()].filter((c) => months.has(c.month) && c.forumId === forumId);
  return { asked: chosen.reduce((n, c) => n + c.asked, 0), answered: chosen.reduce((n, c) => n + c.answered.size, 0) };
}
const rate = (r: { asked: number; answered: number }): number => Math.round((r.answered / r.asked) * 1000) / 10;

const allMonths = [...monthsOf(PERIOD.previous), ...monthsOf(PERIOD.current)];
const OUTSIDER = { forumIds: [fora.netvaerk.id] };

describe('circulations and meetings in the picture', () => {
  test('given two years of meetings then held, moved and cancelled per half-year match the dates counted by hand, for all fora and for one', async () => {
    const summary = await tracked.picture.listMonths(allMonths, { layer: 'summary' });
    const picture = buildPicture(summary, FORA, OUTSIDER, PERIOD, '2026-07-15');
    expect(picture.meetings).toEqual({ current: meetingsIn(CURRENT), previous: meetingsIn(PREVIOUS) });
    // The generated history has all three kinds in both periods, so the comparison says something.
    expect(picture.meetings.current.moved).toBeGreaterThan(0);
    expect(picture.meetings.previous.cancelled).toBeGreaterThan(0);

    const detail = await tracked.picture.listMonths(allMonths, { forumIds: [fora.lokalraad.id] });
    const own = buildPicture(detail, FORA, OUTSIDER, PERIOD, '2026-07-15', { forumIds: [fora.lokalraad.id] });
    expect(own.meetings).toEqual({ current: meetingsIn(CURRENT, [fora.lokalraad.id]), previous: meetingsIn(PREVIOUS, [fora.lokalraad.id]) });
    expect(logs.lines.filter((l) => l['msg'] === 'picture not updated; a rebuild will repair it')).toEqual([]);
  });

  test('given circulated agendas with answers then each forum’s response rate matches the answers given, the sealed forum only for its members', async () => {
    const detail = await tracked.picture.listMonths(allMonths, { forumIds: FORA.map((f) => f.id) });
    const outsider = buildPicture(detail, FORA, OUTSIDER, PERIOD, '2026-07-15');
    const open = [fora.koordination, fora.lokalraad, fora.netvaerk].map((f) => f.id).sort();
    const expected = open.map((forumId) => ({ forumId, ...circulationIn(CURRENT, forumId) })).filter((r) => r.asked > 0).map((r) => ({ ...r, rate: rate(r) }));
    expect(expected.length).toBeGreaterThan(1);
    expect(outsider.circulation).toEqual(expected);
    expect(outsider.circulation.map((c) => c.forumId)).not.toContain(fora.infohus.id);

    const insider = buildPicture(detail, FORA, { forumIds: [fora.infohus.id] }, PERIOD, '2026-07-15');
    const sealed = circulationIn(CURRENT, fora.infohus.id);
    expect(insider.circulation.find((c) => c.forumId === fora.infohus.id)).toEqual({ forumId: fora.infohus.id, ...sealed, rate: rate(sealed) });

    // The summary folds the open fora into one row.
    const summary = buildPicture(await tracked.picture.listMonths(allMonths, { layer: 'summary' }), FORA, OUTSIDER, PERIOD, '2026-07-15');
    const folded = open.map((id) => circulationIn(CURRENT, id)).reduce((a, b) => ({ asked: a.asked + b.asked, answered: a.answered + b.answered }));
    expect(summary.circulation).toEqual([{ forumId: SUMMARY_FORUM, ...folded, rate: rate(folded) }]);
  });

  test('given the stored records then a rebuild gives the same cells in both layers', async () => {
    const before = await Promise.all([tracked.picture.listMonths(allMonths), tracked.picture.listMonths(allMonths, { layer: 'summary' })]);
    const counts = await rebuildPicture(tracked, NOW);
    expect(counts.circulations).toBe(circulationFacts.size);
    // Two series and the one-offs not deleted.
    expect(counts.meetings).toBe(2 + 9);
    const after = await Promise.all([tracked.picture.listMonths(allMonths), tracked.picture.listMonths(allMonths, { layer: 'summary' })]);
    // A record written and taken back leaves a cell of zeros behind; the rebuild writes none.
    const sorted = (cells: typeof after[0]) => cells.filter((c) => !isEmpty(c.counters)).sort((a, b) => `${a.month}|${a.forumId}|${a.category}|${a.area}`.localeCompare(`${b.month}|${b.forumId}|${b.category}|${b.area}`));
    expect(sorted(after[0])).toEqual(sorted(before[0]));
    expect(sorted(after[1])).toEqual(sorted(before[1]));
  }, 120_000);
});
