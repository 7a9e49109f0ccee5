import { formatDateTime } from '../../cards/dates';
import { pictureCommentaryCard, pictureConfirmCard, type CommentarySectionView, type PictureCommentaryView } from '../../cards/picture-commentary.card';
import { findPictureDesk, type PictureDesk } from '../../domain/picture/analyst';
import { monthOf, type Period } from '../../domain/picture/months';
import type { Picture } from '../../domain/picture/picture';
import { commentaryFrom, PICTURE_SECTIONS, published, withCommentary, type Commentary, type ReportDraft, type ReportEdit } from '../../domain/picture/report-draft';
import { shownText, type Shown } from '../../domain/picture/small-numbers';
import { DomainError } from '../../domain/shared/domain-error';
import { AlreadyExistsError, ConcurrencyError } from '../../domain/shared/repository-errors';
import { TEXT_LIMITS } from '../../domain/shared/text-limits';
import { audit } from '../core/audit';
import type { BotServices } from '../core/services';
import type { Lang } from '../i18n';
import { whyNotDelivered } from '../outbox/outbox-status.text';
import { settledMessage } from '../reach/delivery-report';
import { commentaryTexts } from './commentary.texts';
import { publishPictureReport } from './picture-report';
import { pictureForForum } from './picture-view';
import { chartLabels, pictureTexts } from './picture.texts';

/** Who acts, as the draft records them. */
export interface Analyst {
  userId: string;
  name: string;
}

/** The desk (the Lokalråd and its analysts); refused when the registry has none. */
export async function pictureDesk(services: BotServices): Promise<PictureDesk> {
  const desk = await findPictureDesk(services);
  if (desk === undefined) throw new DomainError('PICTURE.NO_DESK');
  return desk;
}

/** The outbox key of a report's post: one per Lokalråd and period, so publishing twice posts once. */
export const reportMessageId = (forumId: string, period: Period): string => `picture:${forumId}:${period.from}_${period.to}:report`;

/** Each section's key figures as "this half-year (the one before)", in the reader's language. */
function sectionFacts(picture: Picture, lang: Lang, areas: readonly { id: string; name: string }[]): Record<(typeof PICTURE_SECTIONS)[number], { title: string; value: string }[]> {
  const t = pictureTexts[lang];
  const f = t.figures.figures;
  const c = commentaryTexts[lang].figures;
  const locale = lang === 'da' ? 'da-DK' : 'en-GB';
  const count = (v: Shown): string => shownText(v, lang);
  const plain = (n: number): string => n.toLocaleString(locale);
  const hours = (h: number | undefined): string => (h === undefined ? t.figures.tooFew : t.figures.hours(h.toLocaleString(locale)));
  const percent = (p: number | undefined): string => (p === undefined ? t.figures.tooFew : t.figures.percent(p.toLocaleString(locale)));
  const both = <T>(title: string, v: { current: T; previous: T }, show: (x: T) => string) => ({ title, value: c.before(show(v.current), show(v.previous)) });
  const labels = chartLabels(lang, areas);
  const rows = (list: Picture['byCategory'], name: (id: string) => string) => list.map((r) => ({ title: name(r.id), value: c.before(count(r.current), count(r.previous)) }));
  const all = picture.circulation.find((x) => x.forumId === '*');
  return {
    cases: [both(f.raised, picture.raised, count), ...rows(picture.byCategory, (id) => labels.categories[id as keyof typeof labels.categories] ?? id)],
    levels: [...rows(picture.byLevel, (id) => labels.levels[id as keyof typeof labels.levels] ?? id), ...rows(picture.byArea, labels.areaName)],
    times: [
      both(f.ackMedian, picture.acknowledgement, (s) => hours(s.medianHours)),
      both(f.ackInTime, picture.acknowledgement, (s) => percent(s.inTimeShare)),
      both(f.decisionMedian, picture.decision, (s) => hours(s.medianHours)),
      both(f.autoEscalations, picture.autoEscalations, count),
    ],
    decisions: [
      both(f.decisionsSent, picture.decisions, (d) => count(d.sent)),
      both(f.decisionsRead, picture.decisions, (d) => percent(d.readShare)),
      both(f.itemsOpened, picture.actionItems, (a) => plain(a.opened)),
      both(f.itemsDoneOnTime, picture.actionItems, (a) => plain(a.doneOnTime)),
      both(f.itemsDoneLate, picture.actionItems, (a) => plain(a.doneLate)),
      both(f.itemsOverdue, picture.actionItems, (a) => plain(a.overdue)),
    ],
    cooperation: [both(f.meetingsHeld, picture.meetings, (m) => plain(m.held)), { title: c.allCirculation, value: all?.rate === undefined ? c.circulationNone : percent(all.rate) }],
  };
}

/**
 * The analyst's card for a period: the key figures as the Lokalråd will see them, beside the
 * stored commentary (or, for a form given back, the inputs are refilled by `formAction`).
 */
export async function commentaryCardFor(services: BotServices, lang: Lang, period: Period, notice?: PictureCommentaryView['notice']) {
  const desk = await pictureDesk(services);
  const [forum, draft, picture] = await Promise.all([services.fora.findById(desk.lokalraadId), services.pictureReports.find(desk.lokalraadId, period), pictureForForum(services, desk.lokalraadId, period)]);
  const t = commentaryTexts[lang];
  const facts = sectionFacts(picture, lang, forum?.areas ?? []);
  const at = (iso: string): string => formatDateTime(iso, lang, services.config.timeZone);
  const sections: CommentarySectionView[] = PICTURE_SECTIONS.map((id) => ({ id, title: t.sections[id], facts: facts[id], ...(draft?.commentary[id] === undefined ? {} : { text: draft.commentary[id] }) }));
  const last = draft?.edits.at(-1);
  const monthName = pictureTexts[lang].labels.monthName;
  return pictureCommentaryCard(t.card, {
    period,
    periodText: `${t.half(period)} (${monthName(period.from)} – ${monthName(period.to)})`,
    lokalraad: forum?.name ?? desk.lokalraadId,
    sections,
    max: TEXT_LIMITS.pictureCommentary,
    ...(last === undefined ? {} : { lastEdit: { name: last.name, at: at(last.at) } }),
    ...(draft?.published === undefined ? {} : { published: { name: draft.published.name, at: at(draft.published.at) } }),
    ...(notice === undefined ? {} : { notice }),
  });
}

/** Writes a change to the draft, re-read and re-applied when someone else wrote in between. */
async function changeDraft(services: BotServices, desk: PictureDesk, period: Period, change: (current: ReportDraft | undefined) => ReportDraft): Promise<{ before: ReportDraft | undefined; saved: ReportDraft }> {
  for (let attempt = 0; ; attempt++) {
    const before = await services.pictureReports.find(desk.lokalraadId, period);
    try {
      return { before, saved: await services.pictureReports.save(change(before)) };
    } catch (error) {
      if (attempt < 4 && (error instanceof ConcurrencyError || error instanceof AlreadyExistsError)) continue;
      throw error;
    }
  }
}

/** A half-year is published once it is over (its last month has ended, in Copenhagen). */
function assertPeriodOver(services: BotServices, period: Period): void {
  if (period.to >= monthOf(services.clock.now())) throw new DomainError('PICTURE.PERIOD_NOT_OVER', { to: period.to });
}

const editOf = (services: BotServices, who: Analyst): ReportEdit => ({ userId: who.userId, name: who.name, at: services.clock.now().toISOString() });

/** Saves the typed commentary as the draft: every section checked first, nothing written if one is refused. */
export async function saveCommentary(services: BotServices, who: Analyst, period: Period, values: Readonly<Record<string, unknown>>): Promise<ReportDraft> {
  const commentary = commentaryFrom(values);
  const desk = await pictureDesk(services);
  const { before, saved } = await changeDraft(services, desk, period, (current) => withCommentary(current, desk.lokalraadId, period, commentary, editOf(services, who)));
  const changed = PICTURE_SECTIONS.filter((s) => (before?.commentary[s] ?? '') !== (saved.commentary[s] ?? ''));
  if (changed.length > 0) {
    await audit(services, { forumId: desk.lokalraadId, actorId: who.userId, action: 'picture.commentary.saved', subject: `picture ${period.from}–${period.to}`, before: pick(before?.commentary ?? {}, changed), after: pick(saved.commentary, changed) });
  }
  return saved;
}

const pick = (commentary: Commentary, sections: readonly string[]) => Object.fromEntries(sections.map((s) => [s, commentary[s as keyof Commentary] ?? '']));

/** The confirmation, after saving what is typed (so "Tilbage" finds it again). */
export async function confirmCardFor(services: BotServices, lang: Lang, who: Analyst, period: Period, values: Readonly<Record<string, unknown>>) {
  // What would refuse the publication refuses before anything is saved, so the form comes back as typed.
  assertPeriodOver(services, period);
  const desk = await pictureDesk(services);
  const forum = await services.fora.findById(desk.lokalraadId);
  if (forum?.teams === undefined) throw new DomainError('PICTURE.NO_CHANNEL');
  await saveCommentary(services, who, period, values);
  const t = commentaryTexts[lang];
  return pictureConfirmCard(t.card, { period, periodText: t.half(period), lokalraad: forum.name });
}

export type PublishOutcome = { kind: 'already'; draft: ReportDraft } | { kind: 'published'; draft: ReportDraft; forumName: string; messageId: string };

/**
 * Publishes the stored draft: the report card (commentary, chart and Word document behind signed
 * links) goes to the Lokalråd's channel through the outbox under one key per period, then the draft
 * is marked published. A second publish finds it published (or the key taken) and posts nothing.
 */
export async function publishCommentary(services: BotServices, lang: Lang, who: Analyst, period: Period): Promise<PublishOutcome> {
  const desk = await pictureDesk(services);
  const current = await services.pictureReports.find(desk.lokalraadId, period);
  if (current?.status === 'published') return { kind: 'already', draft: current };
  assertPeriodOver(services, period);
  const t = commentaryTexts[lang];
  const commentary = PICTURE_SECTIONS.map((s) => ({ title: t.sections[s], text: current?.commentary[s] ?? '' }));
  const messageId = reportMessageId(desk.lokalraadId, period);
  const { forumName } = await publishPictureReport(services, lang, { forumId: desk.lokalraadId, period, actorId: who.userId, actorName: who.name, commentary, withWord: true, idempotencyKey: messageId });
  const edit = editOf(services, who);
  const { saved } = await changeDraft(services, desk, period, (latest) =>
    // Someone published in between: their record stands.
    latest?.status === 'published' ? latest : published(latest ?? withCommentary(undefined, desk.lokalraadId, period, {}, edit), edit),
  );
  if (saved.published?.userId !== who.userId || saved.published.at !== edit.at) return { kind: 'already', draft: saved };
  return { kind: 'published', draft: saved, forumName, messageId };
}

/** What to tell the analyst: counted when Teams accepted the post, not when it was queued. */
export async function publishedNotice(services: BotServices, lang: Lang, outcome: PublishOutcome): Promise<{ text: string; tone: 'good' | 'warning' | 'neutral' }> {
  const t = commentaryTexts[lang].notices;
  if (outcome.kind === 'already') {
    const p = outcome.draft.published;
    return { text: t.already(p === undefined ? '' : formatDateTime(p.at, lang, services.config.timeZone), p?.name ?? ''), tone: 'neutral' };
  }
  const post = await settledMessage(services.outbox, outcome.messageId, 3_000);
  if (post?.status === 'sent') return { text: t.delivered(outcome.forumName), tone: 'good' };
  if (post?.status === 'undeliverable' || post?.status === 'inDoubt') return { text: t.failed(outcome.forumName, whyNotDelivered(post, lang)), tone: 'warning' };
  return { text: t.onTheWay(outcome.forumName), tone: 'neutral' };
}
