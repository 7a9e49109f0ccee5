import { forumChoiceCard } from '../../cards/forum-choice.card';
import { DomainError } from '../../domain/shared/domain-error';
import { linkChannel } from './channel-link.service';
import { matchForaByName } from './forum-match';
import { registryTexts } from './registry.texts';
import { command, type CommandRequest } from '../core/command';
import type { BotServices } from '../core/services';
import { foraReply } from './forums.command';

/**
 * `tilknyt <forum>` links this channel to the forum (chair or secretary). The name may be short,
 * without Danish letters or with a typo; when it fits several fora, or none, a card offers them.
 */
/** The forum the typed name fits, when it fits exactly one (then only its chair or secretary may link). */
async function namedForumId({ args }: CommandRequest, services: BotServices): Promise<string | undefined> {
  if (args === '') return undefined;
  const match = matchForaByName(await services.fora.list(), args);
  return match.kind === 'one' ? match.forum.id : undefined;
}

export const linkCommand = command({
  name: 'link',
  words: ['tilknyt', 'link'],
  // Several or no fitting fora: a choice card of names only (every forum's name is public).
  access: { kind: 'forum', requirement: 'editor', forumId: namedForumId, optional: true },
  async run({ t, info, args, services }) {
    if (info.place.kind !== 'channel') throw new DomainError('BOT.LINK_NEEDS_CHANNEL');
    const fora = await services.fora.list();
    if (args === '') return foraReply(t, fora, info.place);
    const match = matchForaByName(fora, args);
    if (match.kind !== 'one') {
      const texts = registryTexts[t.lang];
      const offered = (match.kind === 'several' ? match.fora : [...fora]).sort((a, b) => a.name.localeCompare(b.name, 'da'));
      if (offered.length === 0) throw new DomainError('BOT.FORUM_UNKNOWN');
      const view = { typed: args.slice(0, 100), matched: match.kind === 'several', fora: offered.map((f) => ({ id: f.id, name: f.name, level: f.level })) };
      return { card: forumChoiceCard(texts.choice, view), summary: texts.summaries.choice };
    }
    const result = await linkChannel(services, { forum: match.forum, info });
    if (!result.ok) throw new DomainError(result.code, result.context ?? {});
    return { text: result.already ? t.replies.alreadyLinked(result.forum.name) : t.replies.linked(result.forum.name) };
  },
});
