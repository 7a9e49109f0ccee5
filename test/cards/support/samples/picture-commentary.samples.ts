import { commentaryTexts } from '../../../../bot/picture/commentary.texts';
import type { CardLang } from '../../../../cards/card-kit';
import { pictureCommentaryCard, pictureConfirmCard, pictureReminderCard, type PictureCommentaryView } from '../../../../cards/picture-commentary.card';
import { PICTURE_SECTIONS } from '../../../../domain/picture/report-draft';
import { TEXT_LIMITS } from '../../../../domain/shared/text-limits';
import { sample, type CardSample } from '../sample';

const period = { from: '2026-07', to: '2026-12' };
const facts = [
  { title: 'Sager rejst', value: '16 (12)' },
  { title: 'Tendens', value: 'under 3 (4)' },
  { title: 'Tid til kvittering (median)', value: 'færre end 3 (14 t)' },
];
const view = (lang: CardLang, over: Partial<PictureCommentaryView> = {}, text?: (i: number) => string): PictureCommentaryView => ({
  period,
  periodText: `${commentaryTexts[lang].half(period)} (jul. 2026 – dec. 2026)`,
  lokalraad: 'Lokalråd',
  sections: PICTURE_SECTIONS.map((id, i) => ({ id, title: commentaryTexts[lang].sections[id], facts, ...(text === undefined ? {} : { text: text(i) }) })),
  max: TEXT_LIMITS.pictureCommentary,
  ...over,
});
// The largest realistic content: every section at its limit.
const full = () => 'Flere sager om utryghed ved stationen om aftenen; samarbejdet med boligsocialt team virker. '.repeat(60).slice(0, TEXT_LIMITS.pictureCommentary);

export const pictureCommentarySamples: readonly CardSample[] = [
  sample(pictureCommentaryCard, (lang) => ({
    'nothing written yet': pictureCommentaryCard(commentaryTexts[lang].card, view(lang)),
    'every section at its limit, saved': pictureCommentaryCard(
      commentaryTexts[lang].card,
      view(lang, { lastEdit: { name: 'Analytiker Anna', at: 'mandag 4. januar 2027 kl. 10.00' }, notice: { text: commentaryTexts[lang].notices.saved, tone: 'good' } }, full),
    ),
    published: pictureCommentaryCard(
      commentaryTexts[lang].card,
      view(lang, { published: { name: 'Analytiker Anna', at: 'tirsdag 5. januar 2027 kl. 9.00' }, notice: { text: commentaryTexts[lang].notices.delivered('Lokalråd'), tone: 'good' } }, (i) => (i % 2 === 0 ? full() : '')),
    ),
  })),
  sample(pictureConfirmCard, (lang) => ({ 'before publishing': pictureConfirmCard(commentaryTexts[lang].card, { period, periodText: commentaryTexts[lang].half(period), lokalraad: 'Lokalråd' }) })),
  sample(pictureReminderCard, (lang) => ({ 'January reminder': pictureReminderCard(lang, commentaryTexts[lang].reminder, { half: commentaryTexts[lang].half(period), lokalraad: 'Lokalråd', period }) })),
];
