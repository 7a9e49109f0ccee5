import type { Forum } from '../../domain/fora/forum';
import type { BotServices } from './services';
import type { Place } from './turn-info';

/** The forum whose channel this is, if the place is a channel linked with `tilknyt`. */
export async function forumLinkedTo(services: Pick<BotServices, 'fora'>, place: Place): Promise<Forum | undefined> {
  if (place.kind === 'personal') return undefined;
  return (await services.fora.list()).find((f) => f.teams?.conversationId === place.conversationId);
}

/** For access declarations of commands: the id of the forum linked to the place the command was typed in. */
export const linkedForumId = async (request: { info: { place: Place } }, services: Pick<BotServices, 'fora'>): Promise<string | undefined> =>
  (await forumLinkedTo(services, request.info.place))?.id;
