/** The typed commands, by their English name; each has Danish and English words (see its file). */
export const COMMAND_NAMES = ['help', 'forums', 'link', 'meetings', 'agenda', 'actions', 'escalate', 'plan', 'picture', 'privacy'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];
