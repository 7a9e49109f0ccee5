import type { PictureCommentaryTexts } from '../../cards/picture-commentary.card';
import type { Lang } from '../i18n';

/** The analyst's flow in Danish (default) and English: the commentary card, the reminder and the answers. */
export interface CommentaryTexts {
  card: PictureCommentaryTexts;
  /** "2. halvår 2026". */
  half: (period: { from: string; to: string }) => string;
  sections: { cases: string; levels: string; times: string; decisions: string; cooperation: string };
  figures: { before: (value: string, previous: string) => string; allCirculation: string; circulationNone: string };
  summaries: { card: string; confirm: string; reminder: string };
  notices: {
    saved: string;
    delivered: (channel: string) => string;
    onTheWay: (channel: string) => string;
    failed: (channel: string, why: string) => string;
    already: (at: string, name: string) => string;
  };
  reminder: { title: (half: string) => string; text: (lokalraad: string) => string; open: string };
  /** The button on the `halvår` card, shown to the analyst. */
  openFromFigures: string;
}

export const commentaryTexts: Record<Lang, CommentaryTexts> = {
  da: {
    card: {
      lang: 'da',
      title: (period) => `Halvårsbilledet for ${period}: kommentarer`,
      intro: (lokalraad) => `Skriv din kommentar til hvert afsnit. Når du offentliggør, får ${lokalraad} kortet med nøgletal, dine kommentarer og rapporten i Word i sin kanal.`,
      figuresHeading: 'Nøgletal (dette halvår, halvåret før i parentes)',
      commentaryLabel: (section) => `Kommentar: ${section}`,
      placeholder: 'Hvad viser tallene, og hvad bør Lokalrådet drøfte?',
      save: 'Gem kladde',
      publish: 'Offentliggør til Lokalrådet',
      lastEdited: (name, at) => `Kladde gemt af ${name} ${at}.`,
      publishedLine: (name, at) => `Offentliggjort af ${name} ${at}.`,
      noCommentary: '(Ingen kommentar)',
      confirmTitle: 'Offentliggør til Lokalrådet?',
      confirmText: (lokalraad) => `Kladden er gemt. ${lokalraad}s kanal får nu kortet med nøgletal, diagram, dine kommentarer og rapporten i Word. Bagefter kan kommentarerne ikke ændres.`,
      confirmYes: 'Ja, offentliggør',
      back: 'Tilbage til kommentarerne',
    },
    half: (p) => `${p.from.endsWith('-01') ? '1' : '2'}. halvår ${p.from.slice(0, 4)}`,
    sections: { cases: 'Sager rejst', levels: 'Niveau og område', times: 'Tid til kvittering og afgørelse', decisions: 'Beslutninger og handlinger', cooperation: 'Cirkulation og møder' },
    figures: { before: (value, previous) => `${value} (${previous})`, allCirculation: 'Svar på cirkulation', circulationNone: 'ingen cirkulation' },
    summaries: { card: 'Halvårsbilledet: dine kommentarer', confirm: 'Offentliggør halvårsbilledet til Lokalrådet?', reminder: 'Halvårsbilledet er klar til din kommentar' },
    notices: {
      saved: 'Kladden er gemt. Lokalrådet ser intet, før du offentliggør.',
      delivered: (channel) => `Offentliggjort: Teams har modtaget kortet i 1 kanal (${channel}).`,
      onTheWay: (channel) => `Offentliggjort: kortet er på vej til ${channel}s kanal; Teams har ikke bekræftet det endnu (0 af 1 kanal).`,
      failed: (channel, why) => `Kortet nåede ikke ${channel}s kanal (0 af 1 kanal): ${why}. Tilføj Forumbot til teamet, eller skriv @Forumbot tilknyt i kanalen.`,
      already: (at, name) => `Halvårsbilledet er allerede offentliggjort den ${at} af ${name}. Det sendes ikke igen.`,
    },
    reminder: {
      title: (half) => `Halvårsbilledet for ${half} er klar til din kommentar`,
      text: (lokalraad) => `Tallene for halvåret er gjort op. Skriv din kommentar til hvert afsnit, og offentliggør billedet til ${lokalraad}.`,
      open: 'Skriv kommentarer',
    },
    openFromFigures: 'Kommentér og offentliggør til Lokalrådet',
  },
  en: {
    card: {
      lang: 'en',
      title: (period) => `The half-yearly picture for ${period}: commentary`,
      intro: (lokalraad) => `Write your commentary on each section. When you publish, ${lokalraad} gets the card with the key figures, your commentary and the Word report in its channel.`,
      figuresHeading: 'Key figures (this half-year, the one before in brackets)',
      commentaryLabel: (section) => `Commentary: ${section}`,
      placeholder: 'What do the figures show, and what should the Lokalråd discuss?',
      save: 'Save draft',
      publish: 'Publish to the Lokalråd',
      lastEdited: (name, at) => `Draft saved by ${name} ${at}.`,
      publishedLine: (name, at) => `Published by ${name} ${at}.`,
      noCommentary: '(No commentary)',
      confirmTitle: 'Publish to the Lokalråd?',
      confirmText: (lokalraad) => `The draft is saved. ${lokalraad}'s channel now gets the card with the key figures, the chart, your commentary and the Word report. Afterwards the commentary cannot change.`,
      confirmYes: 'Yes, publish',
      back: 'Back to the commentary',
    },
    half: (p) => `the ${p.from.endsWith('-01') ? 'first' : 'second'} half of ${p.from.slice(0, 4)}`,
    sections: { cases: 'Cases raised', levels: 'Level and area', times: 'Time to acknowledgement and decision', decisions: 'Decisions and action items', cooperation: 'Circulation and meetings' },
    figures: { before: (value, previous) => `${value} (${previous})`, allCirculation: 'Circulation answered', circulationNone: 'no circulation' },
    summaries: { card: 'The half-yearly picture: your commentary', confirm: 'Publish the half-yearly picture to the Lokalråd?', reminder: 'The half-yearly picture is ready for your commentary' },
    notices: {
      saved: 'The draft is saved. The Lokalråd sees nothing until you publish.',
      delivered: (channel) => `Published: Teams accepted the card in 1 channel (${channel}).`,
      onTheWay: (channel) => `Published: the card is on its way to ${channel}'s channel; Teams has not confirmed it yet (0 of 1 channel).`,
      failed: (channel, why) => `The card did not reach ${channel}'s channel (0 of 1 channel): ${why}. Add Forumbot to the team, or write @Forumbot tilknyt in the channel.`,
      already: (at, name) => `The half-yearly picture was already published on ${at} by ${name}. It is not sent again.`,
    },
    reminder: {
      title: (half) => `The half-yearly picture for ${half} is ready for your commentary`,
      text: (lokalraad) => `The half-year's figures are in. Write your commentary on each section and publish the picture to ${lokalraad}.`,
      open: 'Write commentary',
    },
    openFromFigures: 'Comment and publish to the Lokalråd',
  },
};
