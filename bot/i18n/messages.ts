import type { ErrorCardText } from '../../cards/error.card';
import type { ForaCardText } from '../../cards/fora.card';
import type { HelpCardText } from '../../cards/help.card';
import type { WelcomeCardText } from '../../cards/welcome.card';
import type { CommandName } from '../core/command-names';
import type { ErrorCode } from './error-codes';
import type { Lang } from './lang';

export type ErrorContext = Readonly<Record<string, unknown>>;

/** Every text the bot shows, for one language. Both dictionaries must fill all of it (the compiler checks). */
export interface Messages {
  lang: Lang;
  commands: Record<CommandName, { usage: string; description: string }>;
  cards: { welcome: WelcomeCardText; help: HelpCardText; error: ErrorCardText; fora: ForaCardText };
  /** Plain-text `summary` of card messages: what the Teams notification shows. */
  summaries: { welcome: string; help: string; fora: string };
  replies: {
    unknownCommand: string;
    /** A mistyped command: the nearest one. */
    didYouMean: (word: string) => string;
    commandListIntro: string;
    linkedTitle: string;
    alreadyLinkedTitle: string;
    linked: (forum: string) => string;
    alreadyLinked: (forum: string) => string;
    /** onTurnError: polite, never technical. */
    somethingWentWrong: string;
  };
  errors: Record<ErrorCode, (context: ErrorContext) => string>;
  /** For a code that has no text yet: still polite, still in the right language. */
  unknownError: string;
}
