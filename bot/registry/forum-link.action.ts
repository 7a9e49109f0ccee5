import { FORA_VERBS, ForaPageData, ForumLinkData } from '../../cards/fora.card';
import { foraReply } from './forums.command';
import { noticeCard } from '../../cards/notice.card';
import { DomainError } from '../../domain/shared/domain-error';
import { linkChannel } from './channel-link.service';
import { cardAction } from '../core/card-action';
import { requireForum } from '../core/require-forum';

/** The fora card's "Knyt kanalen": links the channel the card is in to the chosen forum. */
export const forumLinkAction = cardAction(FORA_VERBS.link, ForumLinkData, { kind: 'forum', requirement: 'editor', forumId: (d) => d.forumId }, async ({ t, info, services }, data) => {
  const forum = await requireForum(services, data.forumId);
  const result = await linkChannel(services, { forum, info });
  if (!result.ok) throw new DomainError(result.code, result.context ?? {});
  if (result.already) return noticeCard(t.lang, t.replies.alreadyLinkedTitle, t.replies.alreadyLinked(result.forum.name));
  return noticeCard(t.lang, t.replies.linkedTitle, t.replies.linked(result.forum.name));
});

/** "Vis flere" on the list of all fora: the next page (names and levels only, which are public). */
export const foraPageAction = cardAction(FORA_VERBS.page, ForaPageData, { kind: 'anyone', why: 'the names and levels of all fora are public' }, async ({ t, info, services }, data) => {
  return foraReply(t, await services.fora.list(), info.place, undefined, data.from ?? 1).card;
});
