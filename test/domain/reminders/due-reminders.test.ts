import { describe, expect, test } from 'vitest';
import type { Occurrence } from '../../../domain/meetings/occurrence';
import { dueReminders, reminderId, reminderTimes, reminderWindow, REMINDER_TIMING } from '../../../domain/reminders/due-reminders';
import { checkReminderSettings, DEFAULT_REMINDER_SETTINGS, ReminderSettings, settingsOf } from '../../../domain/reminders/reminder-settings';

const ZONE = 'Europe/Copenhagen';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A 90-minute series occurrence; `start` is a UTC instant. */
function anOccurrence(start: string, over: Partial<Occurrence> = {}): Occurrence {
  return {
    key: `series-1@${start}`,
    forumId: 'ssp-nu-u18',
    title: 'Månedligt møde',
    seriesId: 'series-1',
    originalStart: start,
    start,
    end: new Date(Date.parse(start) + 90 * 60_000).toISOString(),
    status: 'scheduled',
    ...over,
  };
}

const at = (iso: string): Date => new Date(iso);
const plus = (iso: string, ms: number): Date => new Date(Date.parse(iso) + ms);
const due = (occurrences: Occurrence[], now: Date, settings = DEFAULT_REMINDER_SETTINGS, hasPublishedAgenda?: (key: string) => boolean) =>
  dueReminders(occurrences, settings, now, { timeZone: ZONE, ...(hasPublishedAgenda === undefined ? {} : { hasPublishedAgenda }) });

// Tuesday 10 February 2026, 09:00 in Copenhagen (CET, UTC+1).
const FEB = '2026-02-10T08:00:00.000Z';

describe('reminder settings', () => {
  test('given no settings then the defaults are 10 days, 24 hours before and 1 hour after, all on', () => {
    expect(settingsOf({})).toEqual({
      agendaDeadlineEnabled: true,
      agendaDeadlineDaysBefore: 10,
      memberReminderEnabled: true,
      memberReminderHoursBefore: 24,
      followUpEnabled: true,
      followUpHoursAfter: 1,
    });
  });

  test('given settings stored before a field existed then the missing field reads as its default', () => {
    expect(ReminderSettings.parse({ agendaDeadlineDaysBefore: 14 })).toEqual({ ...DEFAULT_REMINDER_SETTINGS, agendaDeadlineDaysBefore: 14 });
  });

  test.each([
    ['agendaDeadlineDaysBefore', 0, 1, 60],
    ['agendaDeadlineDaysBefore', 61, 1, 60],
    ['memberReminderHoursBefore', 0, 1, 336],
    ['memberReminderHoursBefore', 337, 1, 336],
    ['followUpHoursAfter', -1, 0, 48],
    ['followUpHoursAfter', 49, 0, 48],
    ['followUpHoursAfter', 1.5, 0, 48],
  ] as const)('given %s = %s then it is refused with the range %s–%s', (field, value, min, max) => {
    const settings = { ...DEFAULT_REMINDER_SETTINGS, [field]: value };
    expect(checkReminderSettings(settings)).toEqual({ ok: false, code: 'REMINDERS.OUT_OF_RANGE', context: { field, min, max, value } });
    expect(ReminderSettings.safeParse(settings).success).toBe(false);
  });

  test('given the edges of every range then they are allowed', () => {
    expect(checkReminderSettings({ ...DEFAULT_REMINDER_SETTINGS, agendaDeadlineDaysBefore: 60, memberReminderHoursBefore: 1, followUpHoursAfter: 0 })).toEqual({ ok: true });
  });
});

describe('when reminders are due', () => {
  test('given the default settings then the three times are 10 days before, 24 hours before and 1 hour after the end, at local wall-clock time', () => {
    expect(reminderTimes(anOccurrence(FEB), DEFAULT_REMINDER_SETTINGS, ZONE).map((t) => [t.kind, t.dueAt.toISOString()])).toEqual([
      ['agenda-deadline', '2026-01-31T08:00:00.000Z'],
      ['members', '2026-02-09T08:00:00.000Z'],
      ['follow-up', '2026-02-10T10:30:00.000Z'],
    ]);
  });

  test('given a minute before the agenda deadline then nothing is due, and at the deadline the chair\'s reminder is due on time', () => {
    const occurrence = anOccurrence(FEB);
    expect(due([occurrence], plus('2026-01-31T08:00:00.000Z', -60_000))).toEqual([]);
    expect(due([occurrence], at('2026-01-31T08:00:00.000Z'))).toEqual([
      { id: `reminder:agenda-deadline:series-1@${FEB}`, kind: 'agenda-deadline', occurrence, dueAt: '2026-01-31T08:00:00.000Z', late: false },
    ]);
  });

  test('given the members\' reminder time then both the (still unsent) agenda reminder and the members\' reminder are due, oldest first', () => {
    const list = due([anOccurrence(FEB)], at('2026-02-09T08:00:30.000Z'));
    expect(list.map((r) => [r.kind, r.late])).toEqual([
      ['agenda-deadline', true],
      ['members', false],
    ]);
  });

  test('given a meeting on the Sunday daylight saving starts then "24 hours before" is 09:00 on Saturday, 23 real hours earlier', () => {
    // Sunday 29 March 2026 09:00 CEST (UTC+2) = 07:00Z; Saturday 28 March 09:00 CET (UTC+1) = 08:00Z.
    const [, members] = reminderTimes(anOccurrence('2026-03-29T07:00:00.000Z'), DEFAULT_REMINDER_SETTINGS, ZONE);
    expect(members?.dueAt.toISOString()).toBe('2026-03-28T08:00:00.000Z');
  });

  test('given a meeting ten days after daylight saving ends then the agenda deadline is still at 09:00 local time', () => {
    // Tuesday 3 November 2026 09:00 CET = 08:00Z; ten days before is Saturday 24 October 09:00 CEST = 07:00Z.
    const [deadline] = reminderTimes(anOccurrence('2026-11-03T08:00:00.000Z'), DEFAULT_REMINDER_SETTINGS, ZONE);
    expect(deadline?.dueAt.toISOString()).toBe('2026-10-24T07:00:00.000Z');
  });

  test('given a moved meeting then its reminders keep the id of the occurrence and their time follows the new start', () => {
    const original = anOccurrence(FEB);
    // Moved one week later, to Tuesday 17 February 13:00 local.
    const moved = { ...original, status: 'moved' as const, meetingId: 'm-1', start: '2026-02-17T12:00:00.000Z', end: '2026-02-17T13:30:00.000Z' };
    expect(due([moved], at('2026-02-09T09:00:00.000Z')).map((r) => r.kind)).toEqual(['agenda-deadline']);
    const [members] = due([moved], at('2026-02-16T12:00:00.000Z')).filter((r) => r.kind === 'members');
    expect(members).toMatchObject({ id: reminderId('members', original.key), dueAt: '2026-02-16T12:00:00.000Z', late: false });
  });

  test('given a cancelled meeting then no reminder is due, however much time has passed', () => {
    const cancelled = anOccurrence(FEB, { status: 'cancelled', meetingId: 'm-2' });
    for (const now of ['2026-02-01T08:00:00.000Z', '2026-02-09T20:00:00.000Z', '2026-02-10T11:00:00.000Z']) expect(due([cancelled], at(now))).toEqual([]);
  });

  test('given the bot was down past the members\' reminder but the meeting is still ahead then it is due, late, with its original time', () => {
    const list = due([anOccurrence(FEB)], at('2026-02-10T06:00:00.000Z'));
    expect(list.find((r) => r.kind === 'members')).toMatchObject({ dueAt: '2026-02-09T08:00:00.000Z', late: true });
  });

  test('given a reminder within a few minutes of its time then it is not late', () => {
    const [members] = due([anOccurrence(FEB)], plus('2026-02-09T08:00:00.000Z', REMINDER_TIMING.lateAfterMs), { ...DEFAULT_REMINDER_SETTINGS, agendaDeadlineEnabled: false });
    expect(members?.late).toBe(false);
  });

  test('given the meeting has begun then the reminders before it are no longer due', () => {
    expect(due([anOccurrence(FEB)], at(FEB))).toEqual([]);
    expect(due([anOccurrence(FEB)], at('2026-02-10T09:00:00.000Z'))).toEqual([]);
  });

  test('given the meeting ended an hour ago then the chair\'s note to record action items is due, and stays due for two days', () => {
    const occurrence = anOccurrence(FEB);
    expect(due([occurrence], at('2026-02-10T10:29:00.000Z'))).toEqual([]);
    expect(due([occurrence], at('2026-02-10T10:30:00.000Z'))).toEqual([
      { id: `reminder:follow-up:${occurrence.key}`, kind: 'follow-up', occurrence, dueAt: '2026-02-10T10:30:00.000Z', late: false },
    ]);
    expect(due([occurrence], plus('2026-02-10T10:30:00.000Z', 2 * DAY)).map((r) => r.late)).toEqual([true]);
  });

  test('given the bot was down more than two days after the meeting then the note is dropped', () => {
    expect(due([anOccurrence(FEB)], plus('2026-02-10T10:30:00.000Z', 2 * DAY + 60_000))).toEqual([]);
  });

  test('given the agenda is already published then the agenda deadline reminder is not due, the others are', () => {
    const occurrence = anOccurrence(FEB);
    const list = due([occurrence], at('2026-02-09T08:00:00.000Z'), DEFAULT_REMINDER_SETTINGS, (key) => key === occurrence.key);
    expect(list.map((r) => r.kind)).toEqual(['members']);
  });

  test('given a forum that turned reminders off then none of them is due', () => {
    const off = { ...DEFAULT_REMINDER_SETTINGS, agendaDeadlineEnabled: false, memberReminderEnabled: false, followUpEnabled: false };
    expect(due([anOccurrence(FEB)], at('2026-02-09T08:00:00.000Z'), off)).toEqual([]);
    expect(due([anOccurrence(FEB)], at('2026-02-10T11:00:00.000Z'), off)).toEqual([]);
  });

  test('given chosen lead times then the reminders follow them', () => {
    const settings = { ...DEFAULT_REMINDER_SETTINGS, agendaDeadlineDaysBefore: 14, memberReminderHoursBefore: 2, followUpHoursAfter: 0 };
    expect(reminderTimes(anOccurrence(FEB), settings, ZONE).map((t) => t.dueAt.toISOString())).toEqual([
      '2026-01-27T08:00:00.000Z',
      '2026-02-10T06:00:00.000Z',
      '2026-02-10T09:30:00.000Z',
    ]);
  });

  test('given a year of weekly meetings then the occurrences in the reminder window give exactly the reminders due from all of them', () => {
    const year = Array.from({ length: 53 }, (_, i) => anOccurrence(new Date(Date.parse('2026-01-06T08:00:00.000Z') + i * 7 * DAY).toISOString()));
    const longest = { ...DEFAULT_REMINDER_SETTINGS, agendaDeadlineDaysBefore: 60, memberReminderHoursBefore: 336, followUpHoursAfter: 48 };
    for (let hour = 0; hour < 365 * 24; hour += 71) {
      const now = plus('2026-01-01T00:00:00.000Z', hour * HOUR);
      const { from, to } = reminderWindow(now);
      const inWindow = year.filter((o) => Date.parse(o.start) >= from.getTime() && Date.parse(o.start) < to.getTime());
      for (const settings of [DEFAULT_REMINDER_SETTINGS, longest]) expect(due(inWindow, now, settings)).toEqual(due(year, now, settings));
    }
  });
});

describe('wall-clock lead times at the edges of daylight saving', () => {
  test.each([
    // 1 hour before 03:30 on the spring-forward night is 02:30, which does not exist: read as 03:30 CEST (01:30Z).
    ['2026-03-29T01:30:00.000Z', 1, '2026-03-29T01:30:00.000Z'],
    // 1 hour before 03:30 CET on the autumn night is 02:30, which happens twice: the first (CEST, 00:30Z).
    ['2026-10-25T02:30:00.000Z', 1, '2026-10-25T00:30:00.000Z'],
    // 48 hours before Monday 09:00 CET after the autumn change: Saturday 09:00 CEST.
    ['2026-10-26T08:00:00.000Z', 48, '2026-10-24T07:00:00.000Z'],
  ])('given a meeting at %s and a reminder %s hours before then it is due at %s', (start, hours, expected) => {
    const settings = { ...DEFAULT_REMINDER_SETTINGS, agendaDeadlineEnabled: false, followUpEnabled: false, memberReminderHoursBefore: hours };
    expect(reminderTimes(anOccurrence(start), settings, ZONE).map((t) => t.dueAt.toISOString())).toEqual([expected]);
  });
});
