import { briefingCard } from '../../cards/briefing.card';
import type { AdaptiveCard } from '../../cards/card-kit';
import { circulationInputCard, type CirculationInputView } from '../../cards/circulation-input.card';
import { CIRCULATION_STATUS_VERBS, circulationStatusCard } from '../../cards/circulation-status.card';
import type { Agenda, AgendaInput, CirculatedConsultant } from '../../domain/agendas/agenda';
import { briefingDue, isOpen, progressOf } from '../../domain/agendas/agenda.rules';
import { compileBriefing } from '../../domain/agendas/briefing';
import type { Forum } from '../../domain/fora/forum';
import { localParts } from '../../domain/meetings/zoned-time';
import type { BotServices } from '../core/services';
import type { Lang } from '../i18n';
import { proactiveLang, textsFor, updateAgenda } from './agenda-context';
import { channelOf } from './agenda-post';
import { linkKeyring } from '../signed-links';
import { briefingLink } from './briefing-links';
import { deliveryReport, type DeliveryReport } from '../reach/delivery-report';
import { deliveryTexts, NOUNS } from '../reach/delivery.texts';
import { cardMessage } from '../core/card-message';
import { inGroups } from '../core/in-groups';

type Notice = CirculationInputView['notice'];

export const today = (services: BotServices): string => localParts(services.clock.now(), services.config.timeZone).date;

/** A consultant's own card: their saved rows only, read-only after the deadline. */
export function inputCard(services: BotServices, lang: Lang, agenda: Agenda, consultantId: string, saved: readonly AgendaInput[], extra: Pick<CirculationInputView, 'notice' | 'typed' | 'noCommentsTyped'> = {}): AdaptiveCard {
  return circulationInputCard(textsFor(lang).input, {
    forumName: agenda.circulation?.forumName ?? agenda.forumId,
    agenda,
    consultantId,
    saved,
    open: agenda.circulation !== undefined && isOpen(agenda.circulation, services.clock.now()),
    timeZone: services.config.timeZone,
    ...extra,
  });
}

/** Chair and secretaries: who gets the live progress and the briefing. */
export async function leadersOf(services: BotServices, forumId: string): Promise<string[]> {
  const members = await services.members.listByForum(forumId);
  return members.filter((m) => m.roles.includes('chair') || m.roles.includes('secretary')).map((m) => m.userId);
}

/** The outbox keys of one fan-out of a circulation: the cards, one day's reminder, one briefing. */
export const fanOutPrefix = {
  cards: (agendaId: string): string => `agenda:${agendaId}:circulate:`,
  reminder: (agendaId: string, key: string): string => `agenda:${agendaId}:${key}:`,
  briefing: (agendaId: string, compiledAt: string): string => `agenda:${agendaId}:briefing:${compiledAt}:`,
};

/** Who really got their circulation card: delivered, on its way, not reachable yet (why), in doubt. */
export async function circulationDelivery(services: BotServices, lang: Lang, agenda: Agenda, settleMs = 0): Promise<DeliveryReport | undefined> {
  const circulation = agenda.circulation;
  if (circulation === undefined) return undefined;
  const names = new Map((circulation.consultants ?? []).map((c) => [c.userId, c.name]));
  return deliveryReport({
    outbox: services.outbox,
    fanOut: [{ subject: { type: 'agenda-input', id: agenda.id }, idPrefix: fanOutPrefix.cards(agenda.id) }],
    people: circulation.consultantIds.map((userId) => ({ userId, name: names.get(userId) ?? userId })),
    lang,
    noun: NOUNS.consultants[lang],
    resend: { verb: CIRCULATION_STATUS_VERBS.resend, data: { forumId: agenda.forumId, agendaId: agenda.id } },
    ...appLinkOf(services),
    settleMs,
  });
}

/** Where people open Forumbot: the Teams deep link to the app, when its id is known. */
export const appLinkOf = (services: BotServices): { appLink?: string } =>
  services.config.credentials?.appId === undefined ? {} : { appLink: `https://teams.microsoft.com/l/app/${services.config.credentials.appId}` };

/**
 * The progress card. For chair and secretaries (`forLeaders`: the refresh and their own clicks) it
 * also shows who really got their card; the copy everyone in the channel sees does not.
 */
export async function statusCard(services: BotServices, lang: Lang, forum: Forum, agenda: Agenda, notice?: Notice, options: { forLeaders?: boolean } = {}): Promise<AdaptiveCard> {
  const [inputs, viewers, delivery] = await Promise.all([
    services.agendaInputs.listByAgenda(agenda.id),
    leadersOf(services, forum.id),
    options.forLeaders === true ? circulationDelivery(services, lang, agenda) : Promise.resolve(undefined),
  ]);
  const circulation = agenda.circulation;
  return circulationStatusCard(textsFor(lang).status, {
    ...(delivery === undefined ? {} : { delivery: { view: delivery.section, text: deliveryTexts[lang] } }),
    forumName: forum.name,
    agenda,
    progress: circulation === undefined ? { total: 0, answered: 0, missing: [] } : progressOf(circulation, inputs),
    open: circulation !== undefined && isOpen(circulation, services.clock.now()),
    timeZone: services.config.timeZone,
    viewerIds: viewers,
    ...(notice === undefined ? {} : { notice }),
  });
}

/** Sends each consultant on the list their card (idempotent per consultant), then marks it done. */
export async function queueConsultantCards(services: BotServices, agenda: Agenda, causedBy: string): Promise<void> {
  const circulation = agenda.circulation;
  if (circulation === undefined || circulation.cardsQueuedAt !== undefined) return;
  const lang = proactiveLang(services);
  const texts = textsFor(lang);
  await inGroups(circulation.consultantIds, 20, (userId) =>
    services.outbox.enqueue({
      idempotencyKey: `${fanOutPrefix.cards(agenda.id)}${userId}`,
      recipient: { kind: 'user', userId },
      // Someone not reachable yet gets it once they are, until the deadline.
      openUntil: circulation.deadline,
      activity: cardMessage(texts.summaries.circulation(circulation.forumName ?? ''), inputCard(services, lang, agenda, userId, [])),
      subject: { type: 'agenda-input', id: agenda.id, forumId: agenda.forumId },
      causedBy,
    }),
  );
  const at = services.clock.now().toISOString();
  await updateAgenda(services, agenda, (current) =>
    current.circulation === undefined || current.circulation.cardsQueuedAt !== undefined ? undefined : { ...current, circulation: { ...current.circulation, cardsQueuedAt: at } },
  );
}

/** A reminder card to each consultant who has not answered; `key` makes each one happen once. */
export async function remind(services: BotServices, agenda: Agenda, missing: readonly CirculatedConsultant[], key: string, causedBy: string): Promise<void> {
  const lang = proactiveLang(services);
  const texts = textsFor(lang);
  const forumName = agenda.circulation?.forumName ?? '';
  await inGroups(missing, 20, (consultant) =>
    services.outbox.enqueue({
      idempotencyKey: `${fanOutPrefix.reminder(agenda.id, key)}${consultant.userId}`,
      openUntil: agenda.circulation?.deadline,
      recipient: { kind: 'user', userId: consultant.userId },
      activity: cardMessage(texts.summaries.reminder(forumName), inputCard(services, lang, agenda, consultant.userId, [], { notice: { text: texts.notices.reminder, tone: 'warning' } })),
      subject: { type: 'agenda-input', id: agenda.id, forumId: agenda.forumId },
      causedBy,
    }),
  );
}

/** The briefing card for one viewer, with download links made for them. */
export async function briefingCardFor(services: BotServices, lang: Lang, forum: Forum, agenda: Agenda, viewerId: string, isChair: boolean, notice?: string): Promise<AdaptiveCard> {
  const [inputs, members] = await Promise.all([services.agendaInputs.listByAgenda(agenda.id), services.members.listByForum(forum.id)]);
  const ring = linkKeyring(services.config.linkKeys);
  const now = services.clock.now();
  const claims = { forumId: forum.id, agendaId: agenda.id, userId: viewerId };
  const shared = new Set(agenda.circulation?.sharedWith ?? []);
  return briefingCard(textsFor(lang).briefing, {
    forumName: forum.name,
    briefing: compileBriefing(agenda, inputs),
    timeZone: services.config.timeZone,
    viewerId,
    links: { docx: briefingLink(services.config.publicUrl, ring, claims, 'docx', now), markdown: briefingLink(services.config.publicUrl, ring, claims, 'md', now) },
    ...(isChair
      ? { shareChoices: members.filter((m) => !m.roles.includes('chair') && !m.roles.includes('secretary') && !shared.has(m.userId)).map((m) => ({ userId: m.userId, name: m.displayName })) }
      : {}),
    sharedWithNames: members.filter((m) => shared.has(m.userId)).map((m) => m.displayName),
    ...(notice === undefined ? {} : { notice }),
  });
}

/** Marks the briefing compiled now and sends it to chair, secretaries and those it is shared with. */
export async function compileAndSend(services: BotServices, forum: Forum, agenda: Agenda, causedBy: string | undefined, options: { final?: boolean } = {}): Promise<Agenda> {
  const at = services.clock.now().toISOString();
  // The final briefing (the job, after the deadline) is compiled once, whichever instance gets there
  // first: the others find it stored, use its time, and so its outbox keys.
  const saved = await updateAgenda(services, agenda, (current) => {
    const circulation = current.circulation;
    if (circulation === undefined) return undefined;
    if (options.final === true && !briefingDue(circulation, new Date(at))) return undefined;
    return { ...current, circulation: { ...circulation, briefingCompiledAt: at } };
  });
  const compiledAt = saved.circulation?.briefingCompiledAt ?? at;
  const members = await services.members.listByForum(forum.id);
  const recipients = [
    ...members.filter((m) => m.roles.includes('chair') || m.roles.includes('secretary')).map((m) => ({ userId: m.userId, isChair: m.roles.includes('chair') })),
    ...(saved.circulation?.sharedWith ?? []).map((userId) => ({ userId, isChair: false })),
  ];
  const lang = proactiveLang(services);
  const texts = textsFor(lang);
  for (const recipient of recipients) {
    await services.outbox.enqueue({
      idempotencyKey: `${fanOutPrefix.briefing(agenda.id, compiledAt)}${recipient.userId}`,
      recipient: { kind: 'user', userId: recipient.userId },
      activity: cardMessage(texts.summaries.briefing(forum.name), await briefingCardFor(services, lang, forum, saved, recipient.userId, recipient.isChair)),
      subject: { type: 'agenda-briefing', id: agenda.id, forumId: forum.id },
      ...(causedBy === undefined ? {} : { causedBy }),
    });
  }
  return saved;
}

/** Posts the progress card in the forum's channel (once). */
export async function postStatusCard(services: BotServices, forum: Forum, agenda: Agenda, causedBy: string): Promise<void> {
  const recipient = channelOf(forum);
  if (recipient === undefined) return;
  const lang = proactiveLang(services);
  await services.outbox.enqueue({
    idempotencyKey: `agenda:${agenda.id}:circulation`,
    recipient,
    activity: cardMessage(textsFor(lang).summaries.status(forum.name), await statusCard(services, lang, forum, agenda)),
    subject: { type: 'agenda-circulation', id: agenda.id, forumId: forum.id },
    causedBy,
  });
}

/**
 * Keeps the progress card in the channel current for everyone who sees it (the card's refresh only
 * serves chair and secretaries): when the count of answers moved, the posted card is replaced.
 * Idempotent: one outbox key per agenda and count; the count shown is stored with a conditional write.
 */
export async function syncStatusCard(services: BotServices, forum: Forum, agenda: Agenda): Promise<void> {
  const recipient = channelOf(forum);
  const circulation = agenda.circulation;
  if (recipient === undefined || circulation === undefined) return;
  const progress = progressOf(circulation, await services.agendaInputs.listByAgenda(agenda.id));
  if (progress.answered === (circulation.shownAnswered ?? 0)) return;
  const delivery = await services.outbox.findDelivery('agenda-circulation', agenda.id, recipient);
  if (delivery === undefined) return;
  const lang = proactiveLang(services);
  await services.outbox.enqueue({
    idempotencyKey: `agenda:${agenda.id}:circulation:n${progress.answered}`,
    recipient,
    activity: cardMessage(textsFor(lang).summaries.status(forum.name), await statusCard(services, lang, forum, agenda)),
    subject: { type: 'agenda-circulation', id: agenda.id, forumId: forum.id },
    operation: { kind: 'update', activityId: delivery.activityId },
  });
  await updateAgenda(services, agenda, (current) =>
    current.circulation === undefined || current.circulation.shownAnswered === progress.answered
      ? undefined
      : { ...current, circulation: { ...current.circulation, shownAnswered: progress.answered } },
  );
}
