import type { InitiativeCardText } from '../../cards/initiative.card';
import type { PlanApprovalCardText, PlanTextCardText } from '../../cards/plan-approval.card';
import type { PlanSettingsCardText } from '../../cards/plan-settings.card';
import type { PlanCardText } from '../../cards/plan.card';
import type { InitiativeStatus } from '../../domain/plan/initiative';
import type { Lang } from '../i18n';

export interface PlanTexts {
  plan: PlanCardText;
  initiative: InitiativeCardText;
  approval: PlanApprovalCardText;
  text: PlanTextCardText;
  settings: PlanSettingsCardText;
  summaries: { plan: string; approval: string; published: (n: number) => string; reminder: string; sentBack: string };
  notices: {
    saved: (project: string) => string;
    status: (project: string, status: string) => string;
    textSaved: string;
    /** What became of the approved plan's post in a forum's channel. */
    channel: { posted: (forum: string) => string; onTheWay: (forum: string) => string; failed: (forum: string, why: string) => string; none: (forum: string) => string };
    /**
     * `members`: the steering group's setting lets any member approve. `delivered` is the headline that
     * counts the cards Teams accepted (never those only queued); absent when nobody can approve.
     */
    sent: (forum: string, approvers: 'chair' | 'members', delivered: string | undefined) => string;
    reminder: (year: number) => string;
  };
  history: { created: (who: string, at: string) => string; edited: (who: string, at: string, fields: string) => string; status: (who: string, at: string, from: string, to: string) => string; system: string; someone: string };
  fieldNames: Record<string, string>;
  /** Headings of the Word document. */
  word: { title: string; fileName: string; project: string; purpose: string; timeFrame: string; targetGroup: string; approved: (n: number, at: string) => string; draft: string; adjusted: (at: string) => string };
}

const statusesDa: Record<InitiativeStatus, string> = { planned: 'Planlagt', running: 'I gang', on_hold: 'Sat i bero', ended: 'Afsluttet' };
const statusesEn: Record<InitiativeStatus, string> = { planned: 'Planned', running: 'Running', on_hold: 'On hold', ended: 'Ended' };

const da: PlanTexts = {
  plan: {
    lang: 'da',
    title: 'Lokal handlingsplan',
    modes: { published: 'Gældende plan', draft: 'Kladde' },
    states: { draft: 'under udarbejdelse', sent: 'sendt til godkendelse', approved: 'godkendt' },
    statuses: statusesDa,
    roles: { chair: 'formand', secretary: 'sekretær', member: 'medlem', consultant: 'konsulent', manager: 'leder' },
    levels: { strategic: 'Strategisk niveau', coordinating: 'Koordinerende niveau', executing: 'Udførende niveau' },
    labels: { basis: 'Grundlag og formål', organisation: 'Organisering', strategy: 'Strategi', initiatives: 'Indsatser', project: 'Projekt', purpose: 'Formål', timeFrame: 'Tidsramme', targetGroup: 'Målgruppe', status: 'Status', sealed: 'lukket forum' },
    version: (n, at) => `version ${n} godkendt ${at}`,
    adjusted: (at) => `senest justeret ${at}`,
    sentBack: (comment) => `Styregruppen har sendt planen tilbage: ${comment}`,
    awaiting: (count) => (count === 1 ? '1 ny indsats venter på styregruppens godkendelse.' : `${count} nye indsatser venter på styregruppens godkendelse.`),
    adjustment: (project, from, to, at) => `Justeret ${at}: ${project} (${from} → ${to})`,
    none: 'Ingen indsatser endnu.',
    noPublished: 'Der er endnu ingen godkendt plan. Konsulenterne skriver kladden, og styregruppen godkender den.',
    empty: '(ikke skrevet endnu)',
    buttons: { add: 'Ny indsats', open: 'Åbn', text: 'Ret tekster', send: 'Send til godkendelse', word: 'Hent som Word', showDraft: 'Vis kladden', showPublished: 'Vis gældende plan', settings: 'Indstillinger' },
  },
  initiative: {
    lang: 'da',
    newTitle: 'Ny indsats',
    editTitle: 'Ret indsats',
    statuses: statusesDa,
    labels: {
      focusArea: 'Indsatsområde',
      project: 'Projekt',
      purpose: 'Formål',
      fromYear: 'Fra år',
      toYear: 'Til år',
      targetGroup: 'Målgruppe',
      ageFrom: 'Alder fra (valgfri)',
      ageTo: 'Alder til (valgfri)',
      area: 'Område (valgfrit)',
      contactName: 'Kontaktperson (valgfri)',
      forum: 'Ansvarligt forum',
      status: 'Status',
      public: 'Må vises uden for et lukket forum',
      timeFrame: 'Tidsramme',
      history: 'Historik',
    },
    hints: {
      years: 'Skriv et helt tal.',
      choose: 'Vælg en fra listen.',
      public: 'Indsatser fra et lukket forum (fx Infohus) vises kun for dets medlemmer, medmindre dette er slået til.',
      status: 'Sat i bero og afsluttet tages ud af den gældende plan; planen markeres som justeret.',
    },
    buttons: { save: 'Gem', back: 'Tilbage til planen', edit: 'Ret', changeStatus: 'Skift status' },
  },
  approval: {
    lang: 'da',
    title: 'Handlingsplan til godkendelse',
    intro: (owner, by, at) => `${owner} sender den lokale handlingsplan til styregruppens godkendelse (sendt af ${by}, ${at}).`,
    counts: (n, areas) => `${n} indsatser i ${areas} indsatsområder.`,
    comment: 'Kommentar (skal udfyldes, når planen sendes tilbage)',
    buttons: { approve: 'Godkend', sendBack: 'Send tilbage', open: 'Vis planen' },
    done: { approved: (n) => `Godkendt som version ${n}. Planen er offentliggjort.`, sentBack: 'Sendt tilbage med din kommentar.', stale: 'Denne runde er afsluttet; planen er sendt på ny eller allerede besvaret.' },
  },
  settings: {
    lang: 'da',
    title: 'Handlingsplanens indstillinger',
    intro: 'Konsulenterne og formanden i det forum, der skriver planen, retter den; formanden for styregruppen godkender den. Den årlige påmindelse om at revidere planen kommer i den valgte måned.',
    owner: 'Forum, der skriver planen',
    steering: 'Styregruppe (strategisk forum)',
    month: 'Måned for den årlige påmindelse',
    approvers: 'Hvem i styregruppen godkender',
    approverChoices: { chair: 'Kun formanden', members: 'Ethvert medlem af styregruppen' },
    months: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
    choose: 'Vælg en fra listen.',
    save: 'Gem',
    back: 'Tilbage til planen',
    saved: 'Indstillingerne er gemt.',
  },
  text: { lang: 'da', title: 'Planens tekster', basis: 'Grundlag og formål', strategy: 'Strategi', save: 'Gem', back: 'Tilbage til planen' },
  summaries: { plan: 'Lokal handlingsplan', approval: 'Handlingsplanen venter på din godkendelse', published: (n) => `Handlingsplanen er godkendt (version ${n})`, reminder: 'Tid til at revidere handlingsplanen', sentBack: 'Handlingsplanen er sendt tilbage' },
  notices: {
    saved: (project) => `Indsatsen "${project}" er gemt.`,
    status: (project, status) => `"${project}" har nu status ${status}.`,
    textSaved: 'Teksterne er gemt.',
    channel: {
      posted: (forum) => `Slået op i kanalen for ${forum}.`,
      onTheWay: (forum) => `På vej til kanalen for ${forum}.`,
      failed: (forum, why) => `Nåede ikke kanalen for ${forum}: ${why}. Tilføj Forumbot til teamet, eller skriv @Forumbot tilknyt i kanalen.`,
      none: (forum) => `${forum} har ingen kanal tilknyttet; medlemmerne ser planen ved at skrive **handlingsplan**.`,
    },
    sent: (forum, approvers, delivered) =>
      delivered === undefined
        ? approvers === 'members'
          ? `Sendt til godkendelse i ${forum}, men forummet har ingen medlemmer til at godkende den. Bed registrets ansvarlige om at tilføje dem.`
          : `Sendt til godkendelse i ${forum}, men forummet har ingen formand til at godkende den. Bed registrets ansvarlige om at udpege en.`
        : `Sendt til godkendelse i ${forum}${approvers === 'members' ? '; ethvert medlem kan godkende' : ''}. ${delivered}`,
    reminder: (year) => `Det er tid til den årlige revision af den lokale handlingsplan for ${year}: gennemgå indsatserne, ret status, og send planen til styregruppens godkendelse.`,
  },
  history: {
    created: (who, at) => `${at}: oprettet af ${who}`,
    edited: (who, at, fields) => `${at}: ${fields} rettet af ${who}`,
    status: (who, at, from, to) => `${at}: status ${from} → ${to} (${who})`,
    system: 'systemet',
    someone: 'en person uden for forummet',
  },
  fieldNames: { focusArea: 'indsatsområde', project: 'projekt', purpose: 'formål', fromYear: 'fra år', toYear: 'til år', targetGroup: 'målgruppe', ages: 'alder', area: 'område', contactName: 'kontaktperson', forumId: 'forum', status: 'status', public: 'synlighed' },
  word: {
    title: 'Lokal handlingsplan',
    fileName: 'handlingsplan',
    project: 'Projekt',
    purpose: 'Formål',
    timeFrame: 'Tidsramme',
    targetGroup: 'Målgruppe',
    approved: (n, at) => `Version ${n}, godkendt af styregruppen ${at}`,
    draft: 'Kladde, ikke godkendt',
    adjusted: (at) => `Senest justeret ${at}`,
  },
};

const en: PlanTexts = {
  plan: {
    lang: 'en',
    title: 'Local action plan',
    modes: { published: 'Current plan', draft: 'Draft' },
    states: { draft: 'being written', sent: 'sent for approval', approved: 'approved' },
    statuses: statusesEn,
    roles: { chair: 'chair', secretary: 'secretary', member: 'member', consultant: 'consultant', manager: 'manager' },
    levels: { strategic: 'Strategic level', coordinating: 'Coordinating level', executing: 'Executing level' },
    labels: { basis: 'Basis and purpose', organisation: 'Organisation', strategy: 'Strategy', initiatives: 'Initiatives', project: 'Project', purpose: 'Purpose', timeFrame: 'Time frame', targetGroup: 'Target group', status: 'Status', sealed: 'closed forum' },
    version: (n, at) => `version ${n} approved ${at}`,
    adjusted: (at) => `last adjusted ${at}`,
    sentBack: (comment) => `The steering group sent the plan back: ${comment}`,
    awaiting: (count) => (count === 1 ? '1 new initiative awaits the steering group\'s approval.' : `${count} new initiatives await the steering group's approval.`),
    adjustment: (project, from, to, at) => `Adjusted ${at}: ${project} (${from} → ${to})`,
    none: 'No initiatives yet.',
    noPublished: 'There is no approved plan yet. The consultants write the draft and the steering group approves it.',
    empty: '(not written yet)',
    buttons: { add: 'New initiative', open: 'Open', text: 'Edit texts', send: 'Send for approval', word: 'Download as Word', showDraft: 'Show the draft', showPublished: 'Show the current plan', settings: 'Settings' },
  },
  initiative: {
    lang: 'en',
    newTitle: 'New initiative',
    editTitle: 'Edit initiative',
    statuses: statusesEn,
    labels: {
      focusArea: 'Focus area',
      project: 'Project',
      purpose: 'Purpose',
      fromYear: 'From year',
      toYear: 'To year',
      targetGroup: 'Target group',
      ageFrom: 'Age from (optional)',
      ageTo: 'Age to (optional)',
      area: 'Area (optional)',
      contactName: 'Contact person (optional)',
      forum: 'Responsible forum',
      status: 'Status',
      public: 'May be shown outside a closed forum',
      timeFrame: 'Time frame',
      history: 'History',
    },
    hints: {
      years: 'Enter a whole number.',
      choose: 'Choose one from the list.',
      public: 'Initiatives of a closed forum (e.g. Infohus) show only to its members unless this is on.',
      status: 'On hold and ended initiatives leave the current plan; the plan is marked as adjusted.',
    },
    buttons: { save: 'Save', back: 'Back to the plan', edit: 'Edit', changeStatus: 'Change status' },
  },
  approval: {
    lang: 'en',
    title: 'Action plan for approval',
    intro: (owner, by, at) => `${owner} sends the local action plan for the steering group's approval (sent by ${by}, ${at}).`,
    counts: (n, areas) => `${n} initiatives in ${areas} focus areas.`,
    comment: 'Comment (required when sending the plan back)',
    buttons: { approve: 'Approve', sendBack: 'Send back', open: 'Show the plan' },
    done: { approved: (n) => `Approved as version ${n}. The plan has been published.`, sentBack: 'Sent back with your comment.', stale: 'This round is over; the plan was sent again or already answered.' },
  },
  settings: {
    lang: 'en',
    title: 'Action plan settings',
    intro: 'The consultants and the chair of the forum that writes the plan edit it; the chair of the steering group approves it. The yearly reminder to revise the plan comes in the chosen month.',
    owner: 'Forum that writes the plan',
    steering: 'Steering group (strategic forum)',
    month: 'Month of the yearly reminder',
    approvers: 'Who in the steering group approves',
    approverChoices: { chair: 'The chair only', members: 'Any member of the steering group' },
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    choose: 'Choose one from the list.',
    save: 'Save',
    back: 'Back to the plan',
    saved: 'The settings have been saved.',
  },
  text: { lang: 'en', title: 'The plan\'s texts', basis: 'Basis and purpose', strategy: 'Strategy', save: 'Save', back: 'Back to the plan' },
  summaries: { plan: 'Local action plan', approval: 'The action plan awaits your approval', published: (n) => `The action plan has been approved (version ${n})`, reminder: 'Time to revise the action plan', sentBack: 'The action plan was sent back' },
  notices: {
    saved: (project) => `The initiative "${project}" has been saved.`,
    status: (project, status) => `"${project}" now has the status ${status}.`,
    textSaved: 'The texts have been saved.',
    channel: {
      posted: (forum) => `Posted in the channel of ${forum}.`,
      onTheWay: (forum) => `On its way to the channel of ${forum}.`,
      failed: (forum, why) => `Did not reach the channel of ${forum}: ${why}. Add Forumbot to the team, or write @Forumbot tilknyt in the channel.`,
      none: (forum) => `${forum} has no linked channel; its members see the plan by typing **actionplan**.`,
    },
    sent: (forum, approvers, delivered) =>
      delivered === undefined
        ? approvers === 'members'
          ? `Sent for approval in ${forum}, but the forum has no members to approve it. Ask the registry's keeper to add them.`
          : `Sent for approval in ${forum}, but the forum has no chair to approve it. Ask the registry's keeper to appoint one.`
        : `Sent for approval in ${forum}${approvers === 'members' ? '; any member may approve' : ''}. ${delivered}`,
    reminder: (year) => `It is time for the yearly revision of the local action plan for ${year}: go through the initiatives, correct their status, and send the plan for the steering group's approval.`,
  },
  history: {
    created: (who, at) => `${at}: created by ${who}`,
    edited: (who, at, fields) => `${at}: ${fields} edited by ${who}`,
    status: (who, at, from, to) => `${at}: status ${from} → ${to} (${who})`,
    system: 'the system',
    someone: 'someone outside the forum',
  },
  fieldNames: { focusArea: 'focus area', project: 'project', purpose: 'purpose', fromYear: 'from year', toYear: 'to year', targetGroup: 'target group', ages: 'ages', area: 'area', contactName: 'contact person', forumId: 'forum', status: 'status', public: 'visibility' },
  word: {
    title: 'Local action plan',
    fileName: 'action-plan',
    project: 'Project',
    purpose: 'Purpose',
    timeFrame: 'Time frame',
    targetGroup: 'Target group',
    approved: (n, at) => `Version ${n}, approved by the steering group ${at}`,
    draft: 'Draft, not approved',
    adjusted: (at) => `Last adjusted ${at}`,
  },
};

export const planTexts: Record<Lang, PlanTexts> = { da, en };
