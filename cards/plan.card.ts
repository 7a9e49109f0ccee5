import type { InitiativeStatus } from '../domain/plan/initiative';
import type { Organisation } from '../domain/plan/organisation';
import type { PlanState } from '../domain/plan/plan';
import type { Role } from '../domain/fora/forum';
import { adaptiveCard, asText, executeAction, heading, markdownLink, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';
import { PLAN_SETTINGS_VERBS, PLAN_VERBS, type PlanMode } from './plan-verbs';

export interface PlanCardText {
  lang: CardLang;
  title: string;
  modes: Record<PlanMode, string>;
  states: Record<PlanState, string>;
  statuses: Record<InitiativeStatus, string>;
  roles: Record<Role, string>;
  levels: Record<Organisation[number]['level'], string>;
  labels: { basis: string; organisation: string; strategy: string; initiatives: string; project: string; purpose: string; timeFrame: string; targetGroup: string; status: string; sealed: string };
  version: (n: number, approvedAt: string) => string;
  adjusted: (at: string) => string;
  sentBack: (comment: string) => string;
  awaiting: (count: number) => string;
  adjustment: (project: string, from: string, to: string, at: string) => string;
  none: string;
  noPublished: string;
  empty: string;
  buttons: { add: string; open: string; text: string; send: string; word: string; showDraft: string; showPublished: string; settings: string };
}

export interface PlanInitiativeView {
  id: string;
  focusArea: string;
  project: string;
  purpose: string;
  timeFrame: string;
  targetGroup: string;
  status: InitiativeStatus;
  /** Of a sealed forum, shown to its members only. */
  sealed: boolean;
  /** Left out of the published plan (on hold, ended, time frame over): shown greyed in the draft. */
  outOfPlan: boolean;
}

export interface PlanCardView {
  mode: PlanMode;
  state: PlanState;
  /** The approved version shown (published mode), or the latest approved (draft mode). */
  version?: { number: number; approvedAt: string };
  lastAdjusted?: string;
  sentBackComment?: string;
  awaitingApproval: number;
  adjustments: readonly { project: string; from: InitiativeStatus; to: InitiativeStatus; at: string }[];
  basis: string;
  strategy: string;
  organisation: Organisation;
  groups: readonly { focusArea: string; initiatives: readonly PlanInitiativeView[] }[];
  /** What the viewer may do. */
  can: { edit: boolean; send: boolean; settings?: boolean };
  /** The signed Word link, if one is offered. */
  wordUrl?: string;
  notice?: string;
}

const section = (title: string): CardElement => paragraph(`**${title}**`, { spacing: 'Large', size: 'Medium' });

function organisationBlock(text: PlanCardText, organisation: Organisation): CardElement[] {
  return organisation.flatMap((level) => [
    paragraph(`*${text.levels[level.level]}*`, { spacing: 'Small' }),
    ...level.fora.map((f) => {
      const above = f.escalatesTo === undefined ? '' : ` → ${asText(f.escalatesTo)}`;
      const people = f.sensitive ? text.labels.sealed : f.members.map((m) => `${asText(m.name)} (${m.roles.map((r) => text.roles[r]).join(', ')})`).join('; ');
      return paragraph(`${asText(f.name)}${above}${people === '' ? '' : `: ${people}`}`, { spacing: 'None', size: 'Small' });
    }),
  ]);
}

function initiativeBlock(text: PlanCardText, view: PlanCardView, i: PlanInitiativeView): CardElement {
  const facts = [
    { title: text.labels.purpose, value: asText(i.purpose) },
    { title: text.labels.timeFrame, value: i.timeFrame },
    { title: text.labels.targetGroup, value: asText(i.targetGroup) },
    ...(view.mode === 'draft' ? [{ title: text.labels.status, value: text.statuses[i.status] }] : []),
  ];
  return {
    type: 'Container',
    separator: true,
    ...(i.outOfPlan ? { style: 'emphasis' } : {}),
    items: [
      paragraph(`**${text.labels.project}: ${asText(i.project)}**${i.sealed ? ` · ${text.labels.sealed}` : ''}`, i.outOfPlan ? { isSubtle: true } : {}),
      { type: 'FactSet', facts },
      ...(view.can.edit ? [{ type: 'ActionSet', actions: [executeAction(text.buttons.open, PLAN_VERBS.initiativeShow, { initiativeId: i.id })] }] : []),
    ],
  };
}

/** The local action plan: status, sections and initiatives by focus area, as the 2017 plan lays them out. */
export function planCard(text: PlanCardText, view: PlanCardView): AdaptiveCard {
  const status: string[] = [`${text.modes[view.mode]} · ${text.states[view.state]}`];
  if (view.version !== undefined) status.push(text.version(view.version.number, view.version.approvedAt));
  if (view.lastAdjusted !== undefined) status.push(text.adjusted(view.lastAdjusted));
  const body: CardElement[] = [heading(text.title), paragraph(status.join(' · '), { isSubtle: true, spacing: 'None' })];
  if (view.notice !== undefined) body.push(paragraph(view.notice, { color: 'Good' }));
  if (view.mode === 'draft' && view.sentBackComment !== undefined) body.push(paragraph(text.sentBack(asText(view.sentBackComment)), { color: 'Warning' }));
  if (view.mode === 'draft' && view.awaitingApproval > 0) body.push(paragraph(text.awaiting(view.awaitingApproval), { color: 'Warning' }));
  for (const a of view.adjustments) body.push(paragraph(text.adjustment(asText(a.project), text.statuses[a.from], text.statuses[a.to], a.at), { size: 'Small', spacing: 'None' }));
  if (view.mode === 'published' && view.version === undefined) {
    body.push(paragraph(text.noPublished));
  } else {
    body.push(section(text.labels.basis), paragraph(view.basis === '' ? text.empty : asText(view.basis)));
    body.push(section(text.labels.organisation), ...organisationBlock(text, view.organisation));
    body.push(section(text.labels.strategy), paragraph(view.strategy === '' ? text.empty : asText(view.strategy)));
    body.push(section(text.labels.initiatives));
    if (view.groups.length === 0) body.push(paragraph(text.none, { isSubtle: true }));
    for (const group of view.groups) body.push(paragraph(`**${asText(group.focusArea)}**`, { spacing: 'Medium' }), ...group.initiatives.map((i) => initiativeBlock(text, view, i)));
  }
  if (view.wordUrl !== undefined) body.push(paragraph(markdownLink(text.buttons.word, view.wordUrl), { spacing: 'Medium' }));
  const actions: CardElement[] = [];
  if (view.can.edit && view.mode === 'draft') actions.push(executeAction(text.buttons.add, PLAN_VERBS.initiativeForm, {}), executeAction(text.buttons.text, PLAN_VERBS.textForm, {}));
  if (view.can.send && view.mode === 'draft') actions.push(executeAction(text.buttons.send, PLAN_VERBS.send, {}));
  if (view.can.edit) actions.push(executeAction(view.mode === 'draft' ? text.buttons.showPublished : text.buttons.showDraft, PLAN_VERBS.show, { mode: view.mode === 'draft' ? 'published' : 'draft' }));
  if (view.can.settings === true) actions.push(executeAction(text.buttons.settings, PLAN_SETTINGS_VERBS.show, {}));
  return adaptiveCard(text.lang, body, actions);
}
