import { myCases, raiseForm } from './escalation-forms';
import { escalationTexts } from './escalations.texts';
import { command } from '../core/command';
import { linkedForum } from '../core/linked-forum';

/**
 * `eskaler`: in a personal chat without words, the cases I raised and those waiting for me;
 * otherwise the raise form (from the forum the channel is linked to, with the words as title).
 */
export const escalateCommand = command({
  name: 'escalate',
  words: ['eskaler', 'escalate'],
  // From a linked channel only its members raise (the case starts in that forum); elsewhere my own cases and fora.
  access: { kind: 'forum', requirement: 'member', forumId: linkedForum, optional: true },
  run: async ({ info, actor, t, args, services, granted }) => {
    const texts = escalationTexts[t.lang];
    if (args === '' && info.place.kind === 'personal') return { card: await myCases(services, t.lang, actor.userId), summary: texts.summaries.list };
    const linked = granted.forum;
    const card = await raiseForm(services, t.lang, actor.userId, { ...(linked === undefined ? {} : { forumId: linked.id }), ...(args === '' ? {} : { title: args }) });
    return { card, summary: texts.summaries.form };
  },
});
