import type { z } from 'zod';
import type { AdaptiveCard } from '../../cards/card-kit';
import { DomainError } from '../../domain/shared/domain-error';
import { cprRefusedFields } from '../../domain/shared/guarded-text';
import type { Messages } from '../i18n/messages';
import { checkAccess, type Access, type Granted } from './access';
import type { BotServices } from './services';
import type { Actor, TurnInfo } from './turn-info';

/** What a card verb's handler gets: the turn, the person acting (always there), and what the access check established. */
export interface ActionInput {
  info: TurnInfo;
  actor: Actor;
  t: Messages;
  services: BotServices;
  granted: Granted;
}

/**
 * A refusal that answers with a card of its own: a form given back with what the person typed and
 * the reasons beside the fields (see `formAction`). The dispatcher shows `card` instead of an
 * error card; nothing has been written.
 */
export class FormRefused extends DomainError {
  constructor(
    readonly card: AdaptiveCard,
    refusal: DomainError,
  ) {
    super(refusal.code, refusal.context);
    this.name = 'FormRefused';
  }
}

/** One `Action.Execute` verb, with who may use it. */
export interface CardAction {
  verb: string;
  /** What the card sends (checked before anything else). */
  schema: z.ZodType;
  access: Access<never>;
  /**
   * Checks the data against the card's schema, then the declared access, then runs the handler.
   * Answers with the replacement card; throws a DomainError for a refusal (a `FormRefused` carries
   * the card to answer with).
   */
  handle(input: Omit<ActionInput, 'granted'>, data: unknown): Promise<AdaptiveCard>;
}

export function cardAction<S extends z.ZodType>(
  verb: string,
  schema: S,
  access: Access<z.output<S>>,
  run: (input: ActionInput, data: z.output<S>) => Promise<AdaptiveCard>,
): CardAction {
  return {
    verb,
    schema,
    access: access as Access<never>,
    async handle(input, data) {
      const parsed = schema.safeParse(data ?? {});
      if (!parsed.success) {
        // A CPR number in a field is the person's to fix: say so, and which field (forms show it there).
        const [field] = cprRefusedFields(parsed.error);
        if (field !== undefined) throw new DomainError('INPUT.CPR_NUMBER', { verb, field });
        throw new DomainError('BOT.CARD_INVALID_DATA', { verb });
      }
      const granted = await checkAccess(access, input.services, input.actor.userId, parsed.data);
      return run({ ...input, granted }, parsed.data);
    },
  };
}
