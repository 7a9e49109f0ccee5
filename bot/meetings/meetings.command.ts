import { meetingsOfForum, meetingsReply } from './meetings-view';
import { occurrencesOfRows, readPersonFora } from '../core/forum-rows';
import { meetingsTexts } from './meetings.texts';
import { command } from '../core/command';
import { linkedForum } from '../core/linked-forum';

/**
 * `møder`: in a channel linked to a forum, that forum's next meetings; elsewhere (personal chat)
 * the next meetings of every forum the user belongs to.
 */
export const meetingsCommand = command({
  name: 'meetings',
  words: ['møder', 'møde', 'meetings', 'meeting'],
  access: { kind: 'forum', requirement: 'public', forumId: linkedForum, optional: true },
  run: async ({ t, info, actor, services, granted }) => {
    const texts = meetingsTexts[t.lang];
    const readerId = actor.userId;
    if (info.place.kind === 'channel') {
      const forum = granted.forum;
      if (forum === undefined) return { text: texts.notLinked };
      return meetingsReply(services, { lang: t.lang, fora: [await meetingsOfForum(services, forum, readerId, granted.member?.roles)], scope: forum.name });
    }
    // One round when none of the person's fora changed since their last read here, two otherwise,
    // whatever the number of fora (bot/core/forum-rows.ts).
    const { memberships, rows } = await readPersonFora(services, readerId);
    if (memberships.length === 0) return { text: texts.noFora };
    const fora = memberships.flatMap((m) => {
      const r = rows.get(m.forumId); // a membership may outlive its forum
      return r === undefined ? [] : [{ forum: r.forum, series: r.series, meetings: r.meetings, readerRoles: m.roles, occurrencesBetween: (from: Date, to: Date) => occurrencesOfRows(r, from, to) }];
    });
    return meetingsReply(services, { lang: t.lang, fora, scope: texts.scopeAll });
  },
});
