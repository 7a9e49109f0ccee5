import type { z } from 'zod';
import type { AdaptiveCard } from '../../cards/card-kit';
import { DomainError } from '../../domain/shared/domain-error';
import type { BotServices } from '../handlers/bot-services';
import type { TurnInfo } from '../handlers/turn-info';
import type { Messages } from '../i18n';

export interface ActionInput {
  info: TurnInfo;
  t: Messages;
  services: BotServices;
}

/** One `Action.Execute` verb: its data is checked against the card's schema before `run` sees it. */
export interface CardAction {
  verb: string;
  /** The replacement card; throws a DomainError for a refusal (shown as an error card). */
  handle(input: ActionInput, data: unknown): Promise<AdaptiveCard>;
}

export function cardAction<S extends z.ZodType>(verb: string, schema: S, run: (input: ActionInput, data: z.output<S>) => Promise<AdaptiveCard>): CardAction {
  return {
    verb,
    async handle(input, data) {
      const parsed = schema.safeParse(data ?? {});
      if (!parsed.success) throw new DomainError('BOT.CARD_INVALID_DATA', { verb });
      return run(input, parsed.data);
    },
  };
}
