import { formatDateTime, formatTimeRange } from '../../cards/dates';
import { meetingsCard, type MeetingItemView } from '../../cards/meetings.card';
import type { Forum, Role } from '../../domain/fora/forum';
import type { Meeting, MeetingSeries } from '../../domain/meetings/meeting';
import type { Occurrence } from '../../domain/meetings/occurrence';
import { occurrencesBetween } from '../../domain/meetings/meeting-schedule';
import { localParts } from '../../domain/meetings/zoned-time';
import type { Reply } from '../core/reply';
import type { BotServices } from '../core/services';
import type { Lang } from '../i18n/lang';
import { createIcsCalendarPublisher } from './ics-calendar-publisher';
import { meetingsTexts } from './meetings.texts';
import { DEFAULT_HORIZON_DAYS } from './upcoming-meetings';

const LIST_LIMIT = 10;

/** A forum listed, with its series and meetings as read, and the reader's roles in it (undefined: not a member). */
export interface ForumMeetings {
  forum: Forum;
  series: readonly MeetingSeries[];
  meetings: readonly Meeting[];
  readerRoles: readonly Role[] | undefined;
  /** Its occurrences overlapping a window; kept rows expand their series once an hour (bot/core/forum-rows.ts). */
  occurrencesBetween: (from: Date, to: Date) => Occurrence[];
}

export interface MeetingsRequest {
  lang: Lang;
  fora: readonly ForumMeetings[];
  scope: string;
  notice?: string;
}

/** One forum's series and meetings, read side by side (one round), with the reader's roles when not known yet. */
export async function meetingsOfForum(services: BotServices, forum: Forum, readerId: string | undefined, knownRoles?: readonly Role[]): Promise<ForumMeetings> {
  const [series, meetings, readerRoles] = await Promise.all([
    services.meetingSeries.listByForum(forum.id),
    services.meetings.listByForum(forum.id),
    knownRoles !== undefined || readerId === undefined ? knownRoles : services.members.find(forum.id, readerId).then((m) => m?.roles),
  ]);
  return { forum, series, meetings, readerRoles, occurrencesBetween: (from, to) => occurrencesBetween(series, meetings, from, to) };
}

/**
 * The card of the next meetings of the fora for one reader: Danish (or English) dates in the bot's
 * zone, an .ics link per series or one-off, and — in fora where the reader is chair or secretary —
 * buttons to move and cancel meetings and to schedule or change the series.
 */
export async function meetingsReply(services: BotServices, request: MeetingsRequest): Promise<Extract<Reply, { card: unknown }>> {
  const texts = meetingsTexts[request.lang];
  const tz = services.config.timeZone;
  const now = services.clock.now();
  const fora = request.fora.map((f) => f.forum);
  const byId = new Map(fora.map((f) => [f.id, f]));
  const roles = request.fora.map((f) => [f.forum.id, f.readerRoles] as const);
  const seriesByForum = request.fora.map((f) => [f.forum.id, f.series] as const);
  const meetingsByForum = request.fora.map((f) => [f.forum.id, f.meetings] as const);
  const horizon = new Date(now.getTime() + DEFAULT_HORIZON_DAYS * 86_400_000);
  const occurrences = request.fora
    .flatMap((f) => f.occurrencesBetween(now, horizon))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.key.localeCompare(b.key))
    .slice(0, LIST_LIMIT);
  const canChange = new Set(roles.filter(([, r]) => r !== undefined && r.some((role) => role === 'chair' || role === 'secretary')).map(([id]) => id));
  const publisher = createIcsCalendarPublisher(services);
  const series = new Map(seriesByForum.flatMap(([, list]) => list.map((s) => [s.id, s] as const)));
  const meetings = new Map(meetingsByForum.flatMap(([, list]) => list.map((m) => [m.id, m] as const)));
  const links = new Map<string, Promise<string | undefined>>();
  const publish = async (seriesId: string | undefined, meetingId: string | undefined): Promise<string | undefined> => {
    const s = seriesId === undefined ? undefined : series.get(seriesId);
    const m = meetingId === undefined ? undefined : meetings.get(meetingId);
    const forumName = byId.get((s ?? m)?.forumId ?? '')?.name ?? '';
    if (s !== undefined) return (await publisher.publishSeries({ series: s, overrides: [], forumName })).url;
    if (m !== undefined) return (await publisher.publishMeeting({ meeting: m, forumName })).url;
    return undefined;
  };
  // One link per series or one-off, however many of its occurrences are listed.
  const linkFor = (seriesId: string | undefined, meetingId: string | undefined): Promise<string | undefined> => {
    const id = seriesId ?? meetingId;
    if (id === undefined) return Promise.resolve(undefined);
    if (!links.has(id)) links.set(id, publish(seriesId, meetingId));
    return links.get(id)!;
  };
  // A series shown for the first time gets its calendar token (a write): all at once, not one by one.
  const urls = await Promise.all(occurrences.map((o) => linkFor(o.seriesId, o.seriesId === undefined ? o.meetingId : undefined)));
  const items: MeetingItemView[] = [];
  for (const [i, o] of occurrences.entries()) {
    const local = localParts(new Date(o.start), tz);
    const url = urls[i];
    items.push({
      key: o.key,
      forumId: o.forumId,
      forumName: byId.get(o.forumId)?.name ?? o.forumId,
      title: o.title === '' ? texts.oneOffTitle : o.title,
      when: `${formatDateTime(o.start, request.lang, tz)} (${formatTimeRange(o.start, o.end, request.lang, tz)})`,
      status: o.status,
      ...(o.location === undefined ? {} : { location: o.location }),
      ...(o.onlineMeetingUrl === undefined ? {} : { onlineMeetingUrl: o.onlineMeetingUrl }),
      ...(url === undefined ? {} : { calendarUrl: url }),
      canChange: canChange.has(o.forumId),
      localDate: local.date,
      localTime: local.time,
    });
  }
  const today = localParts(now, tz).date;
  const schedulable = fora
    .filter((f) => canChange.has(f.id))
    .map((f) => {
      const current = (seriesByForum.find(([id]) => id === f.id)?.[1] ?? []).find((s) => s.until === undefined || s.until >= today);
      return { forumId: f.id, forumName: f.name, ...(current === undefined ? {} : { currentSeriesId: current.id }) };
    });
  const card = meetingsCard(texts.list, {
    scope: request.scope,
    ...(request.notice === undefined ? {} : { notice: request.notice }),
    items,
    schedulable,
    showForum: fora.length > 1,
  });
  return { card, summary: texts.summary };
}
