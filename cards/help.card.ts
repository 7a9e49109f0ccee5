import { z } from 'zod';
import { adaptiveCard, executeAction, heading, paragraph, type AdaptiveCard, type CardLang } from './card-kit';

export const HELP_VERBS = { show: 'help.show' } as const;

/** `help.show`: show the command overview, optionally in the other language. */
export const HelpShowData = z.object({ lang: z.enum(['da', 'en']).optional() });
export type HelpShowData = z.infer<typeof HelpShowData>;

export interface HelpCardText {
  lang: CardLang;
  title: string;
  intro: string;
  mentionHint: string;
  /** Label of the button that shows this card in the other language. */
  otherLanguage: string;
}

export interface HelpCardView {
  commands: readonly { usage: string; description: string }[];
}

const otherLang = (lang: CardLang): CardLang => (lang === 'da' ? 'en' : 'da');

export function helpCard(text: HelpCardText, view: HelpCardView): AdaptiveCard {
  return adaptiveCard(
    text.lang,
    [
      heading(text.title),
      paragraph(text.intro),
      { type: 'FactSet', facts: view.commands.map((c) => ({ title: c.usage, value: c.description })) },
      paragraph(text.mentionHint, { isSubtle: true, size: 'Small' }),
    ],
    [executeAction(text.otherLanguage, HELP_VERBS.show, { lang: otherLang(text.lang) })],
  );
}
