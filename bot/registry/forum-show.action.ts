import { FORUM_VERBS, ForumRefData } from '../../cards/forum.card';
import { forumAccess } from '../core/access';
import { cardAction } from '../core/card-action';
import { actorIdOf, forumOrFail, personalForumCard } from './forum-replies';

/** "Vis forum" (and Teams' automatic refresh of a forum card): the forum as the clicking person may see it. */
export const forumShowAction = cardAction(FORUM_VERBS.show, ForumRefData, forumAccess('public'), async ({ t, info, services }, data) => {
  const forum = await forumOrFail(services, data.forumId);
  return personalForumCard(services, t, forum, actorIdOf(info));
});
