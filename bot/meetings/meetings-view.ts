import { formatDateTime, formatTimeRange } from '../../cards/dates';
import { meetingsCard, type MeetingItemView } from '../../cards/meetings.card';
import type { Forum } from '../../domain/fora/forum';
import { hasRole } from '../../domain/fora/forum.rules';
import { occurrencesBetween } from '../../domain/meetings/meeting-schedule';
import { localParts } from '../../domain/meetings/zoned-time';
import type { Reply } from '../core/reply';
import type { BotServices } from '../core/services';
import type { Lang } from '../i18n/lang';
import { createIcsCalendarPublisher } from './ics-calendar-publisher';
import { meetingsTexts } from './meetings.texts';
import { DEFAULT_HORIZON_DAYS } from './upcoming-meetings';

const LIST_LIMIT = 10;

/**
 * The card of the next meetings of `fora` for one reader: Danish (or English) dates in the bot's
 * zone, an .ics link per series or one-off, and — in fora where the reader is chair or secretary —
 * buttons to move and cancel meetings and to schedule or change the series.
 */
export async function meetingsReply(
  services: BotServices,
  request: { lang: Lang; fora: readonly Forum[]; readerId: string | undefined; scope: string; notice?: string },
): Promise<Extract<Reply, { card: unknown }>> {
  const texts = meetingsTexts[request.lang];
  const tz = services.config.timeZone;
  const now = services.clock.now();
  const byId = new Map(request.fora.map((f) => [f.id, f]));
  const ids = [...byId.keys()];
  // Two partition reads per forum (series, overrides) and one member read; the rest is computed.
  const [roles, seriesByForum, meetingsByForum] = await Promise.all([
    Promise.all(ids.map(async (id) => [id, request.readerId === undefined ? undefined : await services.members.find(id, request.readerId)] as const)),
    Promise.all(ids.map(async (id) => [id, await services.meetingSeries.listByForum(id)] as const)),
    Promise.all(ids.map(async (id) => [id, await services.meetings.listByForum(id)] as const)),
  ]);
  const horizon = new Date(now.getTime() + DEFAULT_HORIZON_DAYS * 86_400_000);
  const occurrences = occurrencesBetween(
    seriesByForum.flatMap(([, list]) => list),
    meetingsByForum.flatMap(([, list]) => list),
    now,
    horizon,
  ).slice(0, LIST_LIMIT);
  const canChange = new Set(roles.filter(([, m]) => hasRole(m, 'chair', 'secretary')).map(([id]) => id));
  const publisher = createIcsCalendarPublisher(services);
  const series = new Map(seriesByForum.flatMap(([, list]) => list.map((s) => [s.id, s] as const)));
  const meetings = new Map(meetingsByForum.flatMap(([, list]) => list.map((m) => [m.id, m] as const)));
  const links = new Map<string, string>();
  const linkFor = async (seriesId: string | undefined, meetingId: string | undefined): Promise<string | undefined> => {
    const id = seriesId ?? meetingId;
    if (id === undefined) return undefined;
    if (!links.has(id)) {
      const s = seriesId === undefined ? undefined : series.get(seriesId);
      const m = meetingId === undefined ? undefined : meetings.get(meetingId);
      const forumName = byId.get((s ?? m)?.forumId ?? '')?.name ?? '';
      if (s !== undefined) links.set(id, (await publisher.publishSeries({ series: s, overrides: [], forumName })).url);
      else if (m !== undefined) links.set(id, (await publisher.publishMeeting({ meeting: m, forumName })).url);
    }
    return links.get(id);
  };

  const items: MeetingItemView[] = [];
  for (const o of occurrences) {
    const local = localParts(new Date(o.start), tz);
    const url = await linkFor(o.seriesId, o.seriesId === undefined ? o.meetingId : undefined);
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
  const schedulable = request.fora
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
    showForum: request.fora.length > 1,
  });
  return { card, summary: texts.summary };
}
