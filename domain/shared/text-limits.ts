/**
 * How long each kind of typed text may be, in one place: the domain's schemas refuse longer text,
 * and the cards show the same limit before a person types and check it in the client. Text is
 * never cut to fit; a longer text is refused with the limit and its length.
 */
export const TEXT_LIMITS = {
  agendaItemTitle: 200,
  agendaItemDescription: 2000,
  presenter: 200,
  documentUrl: 2000,
  agendaInput: 4000,
  actionTitle: 300,
  personName: 200,
  email: 320,
  blockedReason: 1000,
  caseTitle: 200,
  caseText: 4000,
  meetingTitle: 200,
  location: 300,
  onlineMeetingUrl: 2000,
  rrule: 1000,
  userId: 128,
  planFocusArea: 100,
  planProject: 200,
  planPurpose: 2000,
  planTargetGroup: 300,
  planArea: 200,
  planSection: 8000,
  planComment: 2000,
  /** The analyst's commentary on one section of the half-yearly picture. */
  pictureCommentary: 4000,
} as const;
