import type { Picture } from '../domain/picture/picture';
import type { Period } from '../domain/picture/months';
import { shownText, type Shown } from '../domain/picture/small-numbers';
import { adaptiveCard, asText, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';

/** The words of the key-figures card, in one language. */
export interface PictureFiguresTexts {
  lang: CardLang;
  title: string;
  /** "jan.–jun. 2026 mod jul.–dec. 2025". */
  periods: (current: string, previous: string) => string;
  monthName: (month: string) => string;
  columns: { figure: string; current: string; previous: string };
  figures: {
    raised: string;
    ackMedian: string;
    ackInTime: string;
    decisionMedian: string;
    autoEscalations: string;
    decisionsSent: string;
    decisionsRead: string;
    itemsOpened: string;
    itemsDoneOnTime: string;
    itemsDoneLate: string;
    itemsOverdue: string;
    meetingsHeld: string;
  };
  hours: (n: string) => string;
  percent: (n: string) => string;
  /** Shown where a figure rests on fewer than 3 cases. */
  tooFew: string;
  /** Said when sensitive fora count in the totals only, for this reader. */
  sealed: (count: number) => string;
  smallNumbers: string;
}

const number = (n: number, lang: CardLang): string => n.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB');

function periodText(period: Period, t: PictureFiguresTexts): string {
  return `${t.monthName(period.from)} – ${t.monthName(period.to)}`;
}

/** One row: the figure's name, this period, the one before. */
function row(name: string, current: string, previous: string): CardElement {
  return {
    type: 'ColumnSet',
    columns: [
      { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: name, wrap: true }] },
      { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: current, weight: 'Bolder', horizontalAlignment: 'Right' }] },
      { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: previous, isSubtle: true, horizontalAlignment: 'Right' }] },
    ],
  };
}

/**
 * The picture's key figures for a period against the one before. Counts follow the small-number rule
 * (the picture gives them as "under 3"); times and shares are absent below 3 cases and say so.
 */
export function pictureFiguresCard(picture: Picture, t: PictureFiguresTexts): AdaptiveCard {
  return adaptiveCard(t.lang, figureBlocks(picture, t));
}

function figureBlocks(picture: Picture, t: PictureFiguresTexts): CardElement[] {
  const lang = t.lang;
  const count = (v: Shown): string => shownText(v, lang);
  const plain = (n: number): string => number(n, lang);
  const hours = (h: number | undefined): string => (h === undefined ? t.tooFew : t.hours(number(h, lang)));
  const percent = (p: number | undefined): string => (p === undefined ? t.tooFew : t.percent(number(p, lang)));
  const { acknowledgement: ack, decision, decisions, actionItems: items, meetings } = picture;
  const f = t.figures;
  const rows: CardElement[] = [
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: t.columns.figure, weight: 'Bolder' }] },
        { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: t.columns.current, weight: 'Bolder' }] },
        { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: t.columns.previous, weight: 'Bolder' }] },
      ],
    },
    row(f.raised, count(picture.raised.current), count(picture.raised.previous)),
    row(f.ackMedian, hours(ack.current.medianHours), hours(ack.previous.medianHours)),
    row(f.ackInTime, percent(ack.current.inTimeShare), percent(ack.previous.inTimeShare)),
    row(f.decisionMedian, hours(decision.current.medianHours), hours(decision.previous.medianHours)),
    row(f.autoEscalations, count(picture.autoEscalations.current), count(picture.autoEscalations.previous)),
    row(f.decisionsSent, count(decisions.current.sent), count(decisions.previous.sent)),
    row(f.decisionsRead, percent(decisions.current.readShare), percent(decisions.previous.readShare)),
    row(f.itemsOpened, plain(items.current.opened), plain(items.previous.opened)),
    row(f.itemsDoneOnTime, plain(items.current.doneOnTime), plain(items.previous.doneOnTime)),
    row(f.itemsDoneLate, plain(items.current.doneLate), plain(items.previous.doneLate)),
    row(f.itemsOverdue, plain(items.current.overdue), plain(items.previous.overdue)),
    row(f.meetingsHeld, plain(meetings.current.held), plain(meetings.previous.held)),
  ];
  const notes = [t.smallNumbers, ...(picture.sealedForumIds.length > 0 ? [t.sealed(picture.sealedForumIds.length)] : [])];
  return [
    heading(t.title),
    paragraph(t.periods(periodText(picture.period, t), periodText(picture.previousPeriod, t)), { isSubtle: true, spacing: 'None' }),
    ...rows,
    ...notes.map((n) => paragraph(n, { isSubtle: true, size: 'Small' })),
  ];
}

/** The words the report card adds to the key figures. */
export interface PictureReportTexts {
  title: (forumName: string) => string;
  chartAlt: string;
  openChart: string;
  openWord: string;
  commentaryHeading: string;
  publishedBy: (name: string) => string;
}

export interface PictureReportView {
  forumName: string;
  /** Signed links: the chart image (linked, never inlined, so the card stays small) and the Word file. */
  chartUrl: string;
  wordUrl?: string;
  /** The analyst's commentary per section, in the order of the report; empty sections are left out. */
  commentary: readonly { title: string; text: string }[];
  publishedBy?: string;
}

/** The half-yearly report for the Lokalråd's channel: key figures, one chart image and the analyst's commentary. */
export function pictureReportCard(picture: Picture, t: PictureFiguresTexts, r: PictureReportTexts, view: PictureReportView): AdaptiveCard {
  const [, ...figures] = figureBlocks(picture, t);
  const commentary = view.commentary.filter((c) => c.text.trim() !== '');
  return adaptiveCard(
    t.lang,
    [
      heading(r.title(asText(view.forumName))),
      ...figures,
      { type: 'Image', url: view.chartUrl, altText: r.chartAlt, size: 'Stretch' },
      ...(commentary.length === 0 ? [] : [paragraph(r.commentaryHeading, { weight: 'Bolder', size: 'Medium' })]),
      ...commentary.flatMap((c) => [paragraph(c.title, { weight: 'Bolder' }), paragraph(asText(c.text), { spacing: 'None' })]),
      ...(view.publishedBy === undefined ? [] : [paragraph(r.publishedBy(asText(view.publishedBy)), { isSubtle: true, size: 'Small' })]),
    ],
    [{ type: 'Action.OpenUrl', title: r.openChart, url: view.chartUrl }, ...(view.wordUrl === undefined ? [] : [{ type: 'Action.OpenUrl', title: r.openWord, url: view.wordUrl }])],
  );
}
