import { adaptiveCard, asText, executeAction, heading, noticeBlock, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';
import { textField } from './form-fields';

/** The analyst's verbs: open the commentary card, save the draft, ask to publish, publish. */
export const PICTURE_COMMENTARY_VERBS = {
  open: 'picture.commentary.open',
  save: 'picture.commentary.save',
  confirm: 'picture.commentary.confirm',
  publish: 'picture.commentary.publish',
} as const;

export interface PictureCommentaryTexts {
  lang: CardLang;
  title: (period: string) => string;
  intro: (lokalraad: string) => string;
  figuresHeading: string;
  commentaryLabel: (section: string) => string;
  placeholder: string;
  save: string;
  publish: string;
  lastEdited: (name: string, at: string) => string;
  publishedLine: (name: string, at: string) => string;
  noCommentary: string;
  confirmTitle: string;
  confirmText: (lokalraad: string) => string;
  confirmYes: string;
  back: string;
}

export interface CommentarySectionView {
  /** The input's id (the section). */
  id: string;
  title: string;
  /** The section's key figures, this half-year against the one before. */
  facts: readonly { title: string; value: string }[];
  text?: string;
}

export interface PictureCommentaryView {
  period: { from: string; to: string };
  periodText: string;
  lokalraad: string;
  sections: readonly CommentarySectionView[];
  max: number;
  lastEdit?: { name: string; at: string };
  published?: { name: string; at: string };
  notice?: { text: string; tone: 'good' | 'warning' | 'neutral' };
}

const periodData = (view: Pick<PictureCommentaryView, 'period'>) => ({ from: view.period.from, to: view.period.to });

/** One section: its key figures beside the commentary (or the commentary as published). */
function sectionBlock(t: PictureCommentaryTexts, view: PictureCommentaryView, section: CommentarySectionView): CardElement {
  const figures: CardElement = { type: 'FactSet', facts: section.facts.map((f) => ({ title: f.title, value: f.value })) };
  const writing = view.published === undefined;
  const commentary: CardElement[] = writing
    ? [textField(t.lang, { id: section.id, label: t.commentaryLabel(section.title), max: view.max, multiline: true, placeholder: t.placeholder, ...(section.text === undefined ? {} : { value: section.text }) })]
    : [paragraph(t.commentaryLabel(section.title), { weight: 'Bolder' }), paragraph(section.text === undefined ? t.noCommentary : asText(section.text), { spacing: 'None', ...(section.text === undefined ? { isSubtle: true } : {}) })];
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      paragraph(section.title, { weight: 'Bolder', size: 'Medium' }),
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 2, items: [paragraph(t.figuresHeading, { isSubtle: true, size: 'Small' }), figures] },
          { type: 'Column', width: 3, items: commentary },
        ],
      },
    ],
  };
}

/**
 * The analyst's card for one half-year: per section its key figures and a multiline commentary,
 * "Gem kladde" and "Offentliggør til Lokalrådet" (which asks first). Once published, the same
 * card shows the commentary as sent, without inputs.
 */
export function pictureCommentaryCard(t: PictureCommentaryTexts, view: PictureCommentaryView): AdaptiveCard {
  const status = view.published !== undefined ? t.publishedLine(asText(view.published.name), view.published.at) : view.lastEdit === undefined ? undefined : t.lastEdited(asText(view.lastEdit.name), view.lastEdit.at);
  const body: CardElement[] = [
    ...(view.notice === undefined ? [] : [noticeBlock(view.notice.text, view.notice.tone)]),
    heading(t.title(view.periodText)),
    paragraph(t.intro(asText(view.lokalraad)), { isSubtle: true, spacing: 'None' }),
    ...(status === undefined ? [] : [paragraph(status, { size: 'Small', isSubtle: true })]),
    ...view.sections.map((s) => sectionBlock(t, view, s)),
  ];
  const actions = view.published === undefined ? [executeAction(t.save, PICTURE_COMMENTARY_VERBS.save, periodData(view)), executeAction(t.publish, PICTURE_COMMENTARY_VERBS.confirm, periodData(view), { style: 'positive' })] : [];
  return adaptiveCard(t.lang, body, actions);
}

/** "Offentliggør til Lokalrådet?": the draft is saved; yes publishes it, back returns to the commentary. */
export function pictureConfirmCard(t: PictureCommentaryTexts, view: Pick<PictureCommentaryView, 'period' | 'periodText' | 'lokalraad'>): AdaptiveCard {
  return adaptiveCard(
    t.lang,
    [heading(t.confirmTitle), paragraph(t.title(view.periodText), { weight: 'Bolder' }), paragraph(t.confirmText(asText(view.lokalraad)))],
    [executeAction(t.confirmYes, PICTURE_COMMENTARY_VERBS.publish, periodData(view), { style: 'positive' }), executeAction(t.back, PICTURE_COMMENTARY_VERBS.open, periodData(view))],
  );
}

export interface PictureReminderTexts {
  title: (half: string) => string;
  text: (lokalraad: string) => string;
  open: string;
}

/** The half-yearly reminder to the analyst, with the button that opens the commentary card. */
export function pictureReminderCard(lang: CardLang, t: PictureReminderTexts, view: { half: string; lokalraad: string; period: { from: string; to: string } }): AdaptiveCard {
  return adaptiveCard(lang, [heading(t.title(view.half)), paragraph(t.text(asText(view.lokalraad)))], [executeAction(t.open, PICTURE_COMMENTARY_VERBS.open, periodData(view), { style: 'positive' })]);
}
