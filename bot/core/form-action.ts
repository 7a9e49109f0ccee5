import type { z } from 'zod';
import type { AdaptiveCard } from '../../cards/card-kit';
import { withFormState } from '../../cards/form-state';
import { DomainError } from '../../domain/shared/domain-error';
import { FieldsRefused, type FieldProblem } from '../../domain/shared/field-problems';
import { CPR_REFUSED, isCprRefusal, isMalformedText, TEXT_MALFORMED } from '../../domain/shared/guarded-text';
import { errorText } from '../i18n';
import type { Messages } from '../i18n/messages';
import { checkAccess, type Access } from './access';
import { cardAction, FormRefused, type ActionInput, type CardAction } from './card-action';

/** How a form is given back after a refusal. */
export interface FormSpec<D> {
  /** The form as it stands now (read afresh), before the typed values are put back. */
  render(input: ActionInput, data: D): Promise<AdaptiveCard>;
  /**
   * The input id a refusal concerns, for refusals that name no field of their own (e.g. a row
   * number or an item id in the context). Default: none, the reason is shown at the top.
   */
  fieldOf?(error: DomainError, data: D): string | undefined;
}

/**
 * Refusals about who the person is, not about what they typed: these stay error cards, so a form
 * is never shown to someone it was not meant for.
 */
const NOT_A_TYPING_MISTAKE = /^(ACCESS|BOT)\.|NOT_(CHAIR|CHAIR_OR_SECRETARY|CHAIR_OR_CONSULTANT|MEMBER|OWNER_OR_CHAIR|MANAGER|RAISER|ON_CIRCULATION|CIRCULATED|HOLDING_FORUM)$|SENSITIVE|NOT_FOUND$|STALE_ROUND$|NOT_SENT$/;

/**
 * The top-level fields refused by the guarded text type (CPR number, broken text), when those are
 * the only problems of the data; undefined when anything else is wrong with its shape.
 */
function guardedFieldsOf(error: z.ZodError): Record<string, FieldProblem> | undefined {
  const problems: Record<string, FieldProblem> = {};
  for (const issue of error.issues) {
    const code = isCprRefusal(issue) ? CPR_REFUSED : isMalformedText(issue) ? TEXT_MALFORMED : undefined;
    if (code === undefined || issue.path.length !== 1) return undefined;
    problems[String(issue.path[0])] = { code };
  }
  return Object.keys(problems).length === 0 ? undefined : problems;
}

function withoutFields(data: unknown, fields: readonly string[]): unknown {
  if (typeof data !== 'object' || data === null) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !fields.includes(key)));
}

/** The submitted inputs as the client sent them: every string, number or flag by id. */
function typedValues(data: unknown): Record<string, unknown> {
  if (typeof data !== 'object' || data === null) return {};
  return Object.fromEntries(Object.entries(data).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v)));
}

/** The refusal as field messages (or one message at the top), in the reader's language. */
function formStateOf(t: Messages, timeZone: string, error: DomainError, field: string | undefined) {
  const say = (code: string, context: Readonly<Record<string, unknown>> = {}) => errorText(t, code, { timeZone, ...context });
  if (error instanceof FieldsRefused) {
    return { errors: Object.fromEntries(Object.entries(error.fields).map(([id, p]) => [id, say(p.code, p.context)])) };
  }
  const message = say(error.code, error.context);
  return field === undefined ? { message } : { errors: { [field]: message } };
}

/**
 * A card verb for a form: like `cardAction`, and a refusal after the access check (a field
 * refused, a domain rule) answers with the same form, everything typed put back and the reason
 * beside its field — never an error card, never a lost text. Refusals of the data's shape, of
 * access and of who the person is stay error cards: they are no typing mistakes.
 */
export function formAction<S extends z.ZodType>(
  verb: string,
  schema: S,
  access: Access<z.output<S>>,
  form: FormSpec<z.output<S>>,
  run: (input: ActionInput, data: z.output<S>) => Promise<AdaptiveCard>,
): CardAction {
  /** The form again, with what was typed and the refusal beside its field (or at the top). */
  async function refusedForm(full: ActionInput, data: z.output<S>, typed: unknown, error: DomainError, field?: string): Promise<FormRefused> {
    const card = await form.render(full, data);
    const state = formStateOf(full.t, full.services.config.timeZone, error, field);
    return new FormRefused(withFormState(card, { values: typedValues(typed), ...state }), error);
  }

  return {
    verb,
    schema,
    access: access as Access<never>,
    async handle(input, data) {
      const raw = data ?? {};
      const parsed = schema.safeParse(raw);
      const refused = parsed.success ? undefined : guardedFieldsOf(parsed.error);
      if (refused !== undefined) {
        // The guarded text type refused a typed field (a CPR number): the form is read with the
        // refused fields left out, so nothing of them is used, and comes back with the reason beside them.
        const cleaned = schema.safeParse(withoutFields(raw, Object.keys(refused)));
        if (!cleaned.success) throw new DomainError('BOT.CARD_INVALID_DATA', { verb });
        const granted = await checkAccess(access, input.services, input.actor.userId, cleaned.data);
        throw await refusedForm({ ...input, granted }, cleaned.data, raw, new FieldsRefused(refused));
      }
      // Shape and access as for every card verb; a refusal of what was typed gives the form back.
      const checked = cardAction(verb, schema, access, async (full, ok) => {
        try {
          return await run(full, ok);
        } catch (error) {
          if (!(error instanceof DomainError) || error instanceof FormRefused || NOT_A_TYPING_MISTAKE.test(error.code)) throw error;
          const field = error.context.field ?? form.fieldOf?.(error, ok);
          throw await refusedForm(full, ok, raw, error, typeof field === 'string' ? field : undefined);
        }
      });
      return checked.handle(input, raw);
    },
  };
}
