import { foraCard } from '../../cards/fora.card';
import type { Forum } from '../../domain/fora/forum';
import type { Place } from '../handlers/turn-info';
import type { Messages } from '../i18n';
import type { Command } from './command';

/** The fora card; in a channel it also offers to link the channel to one of them. */
export function foraReply(t: Messages, fora: readonly Forum[], place: Place): { card: ReturnType<typeof foraCard>; summary: string } {
  const view = {
    fora: fora.map((f) => ({ id: f.id, name: f.name, level: f.level, sensitive: f.sensitive, linkedHere: f.teams?.conversationId === place.conversationId })),
    offerLink: place.kind === 'channel',
  };
  return { card: foraCard(t.cards.fora, view), summary: t.summaries.fora };
}

export const forumsCommand: Command = {
  name: 'forums',
  words: ['fora', 'forum', 'forums', 'forummer'],
  run: async ({ t, info, services }) => foraReply(t, await services.fora.list(), info.place),
};
