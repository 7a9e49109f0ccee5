import { forumChoiceCard } from '../../cards/forum-choice.card';
import { DomainError } from '../../domain/shared/domain-error';
import { linkChannel } from '../handlers/channel-link.service';
import { matchForaByName } from '../registry/forum-match';
import { registryTexts } from '../registry/registry.texts';
import type { Command } from './command';
import { foraReply } from './forums.command';

/**
 * `tilknyt <forum>` links this channel to the forum (chair or secretary). The name may be short,
 * without Danish letters or with a typo; when it fits several fora, or none, a card offers them.
 */
export const linkCommand: Command = {
  name: 'link',
  words: ['tilknyt', 'link'],
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
};
