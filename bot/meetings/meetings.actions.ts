import { formAction, type FormSpec } from '../core/form-action';
import { z } from 'zod';
import { formatDateTime } from '../../cards/dates';
import { scheduleSeriesCard, ScheduleSeriesData } from '../../cards/meeting-schedule.card';
import { CancelMeetingData, MEETINGS_VERBS, MeetingsListData, MoveMeetingData, ScheduleFormData } from '../../cards/meetings.card';
import { LocalTime } from '../../domain/meetings/meeting';
import { zonedInstant } from '../../domain/meetings/zoned-time';
import { DomainError } from '../../domain/shared/domain-error';
import { LocalDate } from '../../domain/shared/time';
import { forumAccess } from '../core/access';
import { cardAction, type ActionInput } from '../core/card-action';
import { FieldsRefused } from '../../domain/shared/field-problems';
import { meetingsOfForum, meetingsReply } from './meetings-view';
import { meetingsTexts } from './meetings.texts';
import { cancelMeeting, forumToSchedule, moveMeeting, scheduleSeries } from './meetings.service';
import { readScheduleForm } from './schedule-form';
import { requireForum } from '../core/require-forum';

function actorOf(info: ActionInput['info']): string {
  if (info.actor === undefined) throw new DomainError('BOT.USER_UNKNOWN');
  return info.actor.userId;
}

async function forumList(input: ActionInput, forumId: string, notice?: string) {
  // The access check has read the forum and the membership: reuse them (one round trip fewer).
  const { forum: granted, member } = input.granted;
  const forum = granted?.id === forumId ? granted : await requireForum(input.services, forumId);
  const known = granted?.id === forumId ? (member?.roles ?? []) : undefined;
  const reply = await meetingsReply(input.services, {
    lang: input.t.lang,
    fora: [await meetingsOfForum(input.services, forum, input.actor.userId, known)],
    scope: forum.name,
    ...(notice === undefined ? {} : { notice }),
  });
  return reply.card;
}

export const meetingsListAction = cardAction(MEETINGS_VERBS.list, MeetingsListData, forumAccess('public'), (input, data) => forumList(input, data.forumId));

export const scheduleFormAction = cardAction(MEETINGS_VERBS.scheduleForm, ScheduleFormData, forumAccess('editor'), async ({ info, t, services }, data) => {
  const forum = await forumToSchedule(services, data.forumId, actorOf(info));
  const current = data.replacesSeriesId === undefined ? undefined : await services.meetingSeries.findById(forum.id, data.replacesSeriesId);
  return scheduleSeriesCard(meetingsTexts[t.lang].schedule, {
    forumId: forum.id,
    forumName: forum.name,
    ...(current === undefined ? {} : { replacesSeriesId: current.id, values: { title: current.title, startTime: current.startTime, durationMinutes: String(current.durationMinutes), ...(current.location === undefined ? {} : { location: current.location }) } }),
  });
});

/** Where a refusal of the series belongs on the form (reasons that name no field of their own). */
const SERIES_FIELD: Readonly<Record<string, string>> = {
  'MEETINGS.FIRST_DATE_PAST': 'firstDate',
  'MEETINGS.FIRST_DATE_NOT_IN_RULE': 'firstDate',
  'MEETINGS.DAY_TOO_LATE': 'firstDate',
  'MEETINGS.RRULE_INVALID': 'rrule',
  'MEETINGS.RRULE_UNSUPPORTED': 'rrule',
};

/** The schedule form as it was opened; the typed values and reasons are put back by `formAction`. */
const scheduleForm: FormSpec<ScheduleSeriesData> = {
  async render({ t, services }, data) {
    const forum = await requireForum(services, data.forumId);
    return scheduleSeriesCard(meetingsTexts[t.lang].schedule, { forumId: forum.id, forumName: forum.name, ...(data.replacesSeriesId === undefined ? {} : { replacesSeriesId: data.replacesSeriesId }) });
  },
  fieldOf: (error) => SERIES_FIELD[error.code],
};

/**
 * Saves a series from the form. Permission first (a non-chair learns nothing about the form's
 * problems); then every wrong value is marked beside its field on the same form, everything typed
 * kept, and nothing is written.
 */
export const scheduleAction = formAction(MEETINGS_VERBS.schedule, ScheduleSeriesData, forumAccess('editor'), scheduleForm, async (input, data) => {
  const { info, t, services } = input;
  const actorId = actorOf(info);
  const forum = await forumToSchedule(services, data.forumId, actorId);
  const texts = meetingsTexts[t.lang];
  const { replacesSeriesId } = data;
  const form = readScheduleForm(data);
  if (!form.ok) throw new FieldsRefused(form.problems);
  const result = await scheduleSeries(services, { forumId: forum.id, actorId, input: form.input, ...(replacesSeriesId === undefined ? {} : { replacesSeriesId }) });
  const s = result.series;
  const first = formatDateTime(zonedInstant(s.firstDate, s.startTime, s.timeZone), t.lang, s.timeZone);
  return forumList(input, forum.id, replacesSeriesId === undefined ? texts.scheduled(first) : texts.changed(result.dropped));
});

const MoveValues = z.object({ moveDate: LocalDate, moveTime: LocalTime });

/** The meetings list given back with the typed new date and time after a refused move. */
const moveForm: FormSpec<{ forumId: string }> = { render: (input, data) => forumList(input, data.forumId) };

export const moveAction = formAction(MEETINGS_VERBS.move, MoveMeetingData, forumAccess('editor'), moveForm, async (input, data) => {
  const actorId = actorOf(input.info);
  const values = MoveValues.safeParse(data);
  if (!values.success) {
    await forumToSchedule(input.services, data.forumId, actorId);
    throw new DomainError('MEETINGS.MOVE_INPUT');
  }
  const moved = await moveMeeting(input.services, { forumId: data.forumId, actorId, key: data.key, date: values.data.moveDate, time: values.data.moveTime });
  const when = formatDateTime(moved.start, input.t.lang, input.services.config.timeZone);
  return forumList(input, data.forumId, meetingsTexts[input.t.lang].movedNotice(when));
});

export const cancelAction = cardAction(MEETINGS_VERBS.cancel, CancelMeetingData, forumAccess('editor'), async (input, data) => {
  const cancelled = await cancelMeeting(input.services, { forumId: data.forumId, actorId: actorOf(input.info), key: data.key });
  const when = formatDateTime(cancelled.start, input.t.lang, input.services.config.timeZone);
  return forumList(input, data.forumId, meetingsTexts[input.t.lang].cancelledNotice(when));
});

export const meetingsActions = [meetingsListAction, scheduleFormAction, scheduleAction, moveAction, cancelAction];
