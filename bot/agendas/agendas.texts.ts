import type { AgendaEditorCardText } from '../../cards/agenda-editor.card';
import type { AgendaCardText } from '../../cards/agenda.card';
import type { BriefingCardText } from '../../cards/briefing.card';
import type { CirculationInputCardText } from '../../cards/circulation-input.card';
import type { CirculationStatusCardText } from '../../cards/circulation-status.card';
import type { Lang } from '../i18n';

export interface AgendaTexts {
  agenda: AgendaCardText;
  editor: AgendaEditorCardText;
  input: CirculationInputCardText;
  status: CirculationStatusCardText;
  briefing: BriefingCardText;
  summaries: {
    agenda: (forum: string) => string;
    editor: (forum: string) => string;
    circulation: (forum: string) => string;
    status: (forum: string) => string;
    reminder: (forum: string) => string;
    briefing: (forum: string) => string;
  };
  notices: {
    created: string;
    itemAdded: string;
    itemSaved: string;
    itemMoved: string;
    itemRemoved: string;
    published: string;
    publishPending: string;
    publishFailed: (why: string) => string;
    updatedInChannel: string;
    circulationOn: string;
    circulationOff: string;
    /** After the cards went out; `delivery` counts what really happened ("Sendt til 1 af 3 konsulenter; …"). */
    circulated: (delivery: string) => string;
    saved: string;
    staleKept: string;
    reminder: string;
    reminded: (delivery: string) => string;
    compiled: (delivery: string) => string;
    resent: (count: number) => string;
    shared: (count: number) => string;
    noAgenda: (forum: string) => string;
    pickForum: (names: string) => string;
    /** In a channel or group chat: the draft went to the person's own chat instead. */
    editorSentPrivately: (forum: string) => string;
  };
  document: {
    title: (forum: string) => string;
    meeting: (when: string) => string;
    compiled: (when: string) => string;
    answered: (answered: number, total: number) => string;
    noInput: string;
    noComments: string;
    missing: string;
    denied: string;
    expired: string;
  };
}

const da: AgendaTexts = {
  agenda: {
    lang: 'da',
    title: (forum) => `Dagsorden – ${forum}`,
    meeting: (when) => `Møde ${when}`,
    draft: 'Kladde – ikke offentliggjort',
    updated: (when, by) => `Opdateret ${when} af ${by}`,
    presenter: (name) => `Fremlægges af ${name}`,
    documents: 'Bilag',
    inputWanted: 'Input ønskes',
    noItems: 'Dagsordenen har endnu ingen punkter.',
  },
  editor: {
    lang: 'da',
    newTitle: (forum) => `Ny dagsorden – ${forum}`,
    title: (forum) => `Dagsorden – ${forum}`,
    meeting: (when) => `Møde ${when}`,
    pickMeeting: 'Hvilket møde?',
    otherDate: 'Eller en anden dato',
    meetingDate: 'Mødets dato',
    otherTime: 'Klokkeslæt',
    noMeetings: 'Forummet har ingen planlagte møder. Angiv mødets dato og klokkeslæt.',
    create: 'Opret dagsorden',
    stateDraft: 'Kladde – kun synlig for formand og sekretær',
    statePublished: () => 'Offentliggjort i kanalen',
    noItems: 'Ingen punkter endnu. Tilføj det første nedenfor.',
    up: '↑ Op',
    down: '↓ Ned',
    edit: 'Rediger',
    remove: 'Slet',
    followUpActions: 'Luk eller overfør handlinger',
    save: 'Gem punkt',
    itemTitle: 'Titel',
    itemTitleRequired: 'Punktet skal have en titel.',
    itemDescription: 'Kort beskrivelse',
    itemPresenter: 'Fremlægges af',
    itemUrl: 'Link til bilag (valgfrit)',
    itemInputWanted: 'Input ønskes fra konsulenterne',
    addHeading: 'Nyt punkt',
    add: 'Tilføj punkt',
    publish: 'Offentliggør i kanalen',
    circulationHeading: 'Input fra SSP-konsulenterne',
    circulationOff: 'Indhentning af input er slået fra for denne dagsorden.',
    turnOn: 'Slå indhentning af input til',
    turnOff: 'Slå indhentning fra',
    deadlineDate: 'Frist (dato)',
    deadlineTime: 'Frist (klokkeslæt)',
    consultantFora: 'Konsulenter fra disse fora',
    reminderHours: 'Påmindelse til dem, der mangler (timer før fristen)',
    circulate: 'Send til konsulenterne',
    circulated: (count, deadline) => `Input indhentes fra ${count} konsulenter. Frist ${deadline}. Statuskortet viser, hvem der har fået kortet.`,
    publishFirst: 'Offentliggør dagsordenen, før den sendes til konsulenterne.',
    presenter: (name) => `Fremlægges af ${name}`,
    documents: 'Bilag',
    inputWanted: 'Input ønskes',
  },
  input: {
    lang: 'da',
    title: (forum) => `Input til dagsorden – ${forum}`,
    meeting: (when) => `Møde ${when}`,
    deadline: (when) => `Frist for input: ${when}`,
    intro: 'Skriv dit input til de punkter, hvor det ønskes. Du kan ændre det frem til fristen. Kun du og formanden kan se det, indtil briefingen er lavet. Skriv aldrig CPR-numre eller navne på borgere.',
    inputLabel: 'Dit input',
    placeholder: 'Hvad ser I lokalt, som er vigtigt for dette punkt?',
    noInputWanted: 'Ingen input ønskes til dette punkt.',
    noComments: 'Ingen kommentarer til dagsordenen',
    submit: 'Send input',
    change: 'Gem ændringer',
    savedAt: (when) => `Gemt ${when}.`,
    savedNoComments: 'Du har svaret: ingen kommentarer.',
    nothingSaved: 'Du afgav ikke input.',
    closed: 'Fristen er udløbet. Kortet kan ikke længere ændres.',
    yourInput: 'Dit input',
    presenter: (name) => `Fremlægges af ${name}`,
    documents: 'Bilag',
  },
  status: {
    lang: 'da',
    title: (forum) => `Input til dagsorden – ${forum}`,
    meeting: (when) => `Møde ${when}`,
    deadline: (when) => `Frist: ${when}`,
    closed: 'Fristen er udløbet.',
    answered: (answered, total) => `${answered} af ${total} har svaret`,
    missingHeading: 'Mangler svar fra:',
    allAnswered: 'Alle har svaret.',
    andMore: (count) => `… og ${count} mere`,
    remind: 'Påmind dem, der mangler',
    compile: 'Lav briefing nu',
    briefingReady: (when) => `Briefingen blev lavet ${when}.`,
  },
  briefing: {
    lang: 'da',
    title: (forum) => `Briefing – ${forum}`,
    meeting: (when) => `Møde ${when}`,
    compiledAt: (when) => `Samlet ${when}`,
    answered: (answered, total) => `${answered} af ${total} konsulenter har svaret.`,
    noInput: 'Intet input til dette punkt.',
    noCommentsHeading: 'Ingen kommentarer:',
    missingHeading: 'Svarede ikke:',
    downloadWord: 'Hent som Word',
    downloadMarkdown: 'Hent som tekst',
    shareLabel: 'Del briefingen med',
    share: 'Del',
    sharedWith: (names) => `Delt med ${names}`,
    shortened: 'Der er for meget input til at vise det hele her, så lange input er forkortet (de slutter med …). Hele teksten står i dokumentet: hent det som Word eller tekst nederst på kortet.',
    moreInputs: (count) => `… og ${count} input mere til dette punkt – se dokumentet.`,
    moreNames: (count) => `og ${count} mere (se dokumentet)`,
  },
  summaries: {
    agenda: (forum) => `Dagsorden – ${forum}`,
    editor: (forum) => `Rediger dagsorden – ${forum}`,
    circulation: (forum) => `Dagsorden til input – ${forum}`,
    status: (forum) => `Input til dagsorden – ${forum}: status`,
    reminder: (forum) => `Påmindelse: dit input til ${forum}s dagsorden`,
    briefing: (forum) => `Briefing til ${forum}s møde`,
  },
  notices: {
    created: 'Dagsordenen er oprettet som kladde.',
    itemAdded: 'Punktet er tilføjet.',
    itemSaved: 'Punktet er gemt.',
    itemMoved: 'Rækkefølgen er ændret.',
    itemRemoved: 'Punktet er slettet.',
    published: 'Dagsordenen er offentliggjort i forummets kanal.',
    publishPending: 'Dagsordenen er offentliggjort og på vej til forummets kanal.',
    publishFailed: (why) => `Dagsordenen er offentliggjort, men kortet nåede ikke forummets kanal: ${why}. Tilføj Forumbot til teamet, eller skriv @Forumbot tilknyt i kanalen igen.`,
    updatedInChannel: 'Gemt. Kortet i kanalen bliver opdateret.',
    circulationOn: 'Indhentning af input er slået til.',
    circulationOff: 'Indhentning af input er slået fra.',
    circulated: (delivery) => `Indhentning af input er startet. ${delivery}`,
    saved: 'Dit input er gemt.',
    staleKept: 'Dagsordenen er ændret, siden kortet blev sendt. Her er den nye udgave med det, du skrev. Se den igennem og send igen – intet er gemt endnu.',
    reminder: 'Påmindelse: vi mangler stadig dit input.',
    reminded: (delivery) => `Påmindelse: ${delivery}`,
    compiled: (delivery) => `Briefingen er lavet. ${delivery}`,
    resent: (count) => (count === 0 ? 'Der var ingen at sende igen til lige nu.' : `Sendt igen til ${count}. Status følger her.`),
    shared: (count) => `Briefingen er delt med ${count}.`,
    noAgenda: (forum) => `${forum} har ingen offentliggjort dagsorden endnu.`,
    pickForum: (names) => `Hvilket forum? Skriv fx **dagsorden ${names}**.`,
    editorSentPrivately: (forum) =>
      `Dagsordenen for ${forum} redigeres i din personlige chat med Forumbot – jeg har sendt den dertil. Kladden ses kun af formand og sekretær; kanalen får dagsordenen, når den er offentliggjort.`,
  },
  document: {
    title: (forum) => `Briefing – ${forum}`,
    meeting: (when) => `Møde ${when}`,
    compiled: (when) => `Samlet ${when}`,
    answered: (answered, total) => `${answered} af ${total} konsulenter har svaret.`,
    noInput: 'Intet input.',
    noComments: 'Ingen kommentarer',
    missing: 'Svarede ikke',
    denied: 'Du har ikke adgang til denne briefing. Bed formanden om at dele den med dig.',
    expired: 'Linket er udløbet. Åbn briefingen i Teams igen for at få et nyt.',
  },
};

const en: AgendaTexts = {
  agenda: {
    lang: 'en',
    title: (forum) => `Agenda – ${forum}`,
    meeting: (when) => `Meeting ${when}`,
    draft: 'Draft – not published',
    updated: (when, by) => `Updated ${when} by ${by}`,
    presenter: (name) => `Presented by ${name}`,
    documents: 'Documents',
    inputWanted: 'Input wanted',
    noItems: 'The agenda has no items yet.',
  },
  editor: {
    lang: 'en',
    newTitle: (forum) => `New agenda – ${forum}`,
    title: (forum) => `Agenda – ${forum}`,
    meeting: (when) => `Meeting ${when}`,
    pickMeeting: 'Which meeting?',
    otherDate: 'Or another date',
    meetingDate: 'Meeting date',
    otherTime: 'Time',
    noMeetings: 'The forum has no scheduled meetings. Give the meeting date and time.',
    create: 'Create agenda',
    stateDraft: 'Draft – visible to chair and secretary only',
    statePublished: () => 'Published in the channel',
    noItems: 'No items yet. Add the first one below.',
    up: '↑ Up',
    down: '↓ Down',
    edit: 'Edit',
    remove: 'Delete',
    followUpActions: 'Close or carry over action items',
    save: 'Save item',
    itemTitle: 'Title',
    itemTitleRequired: 'The item needs a title.',
    itemDescription: 'Short description',
    itemPresenter: 'Presented by',
    itemUrl: 'Link to documents (optional)',
    itemInputWanted: 'Input wanted from the consultants',
    addHeading: 'New item',
    add: 'Add item',
    publish: 'Publish in the channel',
    circulationHeading: 'Input from the SSP consultants',
    circulationOff: 'Gathering input is off for this agenda.',
    turnOn: 'Turn gathering input on',
    turnOff: 'Turn gathering input off',
    deadlineDate: 'Deadline (date)',
    deadlineTime: 'Deadline (time)',
    consultantFora: 'Consultants of these fora',
    reminderHours: 'Reminder to those missing (hours before the deadline)',
    circulate: 'Send to the consultants',
    circulated: (count, deadline) => `Input requested from ${count} consultants. Deadline ${deadline}. The progress card shows who got their card.`,
    publishFirst: 'Publish the agenda before sending it to the consultants.',
    presenter: (name) => `Presented by ${name}`,
    documents: 'Documents',
    inputWanted: 'Input wanted',
  },
  input: {
    lang: 'en',
    title: (forum) => `Input on the agenda – ${forum}`,
    meeting: (when) => `Meeting ${when}`,
    deadline: (when) => `Deadline for input: ${when}`,
    intro: 'Write your input on the items where it is wanted. You can change it until the deadline. Only you and the chair see it until the briefing is compiled. Never write CPR numbers or names of citizens.',
    inputLabel: 'Your input',
    placeholder: 'What do you see locally that matters for this item?',
    noInputWanted: 'No input wanted on this item.',
    noComments: 'No comments on the agenda',
    submit: 'Send input',
    change: 'Save changes',
    savedAt: (when) => `Saved ${when}.`,
    savedNoComments: 'You answered: no comments.',
    nothingSaved: 'You gave no input.',
    closed: 'The deadline has passed. The card can no longer be changed.',
    yourInput: 'Your input',
    presenter: (name) => `Presented by ${name}`,
    documents: 'Documents',
  },
  status: {
    lang: 'en',
    title: (forum) => `Input on the agenda – ${forum}`,
    meeting: (when) => `Meeting ${when}`,
    deadline: (when) => `Deadline: ${when}`,
    closed: 'The deadline has passed.',
    answered: (answered, total) => `${answered} of ${total} have answered`,
    missingHeading: 'Not answered yet:',
    allAnswered: 'Everyone has answered.',
    andMore: (count) => `… and ${count} more`,
    remind: 'Remind those missing',
    compile: 'Compile briefing now',
    briefingReady: (when) => `The briefing was compiled ${when}.`,
  },
  briefing: {
    lang: 'en',
    title: (forum) => `Briefing – ${forum}`,
    meeting: (when) => `Meeting ${when}`,
    compiledAt: (when) => `Compiled ${when}`,
    answered: (answered, total) => `${answered} of ${total} consultants answered.`,
    noInput: 'No input on this item.',
    noCommentsHeading: 'No comments:',
    missingHeading: 'Did not answer:',
    downloadWord: 'Download as Word',
    downloadMarkdown: 'Download as text',
    shareLabel: 'Share the briefing with',
    share: 'Share',
    sharedWith: (names) => `Shared with ${names}`,
    shortened: 'There is too much input to show it all here, so long inputs are shortened (they end in …). The full text is in the document: download it as Word or text at the bottom of the card.',
    moreInputs: (count) => `… and ${count} more inputs on this item – see the document.`,
    moreNames: (count) => `and ${count} more (see the document)`,
  },
  summaries: {
    agenda: (forum) => `Agenda – ${forum}`,
    editor: (forum) => `Edit agenda – ${forum}`,
    circulation: (forum) => `Agenda for input – ${forum}`,
    status: (forum) => `Input on the agenda – ${forum}: progress`,
    reminder: (forum) => `Reminder: your input on the ${forum} agenda`,
    briefing: (forum) => `Briefing for the ${forum} meeting`,
  },
  notices: {
    created: 'The agenda was created as a draft.',
    itemAdded: 'The item was added.',
    itemSaved: 'The item was saved.',
    itemMoved: 'The order was changed.',
    itemRemoved: 'The item was deleted.',
    published: "The agenda was published in the forum's channel.",
    publishPending: "The agenda was published and is on its way to the forum's channel.",
    publishFailed: (why) => `The agenda was published, but the card did not reach the forum's channel: ${why}. Add Forumbot to the team, or write @Forumbot tilknyt in the channel again.`,
    updatedInChannel: 'Saved. The card in the channel will be updated.',
    circulationOn: 'Gathering input is on.',
    circulationOff: 'Gathering input is off.',
    circulated: (delivery) => `Collecting input has started. ${delivery}`,
    saved: 'Your input was saved.',
    staleKept: 'The agenda changed since the card was sent. Here is the new version with what you typed. Check it and send again – nothing was saved yet.',
    reminder: 'Reminder: we still need your input.',
    reminded: (delivery) => `Reminder: ${delivery}`,
    compiled: (delivery) => `The briefing was compiled. ${delivery}`,
    resent: (count) => (count === 0 ? 'There was nobody to send again to just now.' : `Sent again to ${count}. Their state follows here.`),
    shared: (count) => `The briefing was shared with ${count}.`,
    noAgenda: (forum) => `${forum} has no published agenda yet.`,
    pickForum: (names) => `Which forum? Type e.g. **agenda ${names}**.`,
    editorSentPrivately: (forum) =>
      `The agenda for ${forum} is edited in your personal chat with Forumbot – I have sent it there. Only the chair and secretary see the draft; the channel gets the agenda once it is published.`,
  },
  document: {
    title: (forum) => `Briefing – ${forum}`,
    meeting: (when) => `Meeting ${when}`,
    compiled: (when) => `Compiled ${when}`,
    answered: (answered, total) => `${answered} of ${total} consultants answered.`,
    noInput: 'No input.',
    noComments: 'No comments',
    missing: 'Did not answer',
    denied: 'You do not have access to this briefing. Ask the chair to share it with you.',
    expired: 'The link has expired. Open the briefing in Teams again to get a new one.',
  },
};

export const agendaTexts: Record<Lang, AgendaTexts> = { da, en };
