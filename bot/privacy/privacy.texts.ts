import type { PrivacyCardText } from '../../cards/privacy.card';
import type { Lang } from '../i18n';

export interface PrivacyTexts {
  card: PrivacyCardText;
  summaries: { request: string; result: string };
  csv: { headers: readonly string[]; sections: Record<'knownAs' | 'membership' | 'input' | 'actionItem' | 'case' | 'caseStep' | 'caseSeen' | 'agenda' | 'audit' | 'delivery' | 'team' | 'personalChat' | 'pictureReport' | 'caused' | 'analyst' | 'plan' | 'initiative' | 'initiativeChange', string>; planPending: string; chatState: { active: string; inactive: string } };
}

const da: PrivacyTexts = {
  card: {
    lang: 'da',
    requestTitle: 'Indsigt: en persons data',
    requestIntro: 'Angiv personens Entra-objekt-id (fra Entra ID eller Teams-administration). Du får en JSON-fil med alt, Forumbot har om personen, og et CSV-overblik.',
    personLabel: 'Personens objekt-id',
    personPlaceholder: 'fx 3f2504e0-4f89-11d3-9a0c-0305e82c3301',
    produce: 'Dan udtræk',
    resultTitle: (person) => `Persondata for ${person}`,
    resultBody: (validUntil) => `Linkene virker kun for dig og udløber ${validUntil}. Udleverede data er personfølsomme: opbevar dem sikkert.`,
    counts: (c) => `Medlemskaber: ${c.memberships} · Input: ${c.inputs} · Handlinger: ${c.actionItems} · Sager: ${c.cases} · Log: ${c.audit} · Beskeder: ${c.deliveries}`,
    openJson: 'Hent JSON',
    openCsv: 'Hent CSV-overblik',
    remove: 'Fjern personen (fratrådt)',
    removeTitle: 'Fjern en person, der har forladt kommunen',
    removeBody: (person) =>
      `${person} fjernes fra alle fora. Åbne handlinger, personen er ansvarlig for, går til forummets formand (eller markeres blokeret). Personens navn erstattes af "Tidligere medlem" og en fast kode overalt, hvor det står (forfatter, ansvarlig, sagsskridt, "Læst", dagsordener, handlingsplanens afsender, godkender og kontaktpersoner, loggen), og Teams-adressen, holdlisterne og leverede beskeder til personen slettes. Det kan ikke fortrydes.`,
    confirmRemove: 'Fjern personen',
    removedTitle: 'Personen er fjernet',
    removedBody: (o) => `Fjernet fra ${o.fora} fora. ${o.reassigned} åbne handlinger er givet til formanden, ${o.blocked} markeret blokeret, ${o.renamed} steder vises nu som ${o.pseudonym}, og ${o.erased} rækker kun om personen (adresser, holdlister, leverede beskeder) er slettet.`,
  },
  summaries: { request: 'Indsigt: en persons data', result: 'Persondata er klar til download' },
  csv: {
    headers: ['Område', 'Forum', 'Tidspunkt', 'Hvad', 'Detaljer', 'Id'],
    sections: { knownAs: 'Kendt bruger', membership: 'Medlemskab', input: 'Input', actionItem: 'Handling', case: 'Sag', caseStep: 'Sagsskridt', caseSeen: 'Læst afgørelse', agenda: 'Dagsorden', audit: 'Log', delivery: 'Besked', team: 'Holdliste', personalChat: 'Personlig chat', pictureReport: 'Halvårsrapport (kommentar)', caused: 'Besked sendt til andre', analyst: 'Analytiker (halvårsbilledet)', plan: 'Handlingsplan', initiative: 'Indsats', initiativeChange: 'Indsats ændret' },
    planPending: 'sendt til godkendelse',
    chatState: { active: 'aktiv', inactive: 'inaktiv' },
  },
};

const en: PrivacyTexts = {
  card: {
    lang: 'en',
    requestTitle: 'Access request: a person\'s data',
    requestIntro: 'Give the person\'s Entra object id (from Entra ID or Teams admin). You get a JSON file with everything Forumbot holds about them, and a CSV summary.',
    personLabel: 'The person\'s object id',
    personPlaceholder: 'e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301',
    produce: 'Produce',
    resultTitle: (person) => `Personal data of ${person}`,
    resultBody: (validUntil) => `The links work for you only and expire ${validUntil}. The data is personal: keep it safe.`,
    counts: (c) => `Memberships: ${c.memberships} · Inputs: ${c.inputs} · Action items: ${c.actionItems} · Cases: ${c.cases} · Audit: ${c.audit} · Messages: ${c.deliveries}`,
    openJson: 'Download JSON',
    openCsv: 'Download CSV summary',
    remove: 'Remove the person (left)',
    removeTitle: 'Remove a person who left the municipality',
    removeBody: (person) =>
      `${person} is removed from every forum. Open action items they own go to the forum's chair (or are marked blocked). Their name becomes "Tidligere medlem" with a fixed code wherever they are stored (author, owner, case steps, "Seen", agendas, the action plan's sender, approver and contacts, the audit), and their Teams address, roster rows and messages delivered to them are deleted. This cannot be undone.`,
    confirmRemove: 'Remove the person',
    removedTitle: 'The person has been removed',
    removedBody: (o) => `Removed from ${o.fora} fora. ${o.reassigned} open items went to the chair, ${o.blocked} were marked blocked, ${o.renamed} places now show ${o.pseudonym}, and ${o.erased} rows only about them (addresses, team rosters, delivered messages) were deleted.`,
  },
  summaries: { request: 'Access request: a person\'s data', result: 'Personal data ready to download' },
  csv: {
    headers: ['Area', 'Forum', 'When', 'What', 'Details', 'Id'],
    sections: { knownAs: 'Known user', membership: 'Membership', input: 'Input', actionItem: 'Action item', case: 'Case', caseStep: 'Case step', caseSeen: 'Decision seen', agenda: 'Agenda', audit: 'Audit', delivery: 'Message', team: 'Team roster', personalChat: 'Personal chat', pictureReport: 'Half-yearly report (commentary)', caused: 'Message sent to others', analyst: 'Analyst (half-yearly picture)', plan: 'Action plan', initiative: 'Initiative', initiativeChange: 'Initiative changed' },
    planPending: 'sent for approval',
    chatState: { active: 'active', inactive: 'inactive' },
  },
};

export const privacyTexts: Record<Lang, PrivacyTexts> = { da, en };
