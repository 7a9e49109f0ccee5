import { escalationTexts } from '../../../../bot/escalations/escalations.texts';
import type { CardLang } from '../../../../cards/card-kit';
import { formatDateTime } from '../../../../cards/dates';
import { escalationDeadlinesCard } from '../../../../cards/escalation-deadlines.card';
import { escalationDecisionCard } from '../../../../cards/escalation-decision.card';
import { DEADLINE_LIMITS } from '../../../../domain/escalations/escalation-deadline-settings';
import { DEFAULT_DEADLINES } from '../../../../domain/escalations/escalation-deadlines';
import { escalationFormCard, escalationListCard } from '../../../../cards/escalation-form.card';
import { escalationCard, type CaseButton } from '../../../../cards/escalation.card';
import { sample, type CardSample } from '../sample';

const t = (lang: CardLang) => escalationTexts[lang];
const at = (lang: CardLang, day: number) => formatDateTime(`2026-11-${String(day).padStart(2, '0')}T09:15:00Z`, lang, 'Europe/Copenhagen');

/** A trend raised from the executing level, two steps up the chain, with a long history. */
const escalation = (lang: CardLang) => ({
  id: 'esc-1',
  step: 12,
  title: 'Flere unge samles om aftenen ved stationen',
  description:
    'SSP-netværket ser siden september flere grupper af unge (14–17 år) ved Ishøj Station om aftenen, med uro og enkelte tyverier fra butikkerne. Skolerne melder om det samme. Vi foreslår en fælles indsats med gadeplan og politiet.',
  category: lang === 'da' ? 'Tendens' : 'Trend',
  urgency: 'high',
  state: 'acknowledged',
  holdingForum: 'Koordinationsgruppen',
  path: ['SSP-netværk', 'Koordinationsgruppen'],
  raisedBy: 'Lokal SSP-konsulent',
  history: Array.from({ length: 12 }, (_, i) => ({
    at: at(lang, i + 1),
    text: t(lang).history.escalate('Lokal SSP-konsulent', 'Koordinationsgruppen'),
    note: 'Se vedlagte observationer fra gadeplan; vi har brug for en beslutning om ressourcer før jul.',
  })),
  // What the state machine allows a manager of the holding forum who also sits in the origin forum.
  can: ['ask', 'put_on_agenda', 'resolve', 'escalate', 'return', 'share'] satisfies CaseButton[],
  refreshUserIds: Array.from({ length: 60 }, (_, i) => `29:manager-${i}`),
}) as const;

/** Escalations: the raise form, the list, the case card, the decision sent back down and the chair's deadlines. */
export const escalationsSamples: readonly CardSample[] = [
  sample(escalationFormCard, (lang) => ({
    'no forum chosen': escalationFormCard(t(lang).form, {
      fora: [
        { id: 'ssp-netvaerk', name: 'SSP-netværk', escalatesToName: 'Koordinationsgruppen' },
        { id: 'koordinationsgruppen', name: 'Koordinationsgruppen', escalatesToName: 'Styregruppe' },
      ],
    }),
    'forum and title typed': escalationFormCard(t(lang).form, {
      fora: [{ id: 'ssp-netvaerk', name: 'SSP-netværk', escalatesToName: 'Koordinationsgruppen' }],
      forumId: 'ssp-netvaerk',
      title: 'Uro ved stationen',
    }),
  })),
  sample(escalationListCard, (lang) => ({
    empty: escalationListCard(t(lang).list, { raised: [], waiting: [] }),
    'raised and waiting': escalationListCard(t(lang).list, {
      raised: [{ id: 'esc-1', line: 'Flere unge samles om aftenen ved stationen · Koordinationsgruppen' }],
      waiting: [
        { id: 'esc-2', line: 'Manglende fritidstilbud i weekenden · SSP-NU u18' },
        { id: 'esc-3', line: 'Samarbejde om underretninger · Lokalråd' },
      ],
    }),
    'more raised than shown': escalationListCard(t(lang).list, {
      raised: [{ id: 'esc-1', line: 'Flere unge samles om aftenen ved stationen · Koordinationsgruppen' }],
      waiting: [],
      raisedTotal: 34,
    }),
  })),
  sample(escalationCard, (lang) => ({
    'acknowledged, manager of both fora, long history': escalationCard(t(lang).card, escalation(lang)),
    'resolved, with decision, task and seen list': escalationCard(t(lang).card, {
      ...escalation(lang),
      state: 'resolved',
      decision: 'Koordinationsgruppen sætter en fælles aftenindsats i gang fra januar.',
      task: 'Gadeplan og politiet planlægger aftenvandringer',
      seen: { seen: ['Lokal SSP-konsulent', 'Skoleleder'], missing: ['SSP-lærer'] },
      notice: t(lang).notices.shared,
      can: [],
    }),
    'raised, sensitive, description hidden': escalationCard(t(lang).card, {
      ...escalation(lang),
      state: 'raised',
      description: undefined,
      can: ['acknowledge', 'ask', 'escalate'],
      refreshUserIds: undefined,
    }),
  })),
  sample(escalationDecisionCard, (lang) => ({
    'not seen yet': escalationDecisionCard(t(lang).decision, {
      id: 'esc-1',
      title: 'Flere unge samles om aftenen ved stationen',
      decidedBy: 'Koordinationsgruppen',
      decision: 'Vi sætter en fælles aftenindsats i gang fra januar.',
      task: 'Gadeplan og politiet planlægger aftenvandringer',
      seen: false,
    }),
    seen: escalationDecisionCard(t(lang).decision, { id: 'esc-1', title: 'Uro ved stationen', decidedBy: 'Lokalråd', decision: 'Sagen er løst lokalt.', seen: true }),
  })),
  sample(escalationDeadlinesCard, (lang) => ({
    'defaults, coordinating forum': escalationDeadlinesCard(t(lang).deadlines, {
      forumId: 'koordinationsgruppen',
      forumName: 'Koordinationsgruppen',
      topOfChain: false,
      defaults: true,
      settings: DEFAULT_DEADLINES,
      limits: DEADLINE_LIMITS,
    }),
    'own deadlines just saved, only reminders': escalationDeadlinesCard(t(lang).deadlines, {
      forumId: 'ssp-nu-u18',
      forumName: 'SSP-NU u18',
      topOfChain: false,
      defaults: false,
      settings: { remindAfterHours: { high: 2, normal: 24, low: 72 }, escalateAfterHours: { high: 8, normal: 72, low: 240 }, autoEscalate: false },
      limits: DEADLINE_LIMITS,
      saved: true,
    }),
    'top of the chain': escalationDeadlinesCard(t(lang).deadlines, {
      forumId: 'lokalraad',
      forumName: 'Lokalråd',
      topOfChain: true,
      defaults: true,
      settings: DEFAULT_DEADLINES,
      limits: DEADLINE_LIMITS,
    }),
  })),
];
