import type { ForumChoiceCardText } from '../../cards/forum-choice.card';
import type { ForumListCardText } from '../../cards/forum-list.card';
import type { ForumCardText } from '../../cards/forum.card';
import type { MemberFormCardText } from '../../cards/member-form.card';
import type { MemberRolesCardText } from '../../cards/member-roles.card';
import type { Level, Role } from '../../domain/fora/forum';
import type { Lang } from '../i18n';

/** The registry's texts: the fora list, a forum's card, member management and the link choice. */
export interface RegistryTexts {
  list: ForumListCardText;
  forum: ForumCardText;
  memberForm: MemberFormCardText;
  memberRoles: MemberRolesCardText;
  choice: ForumChoiceCardText;
  summaries: { list: string; forum: (name: string) => string; choice: string };
  /** Shown above the list of all fora to someone who belongs to none. */
  noFora: string;
  /** Under the list in a channel or group chat, when sensitive fora were left out. */
  sensitiveHidden: string;
  notices: { added: (name: string) => string; removed: (name: string) => string; rolesChanged: (name: string) => string; unchanged: string };
  /** Checks of the add-member form, shown on the form itself. */
  form: { cprNumber: string; emailCprNumber: string; nameMissing: string; userIdMissing: string; userIdInvalid: string; emailInvalid: string; rolesMissing: string; knownGone: string };
}

const levelsDa: Record<Level, string> = { executing: 'Udførende niveau', coordinating: 'Koordinerende niveau', strategic: 'Strategisk niveau' };
const levelsEn: Record<Level, string> = { executing: 'Executing level', coordinating: 'Coordinating level', strategic: 'Strategic level' };
const rolesDa: Record<Role, string> = { chair: 'Formand', secretary: 'Sekretær', member: 'Medlem', consultant: 'SSP-konsulent', manager: 'Leder' };
const rolesEn: Record<Role, string> = { chair: 'Chair', secretary: 'Secretary', member: 'Member', consultant: 'SSP consultant', manager: 'Manager' };

const da: RegistryTexts = {
  list: {
    lang: 'da',
    title: 'Dine fora',
    intro: 'De fora, du er med i:',
    levelLabel: 'Niveau',
    levels: levelsDa,
    roles: rolesDa,
    sensitive: 'kun for medlemmer',
    chairLabel: 'Formand',
    noChair: 'Ingen formand',
    myRolesLabel: 'Din rolle',
    nextMeetingLabel: 'Næste møde',
    noMeeting: 'Intet møde planlagt',
    showForum: 'Vis forum',
  },
  forum: {
    lang: 'da',
    levelLabel: 'Niveau',
    levels: levelsDa,
    channelLabel: 'Kanal',
    notLinked: 'Ikke knyttet til en kanal endnu',
    sensitive: 'Fortroligt forum: indholdet er kun for medlemmerne.',
    nextMeetingLabel: 'Næste møde',
    noMeeting: 'Intet møde planlagt',
    chainTitle: 'Plads i kæden',
    escalatesToLabel: 'Løfter sager til',
    topOfChain: 'Øverst i kæden',
    escalatedFromLabel: 'Får sager fra',
    nothingBelow: 'Ingen fora',
    membersTitle: 'Medlemmer',
    roleGroups: { chair: 'Formand', secretary: 'Sekretær', member: 'Medlem', consultant: 'SSP-konsulent', manager: 'Leder' },
    membersHidden: 'Medlemmerne vises kun for forummets egne medlemmer.',
    noMembers: 'Forummet har ingen medlemmer endnu.',
    manageLabel: 'Vælg et medlem for at ændre roller eller fjerne det',
    pickMemberMissing: 'Vælg et medlem først.',
    addMember: 'Tilføj medlem',
    editMember: 'Ret medlem',
    escalationDeadlines: 'Frister for eskalerede sager',
    backToList: 'Tilbage til mine fora',
  },
  memberForm: {
    lang: 'da',
    title: (forum) => `Tilføj medlem til ${forum}`,
    intro: 'Vælg en person, jeg kender, eller skriv navn og Entra-objekt-id.',
    knownLabel: 'Personer, jeg kender',
    knownPlaceholder: 'Vælg en person',
    orNew: 'Eller en ny person:',
    nameLabel: 'Navn',
    emailLabel: 'E-mail (valgfri)',
    userIdLabel: 'Entra-objekt-id',
    userIdHint: 'fx 0f8fad5b-d9cb-469f-a165-70867728950e',
    rolesLabel: 'Roller',
    roles: rolesDa,
    add: 'Tilføj',
    cancel: 'Fortryd',
  },
  memberRoles: {
    lang: 'da',
    title: (name, forum) => `${name} i ${forum}`,
    rolesLabel: 'Roller',
    roles: rolesDa,
    save: 'Gem roller',
    remove: 'Fjern fra forummet',
    back: 'Tilbage',
    confirmTitle: (name, forum) => `Fjern ${name} fra ${forum}?`,
    confirmText: 'Personen mister adgangen til forummets dagsordener og påmindelser. Ændringen bliver logget.',
    confirmRemove: 'Ja, fjern',
    cancel: 'Fortryd',
  },
  choice: {
    lang: 'da',
    title: 'Hvilket forum?',
    several: (typed) => `Flere fora passer til "${typed}". Vælg det, kanalen skal knyttes til:`,
    none: (typed) => `Jeg kender ikke et forum, der hedder "${typed}". Vælg et af disse:`,
    levels: levelsDa,
    pickLabel: 'Knyt denne kanal til forummet',
    pickMissing: 'Vælg et forum først.',
    linkButton: 'Knyt kanalen',
    narrow: (shown, total) => `Viser de første ${shown} af ${total} fora (alfabetisk). Skriv mere af navnet for at finde andre: @Forumbot tilknyt og navnet.`,
  },
  summaries: { list: 'Oversigt over fora', forum: (name) => `Forummet ${name}`, choice: 'Vælg forum' },
  sensitiveHidden: 'Fortrolige fora vises kun i din personlige chat med mig.',
  noFora: 'Du er ikke medlem af noget forum endnu. Spørg formanden for det forum, du skal være med i, om at tilføje dig.',
  notices: {
    added: (name) => `${name} er tilføjet.`,
    removed: (name) => `${name} er fjernet fra forummet.`,
    rolesChanged: (name) => `Rollerne for ${name} er ændret.`,
    unchanged: 'Intet er ændret.',
  },
  form: {
    cprNumber: 'Navnet ligner et CPR-nummer. Skriv kun personens navn.',
    emailCprNumber: 'E-mailadressen ligner et CPR-nummer. Skriv personens arbejdsadresse.',
    nameMissing: 'Skriv personens navn, eller vælg en person, jeg kender.',
    userIdMissing: 'Skriv personens Entra-objekt-id, eller vælg en person, jeg kender.',
    userIdInvalid: 'Entra-objekt-id skal være et GUID, fx 0f8fad5b-d9cb-469f-a165-70867728950e.',
    emailInvalid: 'E-mailadressen ser ikke rigtig ud.',
    rolesMissing: 'Vælg mindst én rolle.',
    knownGone: 'Jeg kan ikke finde den valgte person længere. Vælg igen.',
  },
};

const en: RegistryTexts = {
  list: {
    lang: 'en',
    title: 'Your fora',
    intro: 'The fora you belong to:',
    levelLabel: 'Level',
    levels: levelsEn,
    roles: rolesEn,
    sensitive: 'members only',
    chairLabel: 'Chair',
    noChair: 'No chair',
    myRolesLabel: 'Your role',
    nextMeetingLabel: 'Next meeting',
    noMeeting: 'No meeting planned',
    showForum: 'Show forum',
  },
  forum: {
    lang: 'en',
    levelLabel: 'Level',
    levels: levelsEn,
    channelLabel: 'Channel',
    notLinked: 'Not linked to a channel yet',
    sensitive: 'Confidential forum: its content is for its members only.',
    nextMeetingLabel: 'Next meeting',
    noMeeting: 'No meeting planned',
    chainTitle: 'Place in the chain',
    escalatesToLabel: 'Raises cases to',
    topOfChain: 'Top of the chain',
    escalatedFromLabel: 'Gets cases from',
    nothingBelow: 'No fora',
    membersTitle: 'Members',
    roleGroups: { chair: 'Chair', secretary: 'Secretary', member: 'Member', consultant: 'SSP consultant', manager: 'Manager' },
    membersHidden: "The members are shown only to the forum's own members.",
    noMembers: 'The forum has no members yet.',
    manageLabel: 'Choose a member to change their roles or remove them',
    pickMemberMissing: 'Choose a member first.',
    addMember: 'Add member',
    editMember: 'Edit member',
    escalationDeadlines: 'Deadlines for escalated cases',
    backToList: 'Back to my fora',
  },
  memberForm: {
    lang: 'en',
    title: (forum) => `Add a member to ${forum}`,
    intro: 'Choose someone I know, or type a name and Entra object id.',
    knownLabel: 'People I know',
    knownPlaceholder: 'Choose a person',
    orNew: 'Or a new person:',
    nameLabel: 'Name',
    emailLabel: 'E-mail (optional)',
    userIdLabel: 'Entra object id',
    userIdHint: 'e.g. 0f8fad5b-d9cb-469f-a165-70867728950e',
    rolesLabel: 'Roles',
    roles: rolesEn,
    add: 'Add',
    cancel: 'Cancel',
  },
  memberRoles: {
    lang: 'en',
    title: (name, forum) => `${name} in ${forum}`,
    rolesLabel: 'Roles',
    roles: rolesEn,
    save: 'Save roles',
    remove: 'Remove from the forum',
    back: 'Back',
    confirmTitle: (name, forum) => `Remove ${name} from ${forum}?`,
    confirmText: "They lose access to the forum's agendas and reminders. The change is logged.",
    confirmRemove: 'Yes, remove',
    cancel: 'Cancel',
  },
  choice: {
    lang: 'en',
    title: 'Which forum?',
    several: (typed) => `Several fora match "${typed}". Choose the one to link this channel to:`,
    none: (typed) => `I know no forum called "${typed}". Choose one of these:`,
    levels: levelsEn,
    pickLabel: 'Link this channel to the forum',
    pickMissing: 'Choose a forum first.',
    linkButton: 'Link channel',
    narrow: (shown, total) => `Showing the first ${shown} of ${total} fora (alphabetically). Type more of the name to find others: @Forumbot link and the name.`,
  },
  summaries: { list: 'Overview of the fora', forum: (name) => `The forum ${name}`, choice: 'Choose a forum' },
  sensitiveHidden: 'Confidential fora are shown only in your personal chat with me.',
  noFora: 'You do not belong to any forum yet. Ask the chair of the forum you should be in to add you.',
  notices: {
    added: (name) => `${name} has been added.`,
    removed: (name) => `${name} has been removed from the forum.`,
    rolesChanged: (name) => `${name}'s roles have been changed.`,
    unchanged: 'Nothing has changed.',
  },
  form: {
    cprNumber: "The name looks like a CPR number. Type only the person's name.",
    emailCprNumber: "The e-mail address looks like a CPR number. Type the person's work address.",
    nameMissing: "Type the person's name, or choose someone I know.",
    userIdMissing: "Type the person's Entra object id, or choose someone I know.",
    userIdInvalid: 'The Entra object id must be a GUID, e.g. 0f8fad5b-d9cb-469f-a165-70867728950e.',
    emailInvalid: 'The e-mail address does not look right.',
    rolesMissing: 'Choose at least one role.',
    knownGone: 'I cannot find the chosen person any more. Choose again.',
  },
};

export const registryTexts: Record<Lang, RegistryTexts> = { da, en };
