import { adaptiveCard, executeAction, heading, paragraph, type AdaptiveCard, type CardLang } from './card-kit';
import { HELP_VERBS } from './help.card';

export interface WelcomeCardText {
  lang: CardLang;
  title: string;
  intro: string;
  privacy: string;
  howTo: string;
  commandsLabel: string;
  showCommands: string;
}

export interface WelcomeCardView {
  /** How each command is typed, e.g. "tilknyt [forum]". */
  commands: readonly string[];
}

/** Sent once when the app is installed; its button replaces it with the command overview. */
export function welcomeCard(text: WelcomeCardText, view: WelcomeCardView): AdaptiveCard {
  return adaptiveCard(
    text.lang,
    [
      heading(text.title),
      paragraph(text.intro),
      paragraph(`${text.commandsLabel} ${view.commands.join(' · ')}`),
      paragraph(text.howTo),
      paragraph(text.privacy, { isSubtle: true, size: 'Small' }),
    ],
    [executeAction(text.showCommands, HELP_VERBS.show, { lang: text.lang }, { style: 'positive' })],
  );
}
