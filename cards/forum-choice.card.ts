import type { Level } from '../domain/fora/forum';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardLang } from './card-kit';
import { FORA_VERBS, FORUM_CHOICE_ID } from './fora.card';

export interface ForumChoiceCardText {
  lang: CardLang;
  title: string;
  /** Several fora match what was typed. */
  several: (typed: string) => string;
  /** No forum matches: here are all of them. */
  none: (typed: string) => string;
  levels: Record<Level, string>;
  pickLabel: string;
  pickMissing: string;
  linkButton: string;
  /** More fora than a card offers: typing more of the name narrows them. */
  narrow: (shown: number, total: number) => string;
}

/** Teams shows only a few buttons side by side; beyond this the card offers a list instead. */
const MAX_BUTTONS = 5;
/** At most this many in the list (a deployment may serve a thousand fora); the rest are found by typing. */
export const MAX_CHOICES = 20;

export interface ForumChoiceCardView {
  typed: string;
  matched: boolean;
  fora: readonly { id: string; name: string; level: Level }[];
}

/**
 * `tilknyt` with a name that fits several fora (or none): one button per forum, each linking the
 * channel through the same verb as the fora card, so the choice needs no extra step.
 */
export function forumChoiceCard(text: ForumChoiceCardText, view: ForumChoiceCardView): AdaptiveCard {
  const body = [heading(text.title), paragraph(view.matched ? text.several(asText(view.typed)) : text.none(asText(view.typed)))];
  const offered = view.fora.slice(0, MAX_CHOICES);
  const narrowing = offered.length < view.fora.length ? [paragraph(text.narrow(offered.length, view.fora.length), { isSubtle: true, size: 'Small' })] : [];
  const label = (f: ForumChoiceCardView['fora'][number]): string => `${f.name} (${text.levels[f.level]})`;
  if (view.fora.length <= MAX_BUTTONS) {
    return adaptiveCard(text.lang, [...body, { type: 'ActionSet', actions: offered.map((f) => executeAction(label(f), FORA_VERBS.link, { forumId: f.id })) }]);
  }
  const choice = {
    type: 'Input.ChoiceSet',
    id: FORUM_CHOICE_ID,
    label: text.pickLabel,
    isRequired: true,
    errorMessage: text.pickMissing,
    choices: offered.map((f) => ({ title: label(f), value: f.id })),
  };
  return adaptiveCard(text.lang, [...body, choice, ...narrowing], [executeAction(text.linkButton, FORA_VERBS.link)]);
}
