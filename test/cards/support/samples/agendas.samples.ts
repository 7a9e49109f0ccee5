import { agendaTexts } from '../../../../bot/agendas/agendas.texts';
import { agendaEditorCard } from '../../../../cards/agenda-editor.card';
import { agendaCard } from '../../../../cards/agenda.card';
import { briefingCard } from '../../../../cards/briefing.card';
import type { CardLang } from '../../../../cards/card-kit';
import { circulationInputCard } from '../../../../cards/circulation-input.card';
import { circulationStatusCard } from '../../../../cards/circulation-status.card';
import { deliveryHeadline, deliveryTexts, explainDelivery, NOUNS } from '../../../../bot/reach/delivery.texts';
import { Agenda, AgendaInput } from '../../../../domain/agendas/agenda';
import { progressOf } from '../../../../domain/agendas/agenda.rules';
import { compileBriefing } from '../../../../domain/agendas/briefing';
import { sample, type CardSample } from '../sample';

const t = (lang: CardLang) => agendaTexts[lang];
const timeZone = 'Europe/Copenhagen';

const titles = [
  'Godkendelse af dagsorden',
  'Kriminalitetsudviklingen i Vestegnens Politikreds',
  'Åbningstider for barer og natklubber',
  'Tryghedsindsatsen i boligområderne',
  'Unge og bander: status fra politiet',
  'Eventuelt',
];

/** The 20 SSP consultants of the police district the Kredsråd agenda goes to. */
const consultants = Array.from({ length: 20 }, (_, i) => ({
  userId: `consultant-${i}`,
  name: `SSP-konsulent ${i + 1}`,
  forumId: i % 2 === 0 ? 'ssp-nu-u18' : 'ssp-netvaerk',
  forumName: i % 2 === 0 ? 'SSP-NU u18' : 'SSP-netværk',
}));

const kredsraad = Agenda.parse({
  id: 'agenda-kredsraad-dec',
  forumId: 'kredsraad',
  meetingStart: '2026-12-10T13:00:00Z',
  state: 'published',
  revision: 4,
  items: titles.map((title, i) => ({
    id: `item-${i}`,
    title,
    description: i === 0 || i === titles.length - 1 ? '' : 'Politiet orienterer; kommunerne drøfter, om indsatsen matcher det lokale billede.',
    presenter: i === 1 ? 'Politidirektør' : undefined,
    documentUrl: i === 2 ? 'https://ishoj.sharepoint.com/sites/kredsraad/Delte%20dokumenter/aabningstider.pdf' : undefined,
    inputWanted: i >= 1 && i <= 4,
  })),
  updatedBy: 'secretary',
  updatedByName: 'Sekretær for Kredsrådet',
  updatedAt: '2026-11-20T10:00:00Z',
  publishedAt: '2026-11-20T10:00:00Z',
  circulationEnabled: true,
  circulation: {
    deadline: '2026-12-03T15:00:00Z',
    consultantIds: consultants.map((c) => c.userId),
    consultants,
    forumIds: ['ssp-nu-u18', 'ssp-netvaerk'],
    sentAt: '2026-11-20T10:05:00Z',
    circulatedBy: 'secretary',
    sharedWith: ['mayor'],
  },
});

/** Fifteen answers, each as long as a consultant may write, on every item that wants input. */
const longText = 'Vi ser flere grupper af unge ved stationen om aftenen, og butikkerne melder om tyverier. '.repeat(45).slice(0, 4000);
const inputs = consultants.slice(0, 15).flatMap((c, n) =>
  n === 14
    ? [AgendaInput.parse({ agendaId: kredsraad.id, authorId: c.userId, authorName: c.name, authorForumId: c.forumId, text: '', noComments: true, agendaRevision: 4, savedAt: '2026-11-25T09:00:00Z' })]
    : kredsraad.items
        .filter((item) => item.inputWanted)
        .map((item) =>
          AgendaInput.parse({ agendaId: kredsraad.id, itemId: item.id, authorId: c.userId, authorName: c.name, authorForumId: c.forumId, text: n === 0 ? longText : 'Samme billede hos os.', agendaRevision: 4, savedAt: '2026-11-25T09:00:00Z' }),
        ),
);
/** All twenty answer every item with a page of text (1,500 characters): a busy Kredsråd. */
const page = 'Politiets tal matcher ikke helt det, vi ser lokalt: flere yngre drenge i grupperne, og flere episoder i weekenden. '.repeat(14).slice(0, 1500);
const busyInputs = consultants.flatMap((c) =>
  kredsraad.items
    .filter((item) => item.inputWanted)
    .map((item) => AgendaInput.parse({ agendaId: kredsraad.id, itemId: item.id, authorId: c.userId, authorName: c.name, authorForumId: c.forumId, text: page, agendaRevision: 4, savedAt: '2026-11-25T09:00:00Z' })),
);
const draft = Agenda.parse({ ...kredsraad, state: 'draft', circulation: undefined, publishedAt: undefined });
const meetings = [
  { key: 'kredsraad-2026-12-10', start: '2026-12-10T13:00:00Z', title: 'Kredsråd' },
  { key: 'kredsraad-2027-03-11', start: '2027-03-11T13:00:00Z', title: 'Kredsråd' },
];

/** Agendas: the posted agenda, the editor, the consultants' input card, the live status and the briefing. */
export const agendasSamples: readonly CardSample[] = [
  sample(agendaCard, (lang) => ({
    'published Kredsråd agenda': agendaCard(t(lang).agenda, { forumName: 'Kredsråd', agenda: kredsraad, timeZone }),
    'draft without items': agendaCard(t(lang).agenda, { forumName: 'SSP-netværk', agenda: { ...draft, items: [] }, timeZone }),
  })),
  sample(agendaEditorCard, (lang) => ({
    'new agenda': agendaEditorCard(t(lang).editor, {
      forumId: 'kredsraad',
      forumName: 'Kredsråd',
      meetings,
      timeZone,
      isChair: true,
      consultantFora: [
        { id: 'ssp-nu-u18', name: 'SSP-NU u18' },
        { id: 'ssp-netvaerk', name: 'SSP-netværk' },
      ],
      defaultConsultantForumIds: ['ssp-nu-u18'],
    }),
    'draft, chair': agendaEditorCard(t(lang).editor, {
      forumId: 'kredsraad',
      forumName: 'Kredsråd',
      agenda: draft,
      meetings,
      timeZone,
      isChair: true,
      consultantFora: [{ id: 'ssp-nu-u18', name: 'SSP-NU u18' }],
      defaultConsultantForumIds: [],
      notice: { text: t(lang).notices.itemSaved, tone: 'good' },
    }),
    'published, secretary': agendaEditorCard(t(lang).editor, {
      forumId: 'kredsraad',
      forumName: 'Kredsråd',
      agenda: kredsraad,
      meetings: [],
      timeZone,
      isChair: false,
      consultantFora: [],
      defaultConsultantForumIds: [],
    }),
  })),
  sample(circulationInputCard, (lang) => ({
    'open, nothing saved': circulationInputCard(t(lang).input, { forumName: 'Kredsråd', agenda: kredsraad, consultantId: 'consultant-19', saved: [], open: true, timeZone }),
    'open, long answers saved': circulationInputCard(t(lang).input, {
      forumName: 'Kredsråd',
      agenda: kredsraad,
      consultantId: 'consultant-0',
      saved: inputs.filter((i) => i.authorId === 'consultant-0'),
      open: true,
      timeZone,
    }),
    'closed, stale card with typed text': circulationInputCard(t(lang).input, {
      forumName: 'Kredsråd',
      agenda: kredsraad,
      consultantId: 'consultant-1',
      saved: [],
      open: false,
      timeZone,
      notice: { text: t(lang).notices.staleKept, tone: 'warning' },
      typed: { 'input.item-1': 'Det vi skrev' },
      noCommentsTyped: false,
    }),
  })),
  sample(circulationStatusCard, (lang) => ({
    'fifteen of twenty answered': circulationStatusCard(t(lang).status, {
      forumName: 'Kredsråd',
      agenda: kredsraad,
      progress: progressOf(kredsraad.circulation!, inputs),
      open: true,
      timeZone,
      viewerIds: ['chair', 'secretary'],
    }),
    'two consultants not reached yet, one in doubt': circulationStatusCard(t(lang).status, {
      forumName: 'Kredsråd',
      agenda: kredsraad,
      progress: progressOf(kredsraad.circulation!, inputs),
      open: true,
      timeZone,
      viewerIds: ['chair'],
      delivery: {
        text: deliveryTexts[lang],
        view: {
          headline: deliveryHeadline(lang, { total: 20, counts: { delivered: 17, onTheWay: 0, notReachable: 2, inDoubt: 1, failed: 0 } }, NOUNS.consultants[lang]),
          allDelivered: false,
          problems: [
            { name: 'Jonas Berg', state: 'notReachable', explanation: explainDelivery(lang, 'Jonas Berg', 'notReachable', 'UnknownRecipient', 'https://teams.microsoft.com/l/app/abc') },
            { name: 'Sara Holm', state: 'notReachable', explanation: explainDelivery(lang, 'Sara Holm', 'notReachable', 'InstallNotAllowed') },
            { name: 'Ali Demir', state: 'inDoubt', explanation: explainDelivery(lang, 'Ali Demir', 'inDoubt', undefined) },
          ],
          resend: { title: deliveryTexts[lang].resend, verb: 'delivery.resend', data: { forumId: 'kredsraad', subjectType: 'agenda-input', subjectId: kredsraad.id, fanOut: 'circulate' } },
        },
      },
    }),
    'closed, nobody answered': circulationStatusCard(t(lang).status, {
      forumName: 'Kredsråd',
      agenda: kredsraad,
      progress: progressOf(kredsraad.circulation!, []),
      open: false,
      timeZone,
      viewerIds: Array.from({ length: 60 }, (_, i) => `viewer-${i}`),
    }),
  })),
  sample(briefingCard, (lang) => ({
    'chair, every answer': briefingCard(t(lang).briefing, {
      forumName: 'Kredsråd',
      briefing: compileBriefing(kredsraad, inputs),
      timeZone,
      viewerId: 'chair',
      links: { docx: 'https://forumbot.ishoj.dk/briefing/agenda-kredsraad-dec.docx?sig=abc', markdown: 'https://forumbot.ishoj.dk/briefing/agenda-kredsraad-dec.md?sig=abc' },
      shareChoices: [{ userId: 'mayor', name: 'Borgmester' }],
      sharedWithNames: ['Borgmester'],
    }),
    'chair, twenty consultants wrote a page on every item': briefingCard(t(lang).briefing, {
      forumName: 'Kredsråd',
      briefing: compileBriefing(kredsraad, busyInputs),
      timeZone,
      viewerId: 'chair',
      links: { docx: 'https://forumbot.ishoj.dk/briefing/a.docx', markdown: 'https://forumbot.ishoj.dk/briefing/a.md' },
      sharedWithNames: [],
    }),
    'mayor, no answers yet': briefingCard(t(lang).briefing, {
      forumName: 'Kredsråd',
      briefing: compileBriefing(kredsraad, []),
      timeZone,
      viewerId: 'mayor',
      links: { docx: 'https://forumbot.ishoj.dk/briefing/a.docx', markdown: 'https://forumbot.ishoj.dk/briefing/a.md' },
      sharedWithNames: [],
    }),
  })),
];
