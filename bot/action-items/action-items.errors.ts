import type { FeatureErrorTexts } from '../i18n/feature-error-texts';

const row = (context: Readonly<Record<string, unknown>>, da: boolean): string =>
  typeof context['row'] === 'number' ? (da ? ` (række ${context['row']})` : ` (row ${context['row']})`) : '';

/** Texts for the error codes only the action-items feature raises (the shared ones are in bot/i18n). */
export const actionItemsErrors: FeatureErrorTexts = {
  da: {
    'ACTION.DUE_IN_PAST': (c) => `Fristen må ikke ligge før i dag${row(c, true)}.`,
    'ACTION.OWNER_NOT_MEMBER': (c) => `Den ansvarlige er ikke medlem af forummet${row(c, true)}. Vælg et medlem, eller angiv navn og e-mail på en person uden for forummet.`,
    'ACTION.NO_ITEMS': () => 'Udfyld mindst én handling med titel, ansvarlig og frist.',
    'ACTION.TOO_MANY': (c) => `Højst ${String(c['max'] ?? 10)} handlinger ad gangen.`,
    'ACTION.ROW_INCOMPLETE': (c) => `Udfyld titel, ansvarlig og frist${row(c, true)}; for en person uden for forummet også navn og e-mail.`,
    'ACTION.NOT_OPEN': () => 'Handlingen er lukket. Genåbn den først.',
    'ACTION.NO_PROPOSAL': () => 'Der er ikke foreslået en ny frist.',
    'ACTION.ALREADY_ESCALATED': () => 'Handlingen er allerede løftet til forummet over.',
    'ACTION.NOT_FOUND': () => 'Handlingen findes ikke længere.',
    'ACTION.NO_FORUM_HERE': () => 'Denne kanal er ikke knyttet til et forum. Skriv **tilknyt [forum]** først.',
    'ACTION.LINK_INVALID': () => 'Linket er ugyldigt eller udløbet. Hent et nyt fra kortet i Teams.',
  },
  en: {
    'ACTION.DUE_IN_PAST': (c) => `The due date cannot be before today${row(c, false)}.`,
    'ACTION.OWNER_NOT_MEMBER': (c) => `The owner is not a member of the forum${row(c, false)}. Pick a member, or give the name and e-mail of someone outside the forum.`,
    'ACTION.NO_ITEMS': () => 'Fill in at least one item with title, owner and due date.',
    'ACTION.TOO_MANY': (c) => `At most ${String(c['max'] ?? 10)} items at a time.`,
    'ACTION.ROW_INCOMPLETE': (c) => `Fill in title, owner and due date${row(c, false)}; for someone outside the forum also name and e-mail.`,
    'ACTION.NOT_OPEN': () => 'The item is closed. Reopen it first.',
    'ACTION.NO_PROPOSAL': () => 'No new due date has been proposed.',
    'ACTION.ALREADY_ESCALATED': () => 'The item has already been moved up to the forum above.',
    'ACTION.NOT_FOUND': () => 'The item no longer exists.',
    'ACTION.NO_FORUM_HERE': () => 'This channel is not linked to a forum. Type **link [forum]** first.',
    'ACTION.LINK_INVALID': () => 'The link is invalid or has expired. Get a new one from the card in Teams.',
  },
};
