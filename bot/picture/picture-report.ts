import { pictureReportCard } from '../../cards/picture-figures.card';
import type { Period } from '../../domain/picture/months';
import { DomainError } from '../../domain/shared/domain-error';
import { audit } from '../core/audit';
import { cardMessage } from '../core/card-message';
import type { BotServices } from '../core/services';
import type { Lang } from '../i18n';
import { linkKeyring } from '../signed-links';
import { PICTURE_CHART_PATH, PICTURE_DOCX_PATH, signedPicturePath } from './picture-link';
import { pictureForForum } from './picture-view';
import { pictureTexts } from './picture.texts';

export interface ReportPublication {
  forumId: string;
  period: Period;
  actorId: string;
  actorName?: string;
  commentary: readonly { title: string; text: string }[];
  /** Offer the Word report (with the commentary) behind a signed link on the card. */
  withWord?: boolean;
  /**
   * The outbox key: the same key enqueues once, however often it is published (default: one per
   * moment, for a report sent again on purpose).
   */
  idempotencyKey?: string;
}

/** The report card as the forum's channel will show it, with its signed links. */
export async function reportCardFor(services: BotServices, lang: Lang, p: ReportPublication) {
  const forum = await services.fora.findById(p.forumId);
  if (forum === undefined) throw new DomainError('PICTURE.NO_LOKALRAAD');
  const ring = linkKeyring(services.config.linkKeys);
  const now = services.clock.now();
  const base = services.config.publicUrl.replace(/\/$/, '');
  const link = { forumId: forum.id, period: p.period };
  const picture = await pictureForForum(services, forum.id, p.period);
  const t = pictureTexts[lang];
  const card = pictureReportCard(picture, { ...t.figures, monthName: t.labels.monthName }, t.report, {
    forumName: forum.name,
    chartUrl: base + signedPicturePath(ring, PICTURE_CHART_PATH, link, now),
    ...(p.withWord === true ? { wordUrl: base + signedPicturePath(ring, PICTURE_DOCX_PATH, link, now) } : {}),
    commentary: p.commentary,
    ...(p.actorName === undefined ? {} : { publishedBy: p.actorName }),
  });
  return { forum, card };
}

/**
 * Posts the report card in the forum's channel through the outbox (delivered once Teams accepts it).
 * A forum without a channel is refused before anything is queued.
 */
export async function publishPictureReport(services: BotServices, lang: Lang, p: ReportPublication): Promise<{ forumName: string; messageId: string; created: boolean }> {
  const { forum, card } = await reportCardFor(services, lang, p);
  if (forum.teams === undefined) throw new DomainError('PICTURE.NO_CHANNEL');
  const at = services.clock.now().toISOString();
  const messageId = p.idempotencyKey ?? `picture:${forum.id}:${p.period.from}:${at}`;
  const { created } = await services.outbox.enqueue({
    idempotencyKey: messageId,
    recipient: { kind: 'conversation', conversationId: forum.teams.conversationId },
    activity: cardMessage(pictureTexts[lang].report.summary, card),
    subject: { type: 'picture', id: p.period.from, forumId: forum.id },
    causedBy: p.actorId,
  });
  // A second call with the same key queued nothing: it was published (and audited) by the first.
  if (!created) return { forumName: forum.name, messageId, created };
  await audit(services, { forumId: forum.id, actorId: p.actorId, action: 'picture.published', subject: `picture ${p.period.from}–${p.period.to}`, after: { sections: p.commentary.filter((c) => c.text.trim() !== '').length } });
  return { forumName: forum.name, messageId, created };
}
