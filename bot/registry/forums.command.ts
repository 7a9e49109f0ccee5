import { FORA_PAGE, foraCard } from '../../cards/fora.card';
import { pageStart } from '../../domain/shared/paging';
import { forumListCard } from '../../cards/forum-list.card';
import type { Forum } from '../../domain/fora/forum';
import type { AdaptiveCard } from '../../cards/card-kit';
import type { BotServices } from '../core/services';
import type { Place } from '../core/turn-info';
import type { Messages } from '../i18n';
import { channelForumCard } from './forum-replies';
import { forumListView } from './forum-views';
import { registryTexts } from './registry.texts';
import { command } from '../core/command';
import { linkedForum } from '../core/linked-forum';

/**
 * All fora by name and level (nothing more, also of sensitive ones), alphabetically, a page at a
 * time from the `from`th; in a channel it offers to link the channel to one of them.
 */
export function foraReply(t: Messages, fora: readonly Forum[], place: Place, notice?: string, from = 1): { card: ReturnType<typeof foraCard>; summary: string } {
  const sorted = [...fora].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const start = pageStart(from, sorted.length, FORA_PAGE);
  const view = {
    fora: sorted.slice(start, start + FORA_PAGE).map((f) => ({ id: f.id, name: f.name, level: f.level, sensitive: f.sensitive, linkedHere: f.teams?.conversationId === place.conversationId })),
    offerLink: place.kind === 'channel',
    notice,
    page: { from: start + 1, total: sorted.length },
  };
  return { card: foraCard(t.cards.fora, view), summary: t.summaries.fora };
}

/**
 * `fora`: in a channel linked to a forum, that forum's card; elsewhere the fora the person belongs
 * to (level, chair, next meeting). Someone in no forum is told so and sees the fora by name.
 */
export const forumsCommand = command({
  name: 'forums',
  words: ['fora', 'forum', 'forums', 'forummer'],
  // In a linked channel: the forum's card (its public face); elsewhere the person's own fora.
  access: { kind: 'forum', requirement: 'public', forumId: linkedForum, optional: true },
  async run({ t, info, actor, services, granted }) {
    const texts = registryTexts[t.lang];
    const linked = granted.forum;
    if (info.place.kind === 'channel' && linked !== undefined) return { card: await channelForumCard(services, t, linked), summary: texts.summaries.forum(linked.name) };
    return myForaReply(t, services, actor.userId, info.place);
  },
});

/** The fora the person belongs to; where others read along, sensitive ones are left out and that is said. */
export async function myForaReply(t: Messages, services: BotServices, userId: string, place: Place): Promise<{ card: AdaptiveCard; summary: string }> {
  const texts = registryTexts[t.lang];
  const view = await forumListView(services, userId, t.lang);
  if (view.fora.length === 0) return foraReply(t, await services.fora.list(), place, texts.noFora);
  if (place.kind === 'personal' || !view.fora.some((f) => f.sensitive)) return { card: forumListCard(texts.list, view), summary: texts.summaries.list };
  const open = view.fora.filter((f) => !f.sensitive);
  return { card: forumListCard(texts.list, { fora: open, hiddenNote: texts.sensitiveHidden }), summary: texts.summaries.list };
}
