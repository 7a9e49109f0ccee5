import { adaptiveCard, executeAction, heading, paragraph, type AdaptiveCard, type CardLang } from './card-kit';
import { PLAN_SETTINGS_VERBS, PLAN_VERBS } from './plan-verbs';

export interface PlanSettingsCardText {
  lang: CardLang;
  title: string;
  intro: string;
  owner: string;
  steering: string;
  month: string;
  approvers: string;
  approverChoices: { chair: string; members: string };
  months: readonly string[];
  choose: string;
  save: string;
  back: string;
  saved: string;
}

export interface PlanSettingsView {
  fora: readonly { id: string; name: string }[];
  strategic: readonly { id: string; name: string }[];
  ownerForumId: string;
  steeringForumId: string;
  reminderMonth: number;
  approvers: 'chair' | 'members';
  saved?: boolean;
}

/** Who writes the plan, which strategic forum approves it, and the month of the yearly reminder. */
export function planSettingsCard(text: PlanSettingsCardText, view: PlanSettingsView): AdaptiveCard {
  return adaptiveCard(
    text.lang,
    [
      heading(text.title),
      ...(view.saved === true ? [paragraph(text.saved, { color: 'Good' })] : []),
      paragraph(text.intro, { isSubtle: true }),
      { type: 'Input.ChoiceSet', id: 'ownerForumId', label: text.owner, isRequired: true, errorMessage: text.choose, value: view.ownerForumId, choices: view.fora.map((f) => ({ title: f.name, value: f.id })) },
      { type: 'Input.ChoiceSet', id: 'steeringForumId', label: text.steering, isRequired: true, errorMessage: text.choose, value: view.steeringForumId, choices: view.strategic.map((f) => ({ title: f.name, value: f.id })) },
      {
        type: 'Input.ChoiceSet',
        id: 'approvers',
        label: text.approvers,
        isRequired: true,
        errorMessage: text.choose,
        value: view.approvers,
        choices: (['chair', 'members'] as const).map((a) => ({ title: text.approverChoices[a], value: a })),
      },
      { type: 'Input.ChoiceSet', id: 'reminderMonth', label: text.month, isRequired: true, errorMessage: text.choose, value: String(view.reminderMonth), choices: text.months.map((m, i) => ({ title: m, value: String(i + 1) })) },
    ],
    [executeAction(text.save, PLAN_SETTINGS_VERBS.save, {}), executeAction(text.back, PLAN_VERBS.show, {})],
  );
}
