import { myCases, raiseForm } from '../escalations/escalation-forms';
import { escalationTexts } from '../escalations/escalations.texts';
import type { Command } from './command';

/**
 * `eskaler`: in a personal chat without words, the cases I raised and those waiting for me;
 * otherwise the raise form (from the forum the channel is linked to, with the words as title).
 */
export const escalateCommand: Command = {
  name: 'escalate',
  words: ['eskaler', 'escalate'],
  run: async ({ info, t, args, services }) => {
    const texts = escalationTexts[t.lang];
    if (info.actor === undefined) return { text: t.unknownError };
    if (args === '' && info.place.kind === 'personal') return { card: await myCases(services, t.lang, info.actor.userId), summary: texts.summaries.list };
    const linked = info.place.kind === 'channel' ? (await services.fora.list()).find((f) => f.teams?.conversationId === info.place.conversationId) : undefined;
    const card = await raiseForm(services, t.lang, info.actor.userId, { ...(linked === undefined ? {} : { forumId: linked.id }), ...(args === '' ? {} : { title: args }) });
    return { card, summary: texts.summaries.form };
  },
};
