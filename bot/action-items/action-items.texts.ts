import type { ActionBoardCardText } from '../../cards/action-board.card';
import type { ActionExportCardText } from '../../cards/action-export.card';
import type { ActionFollowUpCardText } from '../../cards/action-follow-up.card';
import type { ActionItemCardText } from '../../cards/action-item.card';
import type { MyActionsCardText } from '../../cards/action-mine.card';
import type { ActionRecordCardText } from '../../cards/action-record.card';
import type { ActionStatus } from '../../domain/actions/action-item';
import type { Lang } from '../i18n';

export interface ActionItemsTexts {
  item: ActionItemCardText;
  board: ActionBoardCardText;
  mine: MyActionsCardText;
  record: ActionRecordCardText;
  followUp: ActionFollowUpCardText;
  export: ActionExportCardText;
  boardTitle: (forum: string) => string;
  recordedIntro: (count: number, by: string) => string;
  digestTitle: (forum: string) => string;
  digestIntro: (week: string) => string;
  assignedBanner: (forum: string) => string;
  dueSoonBanner: (days: number) => string;
  overdueBanner: string;
  proposalBanner: (owner: string, date: string) => string;
  summaries: {
    board: (forum: string) => string;
    assigned: (title: string) => string;
    dueSoon: (title: string) => string;
    overdue: (title: string) => string;
    digest: (forum: string, count: number) => string;
    proposal: (title: string) => string;
    mine: string;
  };
  csv: { headers: readonly string[]; statuses: Record<ActionStatus, string>; yes: string };
}

const daStatuses: Record<ActionStatus, string> = { open: 'Åben', started: 'I gang', blocked: 'Blokeret', done: 'Udført', cancelled: 'Annulleret' };
const enStatuses: Record<ActionStatus, string> = { open: 'Open', started: 'Started', blocked: 'Blocked', done: 'Done', cancelled: 'Cancelled' };

const da: ActionItemsTexts = {
  item: {
    lang: 'da',
    statuses: daStatuses,
    owner: 'Ansvarlig',
    forum: 'Forum',
    due: 'Frist',
    overdue: 'overskredet',
    blockedBecause: 'Blokeret fordi',
    proposed: 'Foreslået ny frist',
    carriedOver: (n) => `Overført ${n} ${n === 1 ? 'gang' : 'gange'} til et senere møde.`,
    escalated: 'Løftet til forummet over.',
    start: 'I gang',
    done: 'Udført',
    reopen: 'Genåbn',
    block: 'Blokeret …',
    blockReasonLabel: 'Hvad blokerer? (ingen personoplysninger)',
    blockSubmit: 'Markér som blokeret',
    propose: 'Ny frist …',
    proposeLabel: 'Foreslået frist',
    proposeSubmit: 'Foreslå frist',
    accept: 'Godkend ny frist',
    reject: 'Afvis ny frist',
    cancel: 'Annullér',
    escalate: 'Løft til forummet over …',
    escalateLabel: 'Hvorfor skal den løftes? (ingen personoplysninger)',
    escalateSubmit: 'Løft',
    backToList: 'Tilbage til listen',
  },
  board: {
    lang: 'da',
    statuses: daStatuses,
    due: 'frist',
    overdue: 'overskredet',
    empty: 'Ingen åbne handlinger.',
    shown: (shown, total) => `Viser ${shown} af ${total} åbne handlinger. Eksportér til CSV for at se dem alle.`,
    range: (first, last, total) => `Viser ${first}–${last} af ${total} åbne handlinger, de mest presserende først.`,
    more: 'Vis flere',
    firstPage: 'Til første side',
    overdueCount: (n) => `${n} ${n === 1 ? 'handling har' : 'handlinger har'} overskredet fristen.`,
    record: 'Tilføj handlinger',
    followUp: 'Opfølgning',
    export: 'Eksportér CSV',
  },
  mine: {
    lang: 'da',
    title: 'Mine handlinger',
    empty: 'Du har ingen åbne handlinger.',
    statuses: daStatuses,
    due: 'frist',
    overdue: 'overskredet',
    range: (first, last, total) => `Viser ${first}–${last} af ${total} åbne handlinger, de mest presserende først.`,
    more: 'Vis flere',
    firstPage: 'Til første side',
  },
  record: {
    lang: 'da',
    title: 'Registrér handlinger',
    intro: 'Udfyld en række pr. handling; tomme rækker springes over. Ingen personoplysninger om borgere.',
    row: (n) => `Handling ${n}`,
    itemTitle: 'Hvad skal gøres?',
    owner: 'Ansvarlig',
    external: 'En person uden for forummet …',
    externalName: 'Navn (uden for forummet)',
    externalEmail: 'E-mail (uden for forummet)',
    due: 'Frist',
    origin: 'Fra dagsordenspunkt (valgfrit)',
    submit: 'Gem handlinger',
  },
  followUp: {
    lang: 'da',
    title: 'Opfølgning på handlinger',
    intro: 'Luk det, der er gjort, og overfør resten til en ny frist.',
    empty: 'Ingen åbne handlinger at følge op på.',
    due: 'Frist',
    overdue: 'overskredet',
    close: 'Luk (udført)',
    carry: 'Overfør',
    carryLabel: 'Ny frist ved overførsel',
    shown: (shown, total) => `Viser ${shown} af ${total}. Resten står i CSV-eksporten.`,
  },
  export: {
    lang: 'da',
    title: 'Eksport af handlinger',
    body: (forum, until) => `Linket henter **${forum}**s handlinger som CSV (til Excel). Det er personligt og virker til ${until}.`,
    open: 'Hent CSV',
  },
  boardTitle: (forum) => `Handlinger · ${forum}`,
  recordedIntro: (count, by) => `${by} har registreret ${count} ${count === 1 ? 'ny handling' : 'nye handlinger'}.`,
  digestTitle: (forum) => `Overskredne handlinger · ${forum}`,
  digestIntro: (week) => `Ugeoversigt (${week}) til formanden: handlinger, hvis frist er overskredet.`,
  assignedBanner: (forum) => `Ny handling til dig fra ${forum}`,
  dueSoonBanner: (days) => (days === 1 ? 'Påmindelse: fristen er i morgen' : `Påmindelse: fristen er om ${days} dage`),
  overdueBanner: 'Fristen er overskredet',
  proposalBanner: (owner, date) => `${owner} foreslår ny frist ${date}`,
  summaries: {
    board: (forum) => `Handlinger i ${forum}`,
    assigned: (title) => `Ny handling til dig: ${title}`,
    dueSoon: (title) => `Påmindelse om frist: ${title}`,
    overdue: (title) => `Frist overskredet: ${title}`,
    digest: (forum, count) => `${count} ${count === 1 ? 'overskreden handling' : 'overskredne handlinger'} i ${forum}`,
    proposal: (title) => `Forslag om ny frist: ${title}`,
    mine: 'Mine handlinger',
  },
  csv: {
    headers: ['Titel', 'Ansvarlig', 'E-mail', 'Frist', 'Status', 'Overskredet', 'Blokeret fordi', 'Foreslået frist', 'Overført', 'Løftet (sag)', 'Dagsordenspunkt', 'Oprettet', 'Lukket', 'Id'],
    statuses: daStatuses,
    yes: 'ja',
  },
};

const en: ActionItemsTexts = {
  item: {
    lang: 'en',
    statuses: enStatuses,
    owner: 'Owner',
    forum: 'Forum',
    due: 'Due',
    overdue: 'overdue',
    blockedBecause: 'Blocked because',
    proposed: 'Proposed new due date',
    carriedOver: (n) => `Carried over ${n} ${n === 1 ? 'time' : 'times'} to a later meeting.`,
    escalated: 'Moved up to the forum above.',
    start: 'Started',
    done: 'Done',
    reopen: 'Reopen',
    block: 'Blocked …',
    blockReasonLabel: 'What blocks it? (no personal data)',
    blockSubmit: 'Mark as blocked',
    propose: 'New due date …',
    proposeLabel: 'Proposed due date',
    proposeSubmit: 'Propose due date',
    accept: 'Accept new due date',
    reject: 'Reject new due date',
    cancel: 'Cancel item',
    escalate: 'Move up to the forum above …',
    escalateLabel: 'Why move it up? (no personal data)',
    escalateSubmit: 'Move up',
    backToList: 'Back to the list',
  },
  board: {
    lang: 'en',
    statuses: enStatuses,
    due: 'due',
    overdue: 'overdue',
    empty: 'No open action items.',
    shown: (shown, total) => `Showing ${shown} of ${total} open items. Export to CSV to see them all.`,
    range: (first, last, total) => `Showing ${first}–${last} of ${total} open items, most urgent first.`,
    more: 'Show more',
    firstPage: 'Back to the first page',
    overdueCount: (n) => `${n} ${n === 1 ? 'item is' : 'items are'} overdue.`,
    record: 'Add action items',
    followUp: 'Follow-up',
    export: 'Export CSV',
  },
  mine: {
    lang: 'en',
    title: 'My action items',
    empty: 'You have no open action items.',
    statuses: enStatuses,
    due: 'due',
    overdue: 'overdue',
    range: (first, last, total) => `Showing ${first}–${last} of ${total} open items, most urgent first.`,
    more: 'Show more',
    firstPage: 'Back to the first page',
  },
  record: {
    lang: 'en',
    title: 'Record action items',
    intro: 'One row per item; empty rows are skipped. No personal data about citizens.',
    row: (n) => `Item ${n}`,
    itemTitle: 'What is to be done?',
    owner: 'Owner',
    external: 'Someone outside the forum …',
    externalName: 'Name (outside the forum)',
    externalEmail: 'E-mail (outside the forum)',
    due: 'Due date',
    origin: 'From agenda item (optional)',
    submit: 'Save items',
  },
  followUp: {
    lang: 'en',
    title: 'Follow-up on action items',
    intro: 'Close what is done and carry the rest over to a new due date.',
    empty: 'No open items to follow up.',
    due: 'Due',
    overdue: 'overdue',
    close: 'Close (done)',
    carry: 'Carry over',
    carryLabel: 'New due date when carried over',
    shown: (shown, total) => `Showing ${shown} of ${total}. The CSV export has the rest.`,
  },
  export: {
    lang: 'en',
    title: 'Export of action items',
    body: (forum, until) => `The link downloads **${forum}**'s action items as CSV (for Excel). It is personal and works until ${until}.`,
    open: 'Download CSV',
  },
  boardTitle: (forum) => `Action items · ${forum}`,
  recordedIntro: (count, by) => `${by} recorded ${count} new ${count === 1 ? 'item' : 'items'}.`,
  digestTitle: (forum) => `Overdue action items · ${forum}`,
  digestIntro: (week) => `Weekly digest (${week}) for the chair: items past their due date.`,
  assignedBanner: (forum) => `New action item for you from ${forum}`,
  dueSoonBanner: (days) => (days === 1 ? 'Reminder: due tomorrow' : `Reminder: due in ${days} days`),
  overdueBanner: 'The due date has passed',
  proposalBanner: (owner, date) => `${owner} proposes a new due date ${date}`,
  summaries: {
    board: (forum) => `Action items in ${forum}`,
    assigned: (title) => `New action item for you: ${title}`,
    dueSoon: (title) => `Due date reminder: ${title}`,
    overdue: (title) => `Overdue: ${title}`,
    digest: (forum, count) => `${count} overdue action ${count === 1 ? 'item' : 'items'} in ${forum}`,
    proposal: (title) => `New due date proposed: ${title}`,
    mine: 'My action items',
  },
  csv: {
    headers: ['Title', 'Owner', 'E-mail', 'Due', 'Status', 'Overdue', 'Blocked because', 'Proposed due date', 'Carried over', 'Moved up (case)', 'Agenda item', 'Created', 'Closed', 'Id'],
    statuses: enStatuses,
    yes: 'yes',
  },
};

export const actionItemsTexts: Record<Lang, ActionItemsTexts> = { da, en };
