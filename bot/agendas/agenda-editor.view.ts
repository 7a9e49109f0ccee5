import { agendaEditorCard } from '../../cards/agenda-editor.card';
import type { AdaptiveCard } from '../../cards/card-kit';
import type { Agenda } from '../../domain/agendas/agenda';
import type { Forum, Role } from '../../domain/fora/forum';
import type { Occurrence } from '../../domain/meetings/occurrence';
import { foraBelow } from '../../domain/fora/forum.rules';
import type { BotServices } from '../core/services';
import type { Lang } from '../i18n';
import { upcomingMeetings } from '../meetings/upcoming-meetings';
import { textsFor } from './agenda-context';

/** How many coming meetings the card that creates an agenda offers. */
export const EDITOR_MEETINGS = 8;

export type Notice = { text: string; tone: 'good' | 'warning' | 'attention' };

/** The editor card for one forum's agenda (or the card that creates one), as the actor may use it. */
export async function editorCard(
  services: BotServices,
  lang: Lang,
  forum: Forum,
  roles: readonly Role[],
  agenda: Agenda | undefined,
  notice?: Notice,
  /** The forum's next meetings when already read (beside the access check). */
  upcoming?: readonly Occurrence[],
): Promise<AdaptiveCard> {
  const texts = textsFor(lang);
  const isChair = roles.includes('chair');
  const meetings = agenda === undefined ? (upcoming ?? (await upcomingMeetings(services, [forum.id], services.clock.now(), { limit: EDITOR_MEETINGS }))) : [];
  const wantsFora = isChair && agenda !== undefined && agenda.circulation === undefined && agenda.circulationEnabled === true && agenda.state === 'published';
  const fora = wantsFora ? await services.fora.list() : [];
  return agendaEditorCard(texts.editor, {
    forumId: forum.id,
    forumName: forum.name,
    ...(agenda === undefined ? {} : { agenda }),
    meetings: meetings.map((m) => ({ key: m.key, start: m.start, title: m.title })),
    timeZone: services.config.timeZone,
    isChair,
    consultantFora: fora.filter((f) => f.id !== forum.id).map((f) => ({ id: f.id, name: f.name })),
    defaultConsultantForumIds: foraBelow(fora, forum.id).map((f) => f.id),
    ...(notice === undefined ? {} : { notice }),
  });
}
