import { DomainError } from '../../domain/shared/domain-error';
import { findForumByName, linkChannel } from '../handlers/channel-link.service';
import type { Command } from './command';
import { foraReply } from './forums.command';

/** `tilknyt <forum>` links this channel to the forum; without a name it shows the fora to pick from. */
export const linkCommand: Command = {
  name: 'link',
  words: ['tilknyt', 'link'],
  async run({ t, info, args, services }) {
    if (info.place.kind !== 'channel') throw new DomainError('BOT.LINK_NEEDS_CHANNEL');
    const fora = await services.fora.list();
    if (args === '') return foraReply(t, fora, info.place);
    const forum = findForumByName(fora, args);
    if (forum === undefined) throw new DomainError('BOT.FORUM_UNKNOWN');
    const result = await linkChannel(services, { forum, info });
    if (!result.ok) throw new DomainError(result.code, result.context ?? {});
    return { text: result.already ? t.replies.alreadyLinked(result.forum.name) : t.replies.linked(result.forum.name) };
  },
};
