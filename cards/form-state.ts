import type { AdaptiveCard, CardElement } from './card-kit';
import { formTexts } from './form-texts';

/**
 * What a refused form keeps: everything the person typed, by input id, and why it was refused,
 * by input id. Any card with inputs can be given back in this state, so a refusal never throws
 * away a person's work.
 */
export interface FormState {
  /** The submitted data as the client sent it (inputs by id; other keys are ignored). */
  values?: Readonly<Record<string, unknown>>;
  /** Per input id, the message shown right below that input. */
  errors?: Readonly<Record<string, string>>;
  /** A reason that belongs to no single field (shown at the top). */
  message?: string;
}

/** The id of the message block below an input (tests and screen readers find it by this). */
export const fieldErrorId = (inputId: string): string => `${inputId}.error`;

const isInput = (element: CardElement): boolean => typeof element.type === 'string' && element.type.startsWith('Input.');

/** The value an input of this type takes back, or undefined when the typed one does not fit it. */
function valueFor(type: string, typed: unknown): string | number | undefined {
  if (type === 'Input.Number') {
    const n = typeof typed === 'number' ? typed : typeof typed === 'string' && typed.trim() !== '' ? Number(typed) : NaN;
    return Number.isFinite(n) ? n : undefined;
  }
  if (typeof typed === 'string') return typed;
  if (typeof typed === 'boolean' || typeof typed === 'number') return String(typed);
  return undefined;
}

const errorBlock = (inputId: string, message: string): CardElement => ({
  type: 'TextBlock',
  id: fieldErrorId(inputId),
  text: message,
  color: 'Attention',
  size: 'Small',
  spacing: 'None',
  wrap: true,
});

/**
 * The card with the typed values filled back into its inputs (also those inside Action.ShowCard)
 * and each message right below its input. A summary at the top names every refused field by its
 * label, so a message inside a closed "Rediger" card is not missed.
 */
export function withFormState(card: AdaptiveCard, form: FormState): AdaptiveCard {
  const values = form.values ?? {};
  const errors = form.errors ?? {};
  const refused: string[] = [];
  const placed = new Set<string>();

  const visitActions = (actions: unknown): unknown =>
    Array.isArray(actions)
      ? actions.map((action: CardElement) => {
          if (action.type !== 'Action.ShowCard' || typeof action.card !== 'object' || action.card === null) return action;
          const inner = action.card as CardElement;
          return { ...action, card: { ...inner, body: visit(inner.body), ...(inner.actions === undefined ? {} : { actions: visitActions(inner.actions) }) } };
        })
      : actions;

  const visit = (elements: unknown): CardElement[] => {
    if (!Array.isArray(elements)) return [];
    return (elements as CardElement[]).flatMap((element): CardElement[] => {
      if (isInput(element) && typeof element.id === 'string') {
        const typed = Object.hasOwn(values, element.id) ? valueFor(String(element.type), values[element.id]) : undefined;
        const filled = typed === undefined ? element : { ...element, value: typed };
        const message = errors[element.id];
        if (message === undefined) return [filled];
        const label = [element.label, element.title, element.id].find((l): l is string => typeof l === 'string' && l !== '');
        refused.push(`${label ?? element.id}: ${message}`);
        placed.add(element.id);
        return [filled, errorBlock(element.id, message)];
      }
      const copy: CardElement = { ...element };
      if (Array.isArray(element.items)) copy.items = visit(element.items);
      if (Array.isArray(element.columns)) copy.columns = (element.columns as CardElement[]).map((column) => ({ ...column, items: visit(column.items) }));
      if (element.type === 'ActionSet') copy.actions = visitActions(element.actions);
      return [copy];
    });
  };

  const body = visit(card.body);
  const actions = card.actions === undefined ? undefined : (visitActions(card.actions) as CardElement[]);
  // A reason for an input the card no longer has (the state changed) is still said, at the top.
  const unplaced = Object.entries(errors).filter(([id]) => !placed.has(id)).map(([, message]) => message);
  const general = [...(form.message === undefined ? [] : [form.message]), ...unplaced];
  const summary: CardElement[] = [];
  if (refused.length > 0 || general.length > 0) {
    const lines = [...general, ...refused.map((line) => `- ${line}`)];
    summary.push({
      type: 'Container',
      id: 'form.refused',
      style: 'attention',
      items: [
        ...(refused.length > 0 ? [{ type: 'TextBlock', text: formTexts[card.lang].refusedHeading, weight: 'Bolder', wrap: true }] : []),
        { type: 'TextBlock', text: lines.join('\n\n'), wrap: true, ...(refused.length > 0 ? {} : { weight: 'Bolder' }) },
      ],
    });
  }
  return { ...card, body: [...summary, ...body], ...(actions === undefined ? {} : { actions }) };
}
