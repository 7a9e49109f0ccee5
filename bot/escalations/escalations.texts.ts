import type { EscalationDeadlinesCardText } from '../../cards/escalation-deadlines.card';
import type { EscalationDecisionCardText } from '../../cards/escalation-decision.card';
import type { EscalationFormCardText, EscalationListCardText } from '../../cards/escalation-form.card';
import type { EscalationCardText } from '../../cards/escalation.card';
import type { EscalationStep } from '../../domain/escalations/escalation';
import type { Lang } from '../i18n';

type StepAction = EscalationStep['action'];

export interface EscalationTexts {
  card: EscalationCardText;
  decision: EscalationDecisionCardText;
  form: EscalationFormCardText;
  list: EscalationListCardText;
  /** One history line: what happened, by whom (absent: the system), to which forum. */
  history: Record<StepAction, (who: string, forum: string) => string>;
  system: string;
  /** Instead of a name, for a person of a sensitive forum seen from outside it. */
  memberOf: (forum: string) => string;
  summaries: {
    arrived: (title: string) => string;
    question: (title: string) => string;
    decision: (title: string) => string;
    reminder: (title: string) => string;
    update: (title: string) => string;
    form: string;
    list: string;
  };
  notices: {
    /** `delivery` counts the managers who really got the case ("Sendt til 1 af 2 ledere; …"). */
    raised: (forum: string, delivery: string) => string;
    conflict: (state: string) => string;
    done: (state: string) => string;
    question: (who: string, question: string) => string;
    reminder: (hours: number) => string;
    onAgenda: (when: string) => string;
    shared: string;
    seen: string;
    /** What happened to the decision sent down to the raiser ("Sendt til 1 af 1 modtager."). */
    decisionSent: (delivery: string) => string;
  };
  /** The title of an agenda item made from a case. */
  agendaItem: (title: string) => string;
  /** The chair's card: the forum's deadlines for acknowledging a case. */
  deadlines: EscalationDeadlinesCardText;
}

const da: EscalationTexts = {
  card: {
    lang: 'da',
    states: { raised: 'Afventer kvittering', acknowledged: 'Kvitteret', awaiting_answer: 'Afventer svar', on_agenda: 'På dagsordenen', resolved: 'Afgjort', returned: 'Sendt tilbage' },
    urgencies: { low: 'Lav', normal: 'Normal', high: 'Høj' },
    labels: {
      state: 'Status',
      holding: 'Ligger hos',
      path: 'Vej',
      category: 'Kategori',
      area: 'Område',
      urgency: 'Hastegrad',
      raisedBy: 'Rejst af',
      description: 'Beskrivelse',
      descriptionHidden: 'Beskrivelsen er kun synlig for medlemmer af det lukkede forum, sagen kommer fra.',
      decision: 'Beslutning',
      task: 'Opgave',
      history: 'Forløb',
      seenBy: 'Læst af',
      notSeenBy: 'Mangler at læse',
      note: 'Note (beslutning, spørgsmål eller begrundelse)',
      taskTitle: 'Opgave til forummet nedenunder (valgfri)',
      taskDue: 'Frist for opgaven',
    },
    buttons: {
      acknowledge: 'Kvittér',
      ask: 'Stil spørgsmål',
      answer: 'Send svar',
      put_on_agenda: 'Sæt på dagsorden',
      resolve: 'Afgør',
      escalate: 'Eskaler videre',
      return: 'Send tilbage',
      share: 'Del beskrivelsen opad',
      refresh: 'Opdater',
      backToList: 'Tilbage til listen',
    },
  },
  decision: {
    lang: 'da',
    heading: (forum) => `Beslutning fra ${forum}`,
    caseLabel: 'Sag',
    decisionLabel: 'Beslutning',
    taskLabel: 'Opgave',
    seenButton: 'Læst',
    seenDone: 'Du har markeret beslutningen som læst.',
    openCase: 'Vis sagen',
  },
  form: {
    lang: 'da',
    title: 'Eskaler en sag',
    intro: 'Sagen går til lederne i forummet ét niveau op.',
    privacy: 'Beskriv tendenser og problemer, ikke enkeltpersoner: skriv aldrig navne eller CPR-numre.',
    labels: { title: 'Overskrift', description: 'Beskrivelse', category: 'Kategori', urgency: 'Hastegrad', forum: 'Fra forum', area: 'Område (valgfrit)' },
    areaNone: 'Intet bestemt område',
    required: 'Skal udfyldes',
    categories: { trend: 'Tendens', problem: 'Problem', resources: 'Ressourcer', cooperation: 'Samarbejde', other: 'Andet' },
    urgencies: { low: 'Lav', normal: 'Normal', high: 'Høj' },
    submit: 'Eskaler',
    noForum: 'Du er ikke medlem af et forum, der kan eskalere videre op.',
  },
  list: {
    lang: 'da',
    title: 'Dine eskalerede sager',
    raisedByMe: 'Sager du har rejst',
    shownOf: (shown, total) => `Viser de ${shown} nyeste af ${total}.`,
    waitingForMe: 'Sager der venter på dig',
    none: 'Ingen.',
    newCase: 'Ny sag',
    open: 'Vis',
  },
  history: {
    raise: (who, forum) => `${who} rejste sagen til ${forum}`,
    acknowledge: (who) => `${who} kvitterede`,
    ask: (who) => `${who} stillede et spørgsmål`,
    answer: (who) => `${who} svarede`,
    put_on_agenda: (who, forum) => `${who} satte sagen på ${forum}s dagsorden`,
    resolve: (who) => `${who} afgjorde sagen`,
    escalate: (who, forum) => `${who} eskalerede til ${forum}`,
    return: (who, forum) => `${who} sendte sagen tilbage til ${forum}`,
    auto_escalate: (_who, forum) => `automatisk eskaleret til ${forum} (fristen for kvittering var overskredet)`,
    share: (who) => `${who} delte beskrivelsen opad`,
  },
  system: 'Forumbot',
  memberOf: (forum) => `Et medlem af ${forum}`,
  summaries: {
    arrived: (title) => `Ny eskaleret sag: ${title}`,
    question: (title) => `Spørgsmål til din sag: ${title}`,
    decision: (title) => `Beslutning i sagen: ${title}`,
    reminder: (title) => `Påmindelse: sagen "${title}" venter på kvittering`,
    update: (title) => `Sagen er opdateret: ${title}`,
    form: 'Eskaler en sag',
    list: 'Dine eskalerede sager',
  },
  notices: {
    raised: (forum, delivery) => `Sagen ligger nu hos ${forum}. ${delivery}`,
    conflict: (state) => `En anden nåede at handle først. Sagen står nu som: ${state}. Intet af det, du skrev, er gemt.`,
    done: (state) => `Gemt. Sagen står nu som: ${state}.`,
    question: (who, question) => `${who} spørger: ${question}`,
    reminder: (hours) => `Påmindelse: sagen har ventet på kvittering i ${hours} timer.`,
    onAgenda: (when) => `Sat på dagsordenen for mødet ${when}.`,
    shared: 'Beskrivelsen er delt med forummet ovenover.',
    seen: 'Tak, beslutningen er markeret som læst.',
    decisionSent: (delivery) => `Beslutningen til den, der rejste sagen: ${delivery}`,
  },
  agendaItem: (title) => `Eskaleret sag: ${title}`,
  deadlines: {
    lang: 'da',
    title: (forum) => `Frister for eskalerede sager i ${forum}`,
    intro:
      'Når en sag ikke er kvitteret i tide, får forummets ledere en påmindelse. Når den sidste frist er overskredet, sendes sagen automatisk ét niveau op. Tiderne er timer fra sagen kom til forummet.',
    usesDefaults: 'Forummet bruger standardfristerne. Gem for at give det sine egne.',
    topOfChain: 'Forummet er øverst i kæden: sager sendes ikke videre, lederne får kun påmindelser.',
    urgencies: { high: 'Høj hastegrad', normal: 'Normal hastegrad', low: 'Lav hastegrad' },
    remind: 'Påmindelse efter timer',
    escalate: 'Send videre op efter timer',
    secondReminder: 'Anden påmindelse efter timer',
    autoEscalate: 'Send sagen automatisk videre op, når fristen er overskredet (ellers får lederne en påmindelse mere)',
    range: (min, max) => `mellem ${min} og ${max}`,
    save: 'Gem frister',
    saved: 'Fristerne er gemt.',
  },
};

const en: EscalationTexts = {
  card: {
    lang: 'en',
    states: { raised: 'Awaiting acknowledgement', acknowledged: 'Acknowledged', awaiting_answer: 'Awaiting answer', on_agenda: 'On the agenda', resolved: 'Resolved', returned: 'Returned' },
    urgencies: { low: 'Low', normal: 'Normal', high: 'High' },
    labels: {
      state: 'Status',
      holding: 'Held by',
      path: 'Path',
      category: 'Category',
      area: 'Area',
      urgency: 'Urgency',
      raisedBy: 'Raised by',
      description: 'Description',
      descriptionHidden: 'The description is visible only to members of the closed forum the case comes from.',
      decision: 'Decision',
      task: 'Task',
      history: 'History',
      seenBy: 'Seen by',
      notSeenBy: 'Not yet seen by',
      note: 'Note (decision, question or reason)',
      taskTitle: 'Task for the forum below (optional)',
      taskDue: 'Task due date',
    },
    buttons: {
      acknowledge: 'Acknowledge',
      ask: 'Ask a question',
      answer: 'Send answer',
      put_on_agenda: 'Put on agenda',
      resolve: 'Resolve',
      escalate: 'Escalate further',
      return: 'Return',
      share: 'Share the description upwards',
      refresh: 'Refresh',
      backToList: 'Back to the list',
    },
  },
  decision: {
    lang: 'en',
    heading: (forum) => `Decision from ${forum}`,
    caseLabel: 'Case',
    decisionLabel: 'Decision',
    taskLabel: 'Task',
    seenButton: 'Seen',
    seenDone: 'You have marked the decision as seen.',
    openCase: 'Show the case',
  },
  form: {
    lang: 'en',
    title: 'Escalate a case',
    intro: 'The case goes to the managers of the forum one level up.',
    privacy: 'Describe trends and problems, not individuals: never write names or CPR numbers.',
    labels: { title: 'Title', description: 'Description', category: 'Category', urgency: 'Urgency', forum: 'From forum', area: 'Area (optional)' },
    areaNone: 'No particular area',
    required: 'Required',
    categories: { trend: 'Trend', problem: 'Problem', resources: 'Resources', cooperation: 'Cooperation', other: 'Other' },
    urgencies: { low: 'Low', normal: 'Normal', high: 'High' },
    submit: 'Escalate',
    noForum: 'You are not a member of a forum that can escalate further up.',
  },
  list: {
    lang: 'en',
    title: 'Your escalated cases',
    raisedByMe: 'Cases you raised',
    shownOf: (shown, total) => `Showing the ${shown} newest of ${total}.`,
    waitingForMe: 'Cases waiting for you',
    none: 'None.',
    newCase: 'New case',
    open: 'Show',
  },
  history: {
    raise: (who, forum) => `${who} raised the case to ${forum}`,
    acknowledge: (who) => `${who} acknowledged`,
    ask: (who) => `${who} asked a question`,
    answer: (who) => `${who} answered`,
    put_on_agenda: (who, forum) => `${who} put the case on the agenda of ${forum}`,
    resolve: (who) => `${who} resolved the case`,
    escalate: (who, forum) => `${who} escalated to ${forum}`,
    return: (who, forum) => `${who} returned the case to ${forum}`,
    auto_escalate: (_who, forum) => `escalated automatically to ${forum} (the deadline for acknowledgement passed)`,
    share: (who) => `${who} shared the description upwards`,
  },
  system: 'Forumbot',
  memberOf: (forum) => `A member of ${forum}`,
  summaries: {
    arrived: (title) => `New escalated case: ${title}`,
    question: (title) => `A question about your case: ${title}`,
    decision: (title) => `Decision on the case: ${title}`,
    reminder: (title) => `Reminder: the case "${title}" awaits acknowledgement`,
    update: (title) => `The case was updated: ${title}`,
    form: 'Escalate a case',
    list: 'Your escalated cases',
  },
  notices: {
    raised: (forum, delivery) => `The case is now with ${forum}. ${delivery}`,
    conflict: (state) => `Someone else acted first. The case is now: ${state}. Nothing you wrote was saved.`,
    done: (state) => `Saved. The case is now: ${state}.`,
    question: (who, question) => `${who} asks: ${question}`,
    reminder: (hours) => `Reminder: the case has awaited acknowledgement for ${hours} hours.`,
    onAgenda: (when) => `Put on the agenda of the meeting ${when}.`,
    shared: 'The description was shared with the forum above.',
    seen: 'Thank you, the decision is marked as seen.',
    decisionSent: (delivery) => `The decision to the person who raised the case: ${delivery}`,
  },
  agendaItem: (title) => `Escalated case: ${title}`,
  deadlines: {
    lang: 'en',
    title: (forum) => `Deadlines for escalated cases in ${forum}`,
    intro:
      "When a case is not acknowledged in time, the forum's managers get a reminder. When the last deadline has passed, the case goes one level up automatically. Times are hours from when the case arrived in the forum.",
    usesDefaults: 'The forum uses the default deadlines. Save to give it its own.',
    topOfChain: 'The forum is at the top of the chain: cases are not sent on, the managers only get reminders.',
    urgencies: { high: 'High urgency', normal: 'Normal urgency', low: 'Low urgency' },
    remind: 'Reminder after hours',
    escalate: 'Send one level up after hours',
    secondReminder: 'Second reminder after hours',
    autoEscalate: 'Send the case one level up automatically when the deadline has passed (otherwise the managers get one more reminder)',
    range: (min, max) => `between ${min} and ${max}`,
    save: 'Save deadlines',
    saved: 'The deadlines are saved.',
  },
};

export const escalationTexts: Record<Lang, EscalationTexts> = { da, en };
