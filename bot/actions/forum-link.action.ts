import { FORA_VERBS, ForumLinkData } from '../../cards/fora.card';
import { noticeCard } from '../../cards/notice.card';
import { DomainError } from '../../domain/shared/domain-error';
import { linkChannel } from '../handlers/channel-link.service';
import { cardAction } from './card-action';

/** The fora card's "Knyt kanalen": links the channel the card is in to the chosen forum. */
export const forumLinkAction = cardAction(FORA_VERBS.link, ForumLinkData, async ({ t, info, services }, data) => {
  const forum = await services.fora.findById(data.forumId);
  if (forum === undefined) throw new DomainError('BOT.FORUM_UNKNOWN', { forumId: data.forumId });
  const result = await linkChannel(services, { forum, info });
  if (!result.ok) throw new DomainError(result.code, result.context ?? {});
  const message = result.already ? t.replies.alreadyLinked(result.forum.name) : t.replies.linked(result.forum.name);
  return noticeCard(t.lang, t.replies.linkedTitle, message);
});
