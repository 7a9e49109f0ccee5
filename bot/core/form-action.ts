import type { z } from 'zod';
import type { AdaptiveCard } from '../../cards/card-kit';
import { withFormState } from '../../cards/form-state';
import { DomainError } from '../../domain/shared/domain-error';
import { FieldsRefused } from '../../domain/shared/field-problems';
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
  return {
    verb,
    schema,
    access: access as Access<never>,
    async handle(input, data) {
      const parsed = schema.safeParse(data ?? {});
      if (!parsed.success) throw new DomainError('BOT.CARD_INVALID_DATA', { verb });
      const granted = await checkAccess(access, input.services, input.actor.userId, parsed.data);
      const full = { ...input, granted };
      try {
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
