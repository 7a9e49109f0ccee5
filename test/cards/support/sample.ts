import type { CardLang } from '../../../cards/card-kit';

/** A built card; builders return their own card types, all plain JSON. */
type Card = object;
type Builder = (...args: never[]) => Card;

export interface CardSample {
  /** The exported builder, compared by identity with the exports of cards/*.card.ts. */
  builder: Builder;
  /** Named variants of the card in one language. */
  build: (lang: CardLang) => Record<string, Card>;
}

/** A builder with its variants; the variants' type is the builder's own result. */
export const sample = <B extends Builder>(builder: B, build: (lang: CardLang) => Record<string, ReturnType<B>>): CardSample => ({ builder, build });
