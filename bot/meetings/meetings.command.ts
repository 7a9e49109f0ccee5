import { meetingsReply } from './meetings-view';
import { meetingsTexts } from './meetings.texts';
import { command } from '../core/command';
import { linkedForumId } from '../core/linked-forum';

/**
 * `møder`: in a channel linked to a forum, that forum's next meetings; elsewhere (personal chat)
 * the next meetings of every forum the user belongs to.
 */
export const meetingsCommand = command({
  name: 'meetings',
  words: ['møder', 'møde', 'meetings', 'meeting'],
  access: { kind: 'forum', requirement: 'public', forumId: linkedForumId, optional: true },
  run: async ({ t, info, actor, services, granted }) => {
    const texts = meetingsTexts[t.lang];
    const readerId = actor.userId;
    if (info.place.kind === 'channel') {
      const forum = granted.forum;
      if (forum === undefined) return { text: texts.notLinked };
      return meetingsReply(services, { lang: t.lang, forumIds: [forum.id], fora: [forum], readerId, scope: forum.name });
    }
    // Two round trips whatever the number of fora: the memberships, then fora and meetings side by side.
    const memberships = await services.members.listMembershipsOfUser(readerId);
    if (memberships.length === 0) return { text: texts.noFora };
    const forumIds = memberships.map((m) => m.forumId);
    const fora = services.fora.findMany(forumIds);
    const roles = new Map(memberships.map((m) => [m.forumId, m.roles]));
    return meetingsReply(services, { lang: t.lang, forumIds, fora, readerId, roles, scope: texts.scopeAll });
  },
});
