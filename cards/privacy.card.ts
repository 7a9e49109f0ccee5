import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardLang } from './card-kit';
import { textField } from './form-fields';

export const PRIVACY_VERBS = { request: 'privacy.access.request', remove: 'privacy.person.remove', confirmRemove: 'privacy.person.remove.confirm' } as const;
/** The form's one input: the person's Entra object id. */
export const PERSON_FIELD = 'userId';
export const PERSON_ID_MAX = 128;

export interface PrivacyCardText {
  lang: CardLang;
  requestTitle: string;
  requestIntro: string;
  personLabel: string;
  personPlaceholder: string;
  produce: string;
  resultTitle: (person: string) => string;
  resultBody: (validUntil: string) => string;
  counts: (counts: PersonDataCounts) => string;
  openJson: string;
  openCsv: string;
  remove: string;
  removeTitle: string;
  removeBody: (person: string) => string;
  confirmRemove: string;
  removedTitle: string;
  removedBody: (outcome: { pseudonym: string; fora: number; reassigned: number; blocked: number; renamed: number; erased: number }) => string;
}

export interface PersonDataCounts {
  memberships: number;
  inputs: number;
  actionItems: number;
  cases: number;
  audit: number;
  deliveries: number;
}

/** The administrator's form: whose data to hand out. */
export function privacyRequestCard(text: PrivacyCardText): AdaptiveCard {
  return adaptiveCard(
    text.lang,
    [heading(text.requestTitle), paragraph(text.requestIntro), textField(text.lang, { id: PERSON_FIELD, label: text.personLabel, max: PERSON_ID_MAX, required: true, placeholder: text.personPlaceholder })],
    [executeAction(text.produce, PRIVACY_VERBS.request, {}, { style: 'positive' }), executeAction(text.remove, PRIVACY_VERBS.remove, {}, { style: 'destructive' })],
  );
}

/** Before a person is removed: what will happen, and the one button that does it. */
export function leaveConfirmCard(text: PrivacyCardText, view: { userId: string; person: string }): AdaptiveCard {
  return adaptiveCard(text.lang, [heading(text.removeTitle), paragraph(text.removeBody(asText(view.person)))], [executeAction(text.confirmRemove, PRIVACY_VERBS.confirmRemove, { [PERSON_FIELD]: view.userId }, { style: 'destructive' })]);
}

/** After: what was done, under the pseudonym. */
export function leaveDoneCard(text: PrivacyCardText, outcome: { pseudonym: string; fora: number; reassigned: number; blocked: number; renamed: number; erased: number }): AdaptiveCard {
  return adaptiveCard(text.lang, [heading(text.removedTitle), paragraph(text.removedBody({ ...outcome, pseudonym: asText(outcome.pseudonym) }))]);
}

/** The two downloads (JSON, CSV), signed for the administrator who asked, expiring. */
export function personDataCard(text: PrivacyCardText, view: { person: string; jsonUrl: string; csvUrl: string; validUntil: string; counts: PersonDataCounts }): AdaptiveCard {
  return adaptiveCard(
    text.lang,
    [heading(text.resultTitle(asText(view.person))), paragraph(text.counts(view.counts)), paragraph(text.resultBody(view.validUntil), { isSubtle: true })],
    [
      { type: 'Action.OpenUrl', title: text.openJson, url: view.jsonUrl },
      { type: 'Action.OpenUrl', title: text.openCsv, url: view.csvUrl },
    ],
  );
}
