import { TEXT_LIMITS } from '../domain/shared/text-limits';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';
import { textField } from './form-fields';
import { PLAN_VERBS } from './plan-verbs';

export interface PlanApprovalCardText {
  lang: CardLang;
  title: string;
  intro: (owner: string, by: string, sentAt: string) => string;
  counts: (initiatives: number, focusAreas: number) => string;
  comment: string;
  buttons: { approve: string; sendBack: string; open: string };
  done: { approved: (n: number) => string; sentBack: string; stale: string };
}

export interface PlanApprovalView {
  sentAt: string;
  sentAtText: string;
  owner: string;
  sentBy: string;
  initiatives: number;
  focusAreas: number;
  /** Lines "Projekt — Tidsramme", so the chair sees what is approved. */
  lines: readonly string[];
  /** After an answer the card says what happened and offers nothing more. */
  outcome?: 'approved' | 'sentBack' | 'stale';
  approvedNumber?: number;
  /** After an answer: what became of what it sent (each channel post, the card back to the writer), in words. */
  deliveries?: readonly { line: string; ok: boolean }[];
}

/** The steering group chair's card: approve the plan, or send it back with a comment. */
export function planApprovalCard(text: PlanApprovalCardText, view: PlanApprovalView): AdaptiveCard {
  const body: CardElement[] = [
    heading(text.title),
    paragraph(text.intro(asText(view.owner), asText(view.sentBy), view.sentAtText)),
    paragraph(text.counts(view.initiatives, view.focusAreas), { isSubtle: true }),
    ...view.lines.slice(0, 60).map((line) => paragraph(line, { size: 'Small', spacing: 'None' })),
  ];
  if (view.outcome !== undefined) {
    const said = view.outcome === 'approved' ? text.done.approved(view.approvedNumber ?? 0) : view.outcome === 'sentBack' ? text.done.sentBack : text.done.stale;
    body.push(paragraph(said, { color: view.outcome === 'approved' ? 'Good' : 'Warning', weight: 'Bolder' }));
    for (const delivery of view.deliveries ?? []) body.push(paragraph(delivery.line, { spacing: 'Small', ...(delivery.ok ? {} : { color: 'Warning' }) }));
    return adaptiveCard(text.lang, body, [executeAction(text.buttons.open, PLAN_VERBS.show, {})]);
  }
  body.push(textField(text.lang, { id: 'comment', label: text.comment, max: TEXT_LIMITS.planComment, multiline: true }));
  return adaptiveCard(text.lang, body, [
    executeAction(text.buttons.approve, PLAN_VERBS.approve, { sentAt: view.sentAt }),
    executeAction(text.buttons.sendBack, PLAN_VERBS.sendBack, { sentAt: view.sentAt }),
    executeAction(text.buttons.open, PLAN_VERBS.show, {}),
  ]);
}

export interface PlanTextCardText {
  lang: CardLang;
  title: string;
  basis: string;
  strategy: string;
  save: string;
  back: string;
}

/** The plan's own texts: basis and purpose, and the strategy. */
export function planTextCard(text: PlanTextCardText, view: { basis: string; strategy: string }): AdaptiveCard {
  return adaptiveCard(
    text.lang,
    [
      heading(text.title),
      textField(text.lang, { id: 'basis', label: text.basis, max: TEXT_LIMITS.planSection, multiline: true, value: view.basis }),
      textField(text.lang, { id: 'strategy', label: text.strategy, max: TEXT_LIMITS.planSection, multiline: true, value: view.strategy }),
    ],
    [executeAction(text.save, PLAN_VERBS.textSave, {}), executeAction(text.back, PLAN_VERBS.show, { mode: 'draft' })],
  );
}
