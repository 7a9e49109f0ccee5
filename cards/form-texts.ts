import type { CardLang } from './card-kit';

/**
 * The words every form shares, in both languages: the limit shown before a person types, the
 * client-side messages, and the server's field messages. One place, so the client and the server
 * say the same thing about the same rule.
 */
export interface FormTexts {
  /** "højst 2.000 tegn", shown in the placeholder before anything is typed. */
  limit: (max: number) => string;
  /** The client's message for a text over its limit (it cannot count, so no length). */
  tooLongHint: (max: number) => string;
  /** The server's message for a text over its limit, with both numbers. */
  tooLong: (max: number, length: number) => string;
  /** A required field left empty, named by its label. */
  required: (label: string) => string;
  /** A number outside its range. */
  numberBetween: (min: number, max: number) => string;
  /** Only a web address. */
  url: string;
  /** Only an e-mail address. */
  email: string;
  /** A deadline that must come before the meeting (which starts `when`). */
  beforeMeeting: (when: string) => string;
  /** A date that may not lie before today. */
  notBeforeToday: string;
  /** Above a refused form: nothing was saved, the fields below say why. */
  refusedHeading: string;
}

const number = (lang: CardLang, n: number): string => n.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB');

export const formTexts: Readonly<Record<CardLang, FormTexts>> = {
  da: {
    limit: (max) => `højst ${number('da', max)} tegn`,
    tooLongHint: (max) => `Teksten er for lang: højst ${number('da', max)} tegn. Gør den kortere, og send igen.`,
    tooLong: (max, length) => `Teksten er for lang: højst ${number('da', max)} tegn; teksten har ${number('da', length)}. Gør den kortere, og send igen.`,
    required: (label) => `Udfyld «${label}», og send igen.`,
    numberBetween: (min, max) => `Skriv et helt tal fra ${number('da', min)} til ${number('da', max)}.`,
    url: 'Skriv en hel webadresse, der begynder med https://',
    email: 'Skriv en e-mailadresse som navn@ishoj.dk',
    beforeMeeting: (when) => `Fristen skal ligge før mødet ${when}.`,
    notBeforeToday: 'Vælg i dag eller en senere dato.',
    refusedHeading: 'Intet er gemt endnu: ret det, der står med rødt, og send igen. Det, du har skrevet, står der stadig.',
  },
  en: {
    limit: (max) => `at most ${number('en', max)} characters`,
    tooLongHint: (max) => `The text is too long: at most ${number('en', max)} characters. Shorten it and send again.`,
    tooLong: (max, length) => `The text is too long: at most ${number('en', max)} characters; it has ${number('en', length)}. Shorten it and send again.`,
    required: (label) => `Fill in “${label}” and send again.`,
    numberBetween: (min, max) => `Enter a whole number from ${number('en', min)} to ${number('en', max)}.`,
    url: 'Enter a full web address starting with https://',
    email: 'Enter an e-mail address such as name@ishoj.dk',
    beforeMeeting: (when) => `The deadline must come before the meeting on ${when}.`,
    notBeforeToday: 'Pick today or a later date.',
    refusedHeading: 'Nothing is saved yet: correct what is marked in red and send again. What you typed is still there.',
  },
};
