import type { Forum } from '../../domain/fora/forum';
import { meetingsReply } from '../meetings/meetings-view';
import { meetingsTexts } from '../meetings/meetings.texts';
import type { Command } from './command';

/**
 * `møder`: in a channel linked to a forum, that forum's next meetings; elsewhere (personal chat)
 * the next meetings of every forum the user belongs to.
 */
export const meetingsCommand: Command = {
  name: 'meetings',
  words: ['møder', 'møde', 'meetings', 'meeting'],
  run: async ({ t, info, services }) => {
    const texts = meetingsTexts[t.lang];
    const readerId = info.actor?.userId;
    if (info.place.kind === 'channel') {
      const forum = (await services.fora.list()).find((f) => f.teams?.conversationId === info.place.conversationId);
      if (forum === undefined) return { text: texts.notLinked };
      return meetingsReply(services, { lang: t.lang, fora: [forum], readerId, scope: forum.name });
    }
    const memberships = readerId === undefined ? [] : await services.members.listMembershipsOfUser(readerId);
    const fora = (await Promise.all(memberships.map((m) => services.fora.findById(m.forumId)))).filter((f): f is Forum => f !== undefined);
    if (fora.length === 0) return { text: texts.noFora };
    return meetingsReply(services, { lang: t.lang, fora, readerId, scope: texts.scopeAll });
  },
};
