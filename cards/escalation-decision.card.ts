import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardLang } from './card-kit';
import { ESCALATION_VERBS } from './escalation.card';

export interface EscalationDecisionCardText {
  lang: CardLang;
  heading: (forum: string) => string;
  caseLabel: string;
  decisionLabel: string;
  taskLabel: string;
  seenButton: string;
  seenDone: string;
  openCase: string;
}

export interface EscalationDecisionView {
  id: string;
  title: string;
  decidedBy: string;
  decision: string;
  task?: string;
  /** The viewer has already pressed "Læst". */
  seen: boolean;
}

/** The decision on its way down: to the raiser and each forum the case passed; "Læst" is the only receipt Teams allows. */
export function escalationDecisionCard(text: EscalationDecisionCardText, view: EscalationDecisionView): AdaptiveCard {
  const body = [
    heading(text.heading(asText(view.decidedBy))),
    paragraph(`**${text.caseLabel}:** ${asText(view.title)}`),
    paragraph(`**${text.decisionLabel}:** ${asText(view.decision)}`),
    ...(view.task === undefined ? [] : [paragraph(`**${text.taskLabel}:** ${asText(view.task)}`)]),
    ...(view.seen ? [paragraph(text.seenDone, { isSubtle: true })] : []),
  ];
  const actions = [
    ...(view.seen ? [] : [executeAction(text.seenButton, ESCALATION_VERBS.seen, { escalationId: view.id })]),
    executeAction(text.openCase, ESCALATION_VERBS.view, { escalationId: view.id }),
  ];
  return adaptiveCard(text.lang, body, actions);
}
