import { HELP_VERBS, HelpShowData, helpCard } from '../../cards/help.card';
import { commandOverview } from './help.command';
import { messagesFor } from '../i18n';
import { cardAction } from '../core/card-action';
import { isAdmin } from '../config';

/** "Vis kommandoer" / the language button: replaces the card with the command overview. */
export const helpShowAction = cardAction(HELP_VERBS.show, HelpShowData, { kind: 'anyone', why: 'the list of commands names no forum' }, async ({ t, services, actor }, data) => {
  const shown = data.lang === undefined ? t : messagesFor(data.lang);
  return helpCard(shown.cards.help, { commands: commandOverview(shown, isAdmin(services.config, actor.userId)) });
});
