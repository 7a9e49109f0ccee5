import { INITIATIVE_STATUSES, type InitiativeStatus } from '../domain/plan/initiative';
import { TEXT_LIMITS } from '../domain/shared/text-limits';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';
import { textField } from './form-fields';
import { PLAN_VERBS } from './plan-verbs';

export interface InitiativeCardText {
  lang: CardLang;
  newTitle: string;
  editTitle: string;
  statuses: Record<InitiativeStatus, string>;
  labels: {
    focusArea: string;
    project: string;
    purpose: string;
    fromYear: string;
    toYear: string;
    targetGroup: string;
    ageFrom: string;
    ageTo: string;
    area: string;
    contactName: string;
    forum: string;
    status: string;
    public: string;
    timeFrame: string;
    history: string;
  };
  hints: { years: string; public: string; status: string; choose: string };
  buttons: { save: string; back: string; edit: string; changeStatus: string };
}

export interface InitiativeFormView {
  initiative?: {
    id: string;
    focusArea: string;
    project: string;
    purpose: string;
    fromYear: number;
    toYear: number;
    targetGroup: string;
    ages?: { from: number; to: number };
    area?: string;
    contactName?: string;
    forumId: string;
    status: InitiativeStatus;
    public: boolean;
  };
  fora: readonly { id: string; name: string }[];
  defaultForumId: string;
  /** Focus areas already in use, offered as a hint. */
  focusAreas: readonly string[];
  thisYear: number;
}

const numberField = (id: string, label: string, min: number, max: number, value: number | undefined, required: boolean, message: string): CardElement => ({
  type: 'Input.Number',
  id,
  label,
  min,
  max,
  ...(required ? { isRequired: true, errorMessage: message } : { errorMessage: message }),
  ...(value === undefined ? {} : { value }),
});

/** Add or edit an initiative: the 2017 plan's fields, plus age range, area, forum, contact and status. */
export function initiativeFormCard(text: InitiativeCardText, view: InitiativeFormView): AdaptiveCard {
  const i = view.initiative;
  const l = text.labels;
  const body: CardElement[] = [
    heading(i === undefined ? text.newTitle : text.editTitle),
    textField(text.lang, { id: 'focusArea', label: l.focusArea, max: TEXT_LIMITS.planFocusArea, required: true, placeholder: view.focusAreas.slice(0, 3).join(', '), ...(i ? { value: i.focusArea } : {}) }),
    textField(text.lang, { id: 'project', label: l.project, max: TEXT_LIMITS.planProject, required: true, ...(i ? { value: i.project } : {}) }),
    textField(text.lang, { id: 'purpose', label: l.purpose, max: TEXT_LIMITS.planPurpose, required: true, multiline: true, ...(i ? { value: i.purpose } : {}) }),
    numberField('fromYear', l.fromYear, 2000, 2100, i?.fromYear ?? view.thisYear, true, text.hints.years),
    numberField('toYear', l.toYear, 2000, 2100, i?.toYear ?? view.thisYear, true, text.hints.years),
    textField(text.lang, { id: 'targetGroup', label: l.targetGroup, max: TEXT_LIMITS.planTargetGroup, required: true, ...(i ? { value: i.targetGroup } : {}) }),
    numberField('ageFrom', l.ageFrom, 0, 120, i?.ages?.from, false, text.hints.years),
    numberField('ageTo', l.ageTo, 0, 120, i?.ages?.to, false, text.hints.years),
    textField(text.lang, { id: 'area', label: l.area, max: TEXT_LIMITS.planArea, ...(i?.area ? { value: i.area } : {}) }),
    textField(text.lang, { id: 'contactName', label: l.contactName, max: TEXT_LIMITS.personName, ...(i?.contactName ? { value: i.contactName } : {}) }),
    { type: 'Input.ChoiceSet', id: 'forumId', label: l.forum, isRequired: true, errorMessage: text.hints.choose, value: i?.forumId ?? view.defaultForumId, choices: view.fora.map((f) => ({ title: f.name, value: f.id })) },
    { type: 'Input.ChoiceSet', id: 'status', label: l.status, isRequired: true, errorMessage: text.hints.choose, value: i?.status ?? 'planned', choices: INITIATIVE_STATUSES.map((s) => ({ title: text.statuses[s], value: s })) },
    { type: 'Input.Toggle', id: 'public', title: l.public, value: String(i?.public ?? false), valueOn: 'true', valueOff: 'false' },
    paragraph(text.hints.public, { isSubtle: true, size: 'Small', spacing: 'None' }),
  ];
  return adaptiveCard(text.lang, body, [executeAction(text.buttons.save, PLAN_VERBS.initiativeSave, i === undefined ? {} : { initiativeId: i.id }), executeAction(text.buttons.back, PLAN_VERBS.show, { mode: 'draft' })]);
}

export interface InitiativeView {
  id: string;
  focusArea: string;
  project: string;
  purpose: string;
  timeFrame: string;
  targetGroup: string;
  forum: string;
  contactName?: string;
  status: InitiativeStatus;
  history: readonly string[];
  notice?: string;
}

/** One initiative with its history, and a status change (a form: a refusal comes back beside the choice). */
export function initiativeCard(text: InitiativeCardText, view: InitiativeView): AdaptiveCard {
  const l = text.labels;
  const body: CardElement[] = [
    heading(asText(view.project)),
    ...(view.notice === undefined ? [] : [paragraph(view.notice, { color: 'Good' })]),
    {
      type: 'FactSet',
      facts: [
        { title: l.focusArea, value: asText(view.focusArea) },
        { title: l.purpose, value: asText(view.purpose) },
        { title: l.timeFrame, value: view.timeFrame },
        { title: l.targetGroup, value: asText(view.targetGroup) },
        { title: l.forum, value: asText(view.forum) },
        ...(view.contactName === undefined ? [] : [{ title: l.contactName, value: asText(view.contactName) }]),
        { title: l.status, value: text.statuses[view.status] },
      ],
    },
    { type: 'Input.ChoiceSet', id: 'status', label: text.buttons.changeStatus, value: view.status, choices: INITIATIVE_STATUSES.map((s) => ({ title: text.statuses[s], value: s })) },
    paragraph(text.hints.status, { isSubtle: true, size: 'Small', spacing: 'None' }),
    paragraph(`**${l.history}**`, { spacing: 'Medium' }),
    ...view.history.slice(-20).map((line) => paragraph(line, { size: 'Small', spacing: 'None' })),
  ];
  return adaptiveCard(text.lang, body, [
    executeAction(text.buttons.changeStatus, PLAN_VERBS.initiativeStatus, { initiativeId: view.id }),
    executeAction(text.buttons.edit, PLAN_VERBS.initiativeForm, { initiativeId: view.id }),
    executeAction(text.buttons.back, PLAN_VERBS.show, { mode: 'draft' }),
  ]);
}
