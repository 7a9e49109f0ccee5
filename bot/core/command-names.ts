/** The typed commands, by their English name; each has Danish and English words (see its file). */
export const COMMAND_NAMES = ['help', 'forums', 'link', 'meetings', 'agenda', 'actions', 'escalate', 'plan', 'picture', 'privacy'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/**
 * Commands only privacy administrators (BOT_ADMINS) may use: listed in their help only, so nobody
 * else is shown a door that is always shut. A test checks this against each command's access.
 */
export const ADMIN_COMMANDS: readonly CommandName[] = ['privacy'];
