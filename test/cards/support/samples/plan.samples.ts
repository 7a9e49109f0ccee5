import { planTexts } from '../../../../bot/plan/plan.texts';
import type { CardLang } from '../../../../cards/card-kit';
import { initiativeCard, initiativeFormCard } from '../../../../cards/initiative.card';
import { planApprovalCard, planTextCard } from '../../../../cards/plan-approval.card';
import { planCard, type PlanCardView } from '../../../../cards/plan.card';
import { planSettingsCard } from '../../../../cards/plan-settings.card';
import { PLAN_2017 } from '../../../domain/plan/plan-2017';
import { sample, type CardSample } from '../sample';

const t = (lang: CardLang) => planTexts[lang];
const LONG = 'Tekst om grundlaget for SSP-samarbejdet. '.repeat(190);

/** The 2017 plan's initiatives, three times over (a large plan), as the card shows them. */
const groups = (copies: number): PlanCardView['groups'] => {
  const rows = Array.from({ length: copies }, (_, c) =>
    PLAN_2017.map((i, n) => ({ id: `i${c}-${n}`, focusArea: i.focusArea, project: i.project, purpose: i.purpose, timeFrame: `${i.fromYear}–${i.toYear}`, targetGroup: i.targetGroup, status: n % 3 === 0 ? ('on_hold' as const) : ('running' as const), sealed: n === 1, outOfPlan: n % 3 === 0 })),
  ).flat();
  return ['Tryg by', 'Proaktiv kriminalitetsforebyggelse'].map((focusArea) => ({ focusArea, initiatives: rows.filter((r) => r.focusArea === focusArea) }));
};

const organisation: PlanCardView['organisation'] = [
  { level: 'strategic', fora: [{ id: 'lokalraad', name: 'Lokalråd', level: 'strategic', sensitive: false, members: [{ name: 'Centerchef Lone', roles: ['chair'] }] }] },
  { level: 'coordinating', fora: [{ id: 'kg', name: 'Koordinationsgruppen', level: 'coordinating', escalatesTo: 'Lokalråd', sensitive: false, members: [{ name: 'Konsulent Åse', roles: ['consultant', 'member'] }] }, { id: 'infohus', name: 'Infohus', level: 'coordinating', escalatesTo: 'Lokalråd', sensitive: true, members: [] }] },
];

const view = (over: Partial<PlanCardView> = {}): PlanCardView => ({
  mode: 'draft',
  state: 'approved',
  version: { number: 2, approvedAt: '02.03.2026' },
  lastAdjusted: '01.05.2026',
  sentBackComment: 'Strategien mangler mål for 2027.',
  awaitingApproval: 2,
  adjustments: [{ project: 'Politikadet', from: 'running', to: 'on_hold', at: '01.05.2026' }],
  basis: LONG,
  strategy: LONG,
  organisation,
  groups: groups(3),
  can: { edit: true, send: true, settings: true },
  wordUrl: 'https://forumbot.example/plan/handlingsplan.docx?m=draft&u=u1&exp=1&k=k1&sig=x',
  notice: 'Gemt.',
  ...over,
});

const withoutVersion = ({ version: _v, lastAdjusted: _l, ...rest }: PlanCardView): PlanCardView => rest;

const initiative = { id: 'i1', ...PLAN_2017[3]!, forumId: 'kg', status: 'running' as const, public: false };

export const planSamples: CardSample[] = [
  sample(planCard, (lang) => ({
    'draft of a large plan, for its writer (largest)': planCard(t(lang).plan, view()),
    'published, for a reader': planCard(t(lang).plan, view({ mode: 'published', can: { edit: false, send: false }, groups: groups(1) })),
    'nothing approved yet': planCard(t(lang).plan, withoutVersion(view({ mode: 'published', state: 'draft', can: { edit: false, send: false }, groups: [], adjustments: [], awaitingApproval: 0 }))),
  })),
  sample(initiativeFormCard, (lang) => ({
    new: initiativeFormCard(t(lang).initiative, { fora: [{ id: 'kg', name: 'Koordinationsgruppen' }], defaultForumId: 'kg', focusAreas: ['Tryg by'], thisYear: 2026 }),
    edit: initiativeFormCard(t(lang).initiative, { initiative, fora: [{ id: 'kg', name: 'Koordinationsgruppen' }], defaultForumId: 'kg', focusAreas: [], thisYear: 2026 }),
  })),
  sample(initiativeCard, (lang) => ({
    'with history': initiativeCard(t(lang).initiative, { id: 'i1', focusArea: 'Tryg by', project: initiative.project, purpose: initiative.purpose, timeFrame: '2017–2021', targetGroup: initiative.targetGroup, forum: 'Koordinationsgruppen', contactName: 'Åse', status: 'running', history: Array.from({ length: 30 }, (_, i) => `01.0${(i % 9) + 1}.2026: status I gang → Sat i bero (Åse)`), notice: 'Gemt.' }),
  })),
  sample(planApprovalCard, (lang) => ({
    open: planApprovalCard(t(lang).approval, { sentAt: '2026-03-01T10:00:00.000Z', sentAtText: '01.03.2026 11.00', owner: 'Koordinationsgruppen', sentBy: 'Konsulent Åse', initiatives: 9, focusAreas: 2, lines: PLAN_2017.map((i) => `${i.project} — ${i.fromYear}–${i.toYear}`) }),
    approved: planApprovalCard(t(lang).approval, { sentAt: 'x', sentAtText: '01.03.2026 11.00', owner: 'Koordinationsgruppen', sentBy: 'Åse', initiatives: 9, focusAreas: 2, lines: [], outcome: 'approved', approvedNumber: 3 }),
  })),
  sample(planSettingsCard, (lang) => ({
    saved: planSettingsCard(t(lang).settings, { fora: [{ id: 'kg', name: 'Koordinationsgruppen' }, { id: 'lokalraad', name: 'Lokalråd' }], strategic: [{ id: 'lokalraad', name: 'Lokalråd' }], ownerForumId: 'kg', steeringForumId: 'lokalraad', reminderMonth: 9, approvers: 'members', saved: true }),
  })),
  sample(planTextCard, (lang) => ({ texts: planTextCard(t(lang).text, { basis: LONG, strategy: '' }) })),
];
