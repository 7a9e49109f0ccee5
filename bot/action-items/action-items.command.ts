import { DomainError } from '../../domain/shared/domain-error';
import { recordFormCard } from './action-items.actions';
import { actionItemsTexts } from './action-items.texts';
import { boardCardOf, myActionsCardOf, readBoard, todayOf } from './action-items.service';
import { command } from '../core/command';
import { linkedForum } from '../core/linked-forum';
import { foldWord } from '../core/command-words';

const NEW_WORDS = ['ny', 'nye', 'new', 'tilfoj', 'add'];

/**
 * `handlinger`: in a forum's channel its open items grouped by owner, overdue first (`handlinger ny`:
 * the form to record items); in a personal chat my open items across all my fora.
 */
export const actionsCommand = command({
  name: 'actions',
  words: ['handlinger', 'handling', 'actions'],
  // In a linked channel: the forum's items, for its members; in a personal chat: my own items.
  access: { kind: 'forum', requirement: 'member', forumId: linkedForum, optional: true },
  // The board's first page is read beside the membership check (`handlinger ny` needs none of it).
  prefetch: (forumId, services, { args }) => (NEW_WORDS.includes(foldWord(args)) ? undefined : readBoard(services, forumId, todayOf(services))),
  async run({ t, info, actor, args, services, granted, prefetched }) {
    const actorId = actor.userId;
    const texts = actionItemsTexts[t.lang];
    const today = todayOf(services);
    const forum = granted.forum;
    if (forum === undefined) {
      if (info.place.kind !== 'personal') throw new DomainError('ACTION.NO_FORUM_HERE');
      return { card: await myActionsCardOf(services, texts, actorId), summary: texts.summaries.mine };
    }
    const member = granted.member;
    if (NEW_WORDS.includes(foldWord(args))) return { card: await recordFormCard(services, t.lang, forum, member), summary: texts.record.title };
    return { card: await boardCardOf(services, texts, forum, today, prefetched === undefined ? {} : { read: prefetched }), summary: texts.summaries.board(forum.name) };
  },
});
