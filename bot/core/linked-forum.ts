import type { Forum } from '../../domain/fora/forum';
import type { BotServices } from './services';
import type { SpeculativeForum } from './access';
import type { Place } from './turn-info';

/** The forum whose channel this is, if the place is a channel linked with `tilknyt`. */
export async function forumLinkedTo(services: Pick<BotServices, 'fora'>, place: Place): Promise<Forum | undefined> {
  if (place.kind === 'personal') return undefined;
  return (await services.fora.list()).find((f) => f.teams?.conversationId === place.conversationId);
}

/**
 * For access declarations of commands: the forum linked to the place the command was typed in. The
 * forum itself, not its id: it was read to find it, and the check then reads only the membership.
 * Where this process keeps the list of fora, the forum found in it is offered at once, with the
 * answer from storage still to come: the check reads the membership (and the command its prefetch)
 * beside confirming it, and uses only what the confirmed forum allows.
 */
export function linkedForum(request: { info: { place: Place } }, services: Pick<BotServices, 'fora'>): Promise<Forum | undefined> | SpeculativeForum {
  const place = request.info.place;
  const confirmed = forumLinkedTo(services, place);
  if (place.kind === 'personal') return confirmed;
  const guess = services.fora.keptList?.()?.find((f) => f.teams?.conversationId === place.conversationId);
  return guess === undefined ? confirmed : { guessId: guess.id, confirmed };
}
