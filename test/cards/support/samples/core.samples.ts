import { commandOverview } from '../../../../bot/help/help.command';
import { errorText, messagesFor } from '../../../../bot/i18n';
import type { CardLang } from '../../../../cards/card-kit';
import { errorCard } from '../../../../cards/error.card';
import { foraCard } from '../../../../cards/fora.card';
import { helpCard } from '../../../../cards/help.card';
import { noticeCard } from '../../../../cards/notice.card';
import { welcomeCard } from '../../../../cards/welcome.card';
import { sample, type CardSample } from '../sample';

const t = (lang: CardLang) => messagesFor(lang);

/** Fora as the bot lists them, including a sensitive one and the longest Ishøj names. */
const fora = [
  { id: 'kredsraad', name: 'Kredsråd', level: 'strategic', sensitive: false, linkedHere: false },
  { id: 'koordinationsgruppen', name: 'Koordinationsgruppen', level: 'coordinating', sensitive: false, linkedHere: true },
  { id: 'infohus', name: 'Infohus', level: 'coordinating', sensitive: true, linkedHere: false },
  { id: 'ssp-netvaerk', name: 'SSP-netværk', level: 'executing', sensitive: false, linkedHere: false },
] as const;

/** The bot's own cards: welcome, help, errors, fora, notices. */
export const coreSamples: readonly CardSample[] = [
  sample(welcomeCard, (lang) => ({
    'after install': welcomeCard(t(lang).cards.welcome, { commands: commandOverview(t(lang)).map((c) => c.usage) }),
  })),
  sample(helpCard, (lang) => ({
    'command overview': helpCard(t(lang).cards.help, { commands: commandOverview(t(lang)) }),
  })),
  sample(errorCard, (lang) => ({
    'refused action': errorCard(t(lang).cards.error, errorText(t(lang), 'BOT.FORUM_UNKNOWN')),
    'unknown code': errorCard(t(lang).cards.error, errorText(t(lang), 'NOT.A.CODE')),
  })),
  sample(foraCard, (lang) => ({
    'no fora': foraCard(t(lang).cards.fora, { fora: [], offerLink: false }),
    'in a chat': foraCard(t(lang).cards.fora, { fora, offerLink: false }),
    'in a channel, offering to link': foraCard(t(lang).cards.fora, { fora, offerLink: true }),
  })),
  sample(noticeCard, (lang) => ({
    'channel linked': noticeCard(lang, t(lang).replies.linkedTitle, t(lang).replies.linked('Koordinationsgruppen')),
  })),
];
