import type { AdaptiveCard } from '../../cards/card-kit';
import type { Forum } from '../../domain/fora/forum';
import { cardMessage } from '../core/card-message';
import type { BotServices } from '../core/services';
import type { TurnInfo } from '../core/turn-info';

/**
 * The agenda editor is for the chair and secretary only. Asked for in a channel or group chat, it
 * is not posted there (every member would read the half-written draft): it goes to the person's
 * own chat with the bot, through the outbox, and the channel only gets a short note. A button's
 * answer is no post, so the editor reached from a card stays where it is.
 */
export const editorMustGoPrivately = (info: TurnInfo): boolean => info.place.kind !== 'personal';

export async function sendEditorPrivately(services: BotServices, info: TurnInfo, userId: string, forum: Forum, card: AdaptiveCard, summary: string): Promise<void> {
  // One per typed command: the same message delivered twice (a retry) sends one editor.
  const turn = info.activityId ?? services.clock.now().toISOString();
  await services.outbox.enqueue({
    idempotencyKey: `agenda-editor:${forum.id}:${userId}:${turn}`.slice(0, 200),
    recipient: { kind: 'user', userId },
    activity: cardMessage(summary, card),
    subject: { type: 'agenda-editor', id: forum.id, forumId: forum.id },
    causedBy: userId,
  });
}
