import type { z } from 'zod';
import type { AdaptiveCard } from '../../cards/card-kit';
import { withFormState } from '../../cards/form-state';
import { maskCprNumbers } from '../../domain/shared/cpr-guard';
import { DomainError } from '../../domain/shared/domain-error';
import { FieldsRefused, problemsFromIssues, type FieldProblem } from '../../domain/shared/field-problems';
import { errorText } from '../i18n';
import type { Messages } from '../i18n/messages';
import { checkAccess, type Access } from './access';
import { FormRefused, type ActionInput, type CardAction } from './card-action';

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
 * The submitted inputs as the client sent them: every string, number or flag by id, a CPR number
 * in any text blanked out (the answer replaces the card in the chat, where it stays).
 */
function typedValues(data: unknown): Record<string, unknown> {
  if (typeof data !== 'object' || data === null) return {};
  return Object.fromEntries(
    Object.entries(data)
      .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
      .map(([id, v]) => [id, typeof v === 'string' ? maskCprNumbers(v) : v]),
  );
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

type Parsed<D> = { ok: true; data: D; refused?: Record<string, FieldProblem> } | { ok: false };

/**
 * The data as the schema takes it. When the schema refuses typed fields (a CPR number, text too
 * long, a bad format), those fields are left out and the rest parsed again: if that parses, the
 * form can come back with the refused fields marked; if not, the data itself is broken.
 */
function parseForm<S extends z.ZodType>(schema: S, data: unknown): Parsed<z.output<S>> {
  const first = schema.safeParse(data ?? {});
  if (first.success) return { ok: true, data: first.data };
  const values = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const refused = problemsFromIssues(first.error.issues, values);
  const fields = Object.keys(refused).filter((field) => typeof values[field] === 'string');
  if (fields.length === 0 || fields.length < Object.keys(refused).length) return { ok: false };
  // Left out first (optional fields), else blank (a required text the handler checks itself).
  for (const blank of [undefined, '']) {
    const rest = { ...values, ...Object.fromEntries(fields.map((field) => [field, blank])) };
    if (blank === undefined) for (const field of fields) delete rest[field];
    const again = schema.safeParse(rest);
    if (again.success) return { ok: true, data: again.data, refused };
  }
  return { ok: false };
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
  return {
    verb,
    schema,
    access: access as Access<never>,
    async handle(input, data) {
      const parsed = parseForm(schema, data);
      if (!parsed.ok) throw new DomainError('BOT.CARD_INVALID_DATA', { verb });
      const granted = await checkAccess(access, input.services, input.actor.userId, parsed.data);
      const full = { ...input, granted };
      try {
        // Typed text the card's schema refused: the form back, nothing run.
        if (parsed.refused !== undefined) throw new FieldsRefused(parsed.refused);
        return await run(full, parsed.data);
      } catch (error) {
        if (!(error instanceof DomainError) || error instanceof FormRefused || NOT_A_TYPING_MISTAKE.test(error.code)) throw error;
        const card = await form.render(full, parsed.data);
        const field = error.context.field ?? form.fieldOf?.(error, parsed.data);
        const state = formStateOf(input.t, input.services.config.timeZone, error, typeof field === 'string' ? field : undefined);
        throw new FormRefused(withFormState(card, { values: typedValues(data), ...state }), error);
      }
    },
  };
}
