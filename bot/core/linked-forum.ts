import type { Forum } from '../../domain/fora/forum';
import type { BotServices } from './services';
import type { Place } from './turn-info';

/** The forum whose channel this is, if the place is a channel linked with `tilknyt`. */
export async function forumLinkedTo(services: Pick<BotServices, 'fora'>, place: Place): Promise<Forum | undefined> {
  if (place.kind === 'personal') return undefined;
  return (await services.fora.list()).find((f) => f.teams?.conversationId === place.conversationId);
}

/**
 * For access declarations of commands: the forum linked to the place the command was typed in. The
 * forum itself, not its id: it was read to find it, and the check then reads only the membership.
 */
export const linkedForum = (request: { info: { place: Place } }, services: Pick<BotServices, 'fora'>): Promise<Forum | undefined> => forumLinkedTo(services, request.info.place);
