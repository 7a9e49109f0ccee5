import type { Forum } from '../../domain/fora/forum';
import { canScheduleMeetings } from '../../domain/fora/forum.rules';
import { newCalendarToken } from '../../domain/meetings/calendar-publisher';
import { MeetingSeries, type Meeting } from '../../domain/meetings/meeting';
import { cancelOccurrence, changeSeries, moveOccurrence } from '../../domain/meetings/meeting-changes';
import { recurrenceRule, type RecurrenceChoice } from '../../domain/meetings/recurrence';
import { zonedInstant } from '../../domain/meetings/zoned-time';
import { checkSeriesStart } from '../../domain/meetings/series-start';
import { assertAllowed, DomainError } from '../../domain/shared/domain-error';
import { newId } from '../../domain/shared/ids';
import type { BotServices } from '../core/services';
import { audit as appendAudit } from '../core/audit';
import { remindersChanged } from '../reminders/reminder.job';
import { requireForum } from '../core/require-forum';

type Services = Pick<BotServices, 'fora' | 'members' | 'meetingSeries' | 'meetings' | 'audit' | 'clock' | 'config' | 'reminderIndex'>;

export interface SeriesInput {
  title: string;
  firstDate: string;
  startTime: string;
  durationMinutes: number;
  location?: string;
  onlineMeetingUrl?: string;
  recurrence: RecurrenceChoice;
}

/** The forum, after checking that the actor may schedule its meetings (chair or secretary). */
export async function forumToSchedule(services: Services, forumId: string, actorId: string): Promise<Forum> {
  const forum = await requireForum(services, forumId);
  assertAllowed(canScheduleMeetings(await services.members.find(forumId, actorId)));
  return forum;
}

/** Every change to a forum's meetings is audited, and its reminders are looked at again within the minute. */
async function audit(services: Services, forumId: string, actorId: string, action: string, subject: string, before?: unknown, after?: unknown): Promise<void> {
  await appendAudit(services, { forumId, actorId, action, subject, before, after });
  await remindersChanged(services, forumId);
}

/**
 * Schedules a forum's series, or changes one (`replacesSeriesId`): the old series ends the day
 * before the new first date, so past meetings keep their schedule (see `changeSeries` for what
 * happens to its moved and cancelled occurrences). Validates the recurrence before writing anything.
 */
export async function scheduleSeries(
  services: Services,
  request: { forumId: string; actorId: string; input: SeriesInput; replacesSeriesId?: string },
): Promise<{ series: MeetingSeries; dropped: number }> {
  const { forumId, actorId, input } = request;
  await forumToSchedule(services, forumId, actorId);
  // No series that begins in the past: it would remind about meetings over before it existed.
  assertAllowed(checkSeriesStart(input.firstDate, input.startTime, services.config.timeZone, services.clock.now()));
  const rrule = recurrenceRule(input.recurrence, input.firstDate, input.startTime);
  const series = MeetingSeries.parse({
    id: newId(),
    forumId,
    title: input.title,
    firstDate: input.firstDate,
    startTime: input.startTime,
    durationMinutes: input.durationMinutes,
    rrule,
    timeZone: services.config.timeZone,
    ...(input.location === undefined ? {} : { location: input.location }),
    ...(input.onlineMeetingUrl === undefined ? {} : { onlineMeetingUrl: input.onlineMeetingUrl }),
    calendarToken: newCalendarToken(),
  });
  if (request.replacesSeriesId === undefined) {
    const saved = await services.meetingSeries.save(series);
    await audit(services, forumId, actorId, 'meetings.series.scheduled', series.title, undefined, series);
    return { series: saved, dropped: 0 };
  }

  const old = await services.meetingSeries.findById(forumId, request.replacesSeriesId);
  if (old === undefined) throw new DomainError('STORAGE.NOT_FOUND', { seriesId: request.replacesSeriesId });
  const overrides = (await services.meetings.listByForum(forumId)).filter((m) => m.seriesId === old.id);
  const change = changeSeries(old, overrides, series);
  // New series first: if a later step fails, the forum has both schedules rather than none.
  const saved = await services.meetingSeries.save(change.started);
  for (const carried of change.carried) await services.meetings.save(carried);
  if (change.ended !== undefined) await services.meetingSeries.update(forumId, old.id, (current) => ({ ...current, until: change.ended!.until! }));
  const leaving = [...change.dropped, ...change.carried.map((c) => overrides.find((o) => o.originalStart === c.originalStart)!)];
  for (const m of leaving) await services.meetings.delete(forumId, m.id);
  if (change.removedSeriesId !== undefined) {
    for (const m of overrides) if (!leaving.includes(m)) await services.meetings.delete(forumId, m.id);
    await services.meetingSeries.delete(forumId, old.id);
  }
  await audit(services, forumId, actorId, 'meetings.series.changed', series.title, old, {
    started: change.started,
    endedUntil: change.ended?.until,
    removedSeriesId: change.removedSeriesId,
    carried: change.carried.map((m) => m.id),
    dropped: change.dropped.map((m) => m.id),
  });
  return { series: saved, dropped: change.dropped.length };
}

/** The series occurrence (or one-off meeting) a card's key names, in a forum. */
async function resolveKey(services: Services, forumId: string, key: string): Promise<{ series: MeetingSeries; originalStart: Date } | { meeting: Meeting }> {
  const at = key.lastIndexOf('@');
  if (at > 0) {
    const series = await services.meetingSeries.findById(forumId, key.slice(0, at));
    const originalStart = new Date(key.slice(at + 1));
    if (series !== undefined && !Number.isNaN(originalStart.getTime())) return { series, originalStart };
  }
  const meeting = await services.meetings.findById(forumId, key);
  if (meeting === undefined || meeting.seriesId !== undefined) throw new DomainError('MEETINGS.NO_SUCH_OCCURRENCE', { key });
  return { meeting };
}

/** Moves one meeting: writes an override (series) or updates the one-off; the series is never touched. */
export async function moveMeeting(
  services: Services,
  request: { forumId: string; actorId: string; key: string; date: string; time: string; durationMinutes?: number; location?: string },
): Promise<Meeting> {
  const { forumId, actorId } = request;
  await forumToSchedule(services, forumId, actorId);
  const target = await resolveKey(services, forumId, request.key);
  const now = services.clock.now();
  const start = zonedInstant(request.date, request.time, services.config.timeZone);
  if ('meeting' in target) {
    const m = target.meeting;
    if (Date.parse(m.end) <= now.getTime()) throw new DomainError('MEETINGS.OCCURRENCE_PAST', { end: m.end });
    if (start.getTime() < now.getTime()) throw new DomainError('MEETINGS.MOVE_TO_PAST', { start: start.toISOString() });
    const minutes = request.durationMinutes ?? (Date.parse(m.end) - Date.parse(m.start)) / 60_000;
    const updated = await services.meetings.update(forumId, m.id, (current) => ({
      ...current,
      start: start.toISOString(),
      end: new Date(start.getTime() + minutes * 60_000).toISOString(),
      status: 'moved',
      ...(request.location === undefined ? {} : { location: request.location }),
    }));
    await audit(services, forumId, actorId, 'meetings.meeting.moved', m.id, m, updated);
    return updated;
  }
  const { series, originalStart } = target;
  const minutes = request.durationMinutes ?? series.durationMinutes;
  const override = moveOccurrence(
    series,
    originalStart,
    { start, end: new Date(start.getTime() + minutes * 60_000), ...(request.location === undefined ? {} : { location: request.location }) },
    now,
  );
  const before = await services.meetings.findById(forumId, override.id);
  const saved = await services.meetings.save({ ...override, ...(before?.version === undefined ? {} : { version: before.version }) });
  await audit(services, forumId, actorId, 'meetings.occurrence.moved', override.id, before, override);
  return saved;
}

/** Cancels one meeting: an override with status cancelled (series) or the one-off's status. */
export async function cancelMeeting(services: Services, request: { forumId: string; actorId: string; key: string }): Promise<Meeting> {
  const { forumId, actorId } = request;
  await forumToSchedule(services, forumId, actorId);
  const target = await resolveKey(services, forumId, request.key);
  const now = services.clock.now();
  if ('meeting' in target) {
    const m = target.meeting;
    if (Date.parse(m.end) <= now.getTime()) throw new DomainError('MEETINGS.OCCURRENCE_PAST', { end: m.end });
    const updated = await services.meetings.update(forumId, m.id, (current) => ({ ...current, status: 'cancelled' }));
    await audit(services, forumId, actorId, 'meetings.meeting.cancelled', m.id, m, updated);
    return updated;
  }
  const override = cancelOccurrence(target.series, target.originalStart, now);
  const before = await services.meetings.findById(forumId, override.id);
  const saved = await services.meetings.save({ ...override, ...(before?.version === undefined ? {} : { version: before.version }) });
  await audit(services, forumId, actorId, 'meetings.occurrence.cancelled', override.id, before, override);
  return saved;
}
