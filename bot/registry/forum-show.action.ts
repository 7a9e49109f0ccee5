import { ForaListData, FORUM_VERBS, ForumRefData } from '../../cards/forum.card';
import { myForaReply } from './forums.command';
import { forumAccess } from '../core/access';
import { cardAction } from '../core/card-action';
import { actorIdOf, forumOrFail, personalForumCard } from './forum-replies';

/** "Vis forum" (and Teams' automatic refresh of a forum card): the forum as the clicking person may see it. */
export const forumShowAction = cardAction(FORUM_VERBS.show, ForumRefData, forumAccess('public'), async ({ t, info, services }, data) => {
  const forum = await forumOrFail(services, data.forumId);
  // In the person's own chat the forum replaced their list: offer the way back (not in a channel, where others read along).
  return personalForumCard(services, t, forum, actorIdOf(info), undefined, info.place.kind === 'personal');
});

/** "Tilbage til mine fora": the list the forum was opened from, as `fora` shows it. */
export const foraListAction = cardAction(FORUM_VERBS.list, ForaListData, { kind: 'anyone', why: 'each person sees only their own fora' }, async ({ t, info, actor, services }) => {
  return (await myForaReply(t, services, actor.userId, info.place)).card;
});
