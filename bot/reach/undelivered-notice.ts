import { createHash } from 'node:crypto';
import type { ConversationRepository } from '../../domain/conversations/conversation.repository';
import type { ForumRepository } from '../../domain/fora/forum.repository';
import type { OutboxMessage } from '../../domain/outbox/outbox-message';
import type { Config } from '../config';
import { pickLang } from '../i18n';
import type { Outbox } from '../outbox/outbox';
import { describeDelivery } from '../outbox/outbox-status.text';
import { deliveryTexts } from './delivery.texts';

export const NOTICE_SUBJECT = 'delivery-notice';

/**
 * A post in a channel (agenda, progress, case) that could not be delivered is told to whoever
 * caused it, in their 1:1 chat: otherwise the chair believes the forum saw it. Fan-outs to people
 * are not told one by one: their cards count them.
 */
export async function tellCauserUndelivered(
  deps: { outbox: Pick<Outbox, 'enqueue'>; conversations: ConversationRepository; fora: ForumRepository; config: Config },
  message: OutboxMessage,
): Promise<void> {
  if (message.recipient.kind !== 'conversation' || message.causedBy === undefined || message.operation.kind !== 'send') return;
  if (message.subject?.type === NOTICE_SUBJECT) return;
  const conversationId = message.recipient.conversationId;
  const lang = pickLang(undefined, deps.config.locale);
  const forum = (await deps.fora.list()).find((f) => f.teams?.conversationId === conversationId);
  const where = forum === undefined ? (lang === 'da' ? 'kanalen' : 'the channel') : lang === 'da' ? `${forum.name}s kanal` : `the channel of ${forum.name}`;
  const text = deliveryTexts[lang].channelFailed(where, describeDelivery(message, lang));
  await deps.outbox.enqueue({
    idempotencyKey: `undelivered:${createHash('sha256').update(message.id).digest('hex').slice(0, 40)}`,
    recipient: { kind: 'user', userId: message.causedBy },
    activity: { text, summary: text.slice(0, 300) },
    subject: { type: NOTICE_SUBJECT, id: createHash('sha256').update(message.id).digest('hex').slice(0, 40), ...(forum === undefined ? {} : { forumId: forum.id }) },
  });
}
