import { agendaCard } from '../../cards/agenda.card';
import type { Agenda } from '../../domain/agendas/agenda';
import type { Forum } from '../../domain/fora/forum';
import type { OutboxRecipient } from '../../domain/outbox/outbox-message';
import type { BotServices } from '../core/services';
import { proactiveTexts, updateAgenda } from './agenda-context';
import { cardMessage } from '../core/card-message';

export const channelOf = (forum: Forum): OutboxRecipient | undefined =>
  forum.teams === undefined ? undefined : { kind: 'conversation', conversationId: forum.teams.conversationId };

/**
 * Brings the agenda card in the forum's channel up to the agenda's revision: the first publication
 * is a new post, every later revision replaces that post in place. Idempotent (keys per revision);
 * when the first post is not delivered yet the update waits for the job's next run.
 */
export async function syncAgendaPost(services: BotServices, forum: Forum, agenda: Agenda, causedBy: string): Promise<void> {
  const recipient = channelOf(forum);
  if (agenda.state !== 'published' || recipient === undefined || agenda.postedRevision === agenda.revision) return;
  const texts = proactiveTexts(services);
  const card = agendaCard(texts.agenda, { forumName: forum.name, agenda, timeZone: services.config.timeZone });
  const activity = cardMessage(texts.summaries.agenda(forum.name), card);
  const subject = { type: 'agenda', id: agenda.id, forumId: forum.id };
  if (agenda.postedRevision === undefined) {
    await services.outbox.enqueue({ idempotencyKey: `agenda:${agenda.id}:post`, recipient, activity, subject, causedBy });
  } else {
    const delivery = await services.outbox.findDelivery('agenda', agenda.id, recipient);
    if (delivery === undefined) return;
    await services.outbox.enqueue({
      idempotencyKey: `agenda:${agenda.id}:post:r${agenda.revision}`,
      recipient,
      activity,
      subject,
      causedBy,
      operation: { kind: 'update', activityId: delivery.activityId },
    });
  }
  await updateAgenda(services, agenda, (current) =>
    current.revision === agenda.revision && (current.postedRevision ?? -1) < agenda.revision ? { ...current, postedRevision: agenda.revision } : undefined,
  );
}
