import type { FeatureErrorTexts } from '../i18n/feature-error-texts';

/** Texts for the plan's own error codes. */
export const planErrors: FeatureErrorTexts = {
  da: {
    'PLAN.NOT_CHAIR_OR_CONSULTANT': () => 'Kun konsulenterne og formanden i det forum, der skriver handlingsplanen, kan rette den.',
    'PLAN.NO_FORA': () => 'Handlingsplanen kræver et koordinerende forum under et strategisk forum i registret.',
    'PLAN.ALREADY_SENT': () => 'Planen er allerede sendt til godkendelse. Vent på styregruppens svar.',
    'PLAN.NOT_SENT': () => 'Planen venter ikke på godkendelse (længere).',
    'PLAN.STALE_ROUND': () => 'Denne runde er afsluttet; planen er sendt på ny eller allerede besvaret.',
    'PLAN.COMMENT_REQUIRED': () => 'Skriv en kommentar, så konsulenterne ved, hvad der skal rettes.',
    'PLAN.STATUS_UNCHANGED': () => 'Indsatsen har allerede den status. Vælg en anden.',
    'PLAN.YEAR_ORDER': () => 'Til-året skal være samme år som fra-året eller senere.',
    'PLAN.AGE_BOTH': () => 'Skriv både alder fra og til, eller ingen af dem.',
    'PLAN.AGE_ORDER': () => 'Alder til skal være mindst alder fra.',
    'PLAN.INITIATIVE_NOT_FOUND': () => 'Indsatsen findes ikke længere.',
    'PLAN.FORUM_UNKNOWN': () => 'Vælg et forum fra listen.',
    'PLAN.LINK_INVALID': () => 'Linket er udløbet eller ugyldigt. Hent et nyt fra planen.',
  },
  en: {
    'PLAN.NOT_CHAIR_OR_CONSULTANT': () => 'Only the consultants and the chair of the forum that writes the action plan can edit it.',
    'PLAN.NO_FORA': () => 'The action plan needs a coordinating forum below a strategic forum in the registry.',
    'PLAN.ALREADY_SENT': () => 'The plan has already been sent for approval. Wait for the steering group\'s answer.',
    'PLAN.NOT_SENT': () => 'The plan is not (or no longer) waiting for approval.',
    'PLAN.STALE_ROUND': () => 'This round is over; the plan was sent again or already answered.',
    'PLAN.COMMENT_REQUIRED': () => 'Write a comment, so the consultants know what to change.',
    'PLAN.STATUS_UNCHANGED': () => 'The initiative already has that status. Choose another.',
    'PLAN.YEAR_ORDER': () => 'The to-year must be the from-year or later.',
    'PLAN.AGE_BOTH': () => 'Enter both age from and to, or neither.',
    'PLAN.AGE_ORDER': () => 'Age to must be at least age from.',
    'PLAN.INITIATIVE_NOT_FOUND': () => 'The initiative no longer exists.',
    'PLAN.FORUM_UNKNOWN': () => 'Choose a forum from the list.',
    'PLAN.LINK_INVALID': () => 'The link has expired or is invalid. Get a new one from the plan.',
  },
};
