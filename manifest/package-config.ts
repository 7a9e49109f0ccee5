import { z } from 'zod';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** One DNS label: letters, digits and inner hyphens, at most 63 characters. */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** The two variables `npm run package` needs, with the names the bot itself uses. */
export const PackageEnvSchema = z.object({
  MicrosoftAppId: z
    .string({ error: 'is missing: set it to the bot\'s app registration GUID (Application (client) ID)' })
    .trim()
    .min(1, 'is missing: set it to the bot\'s app registration GUID (Application (client) ID)')
    .regex(GUID, 'must be the bot\'s app registration GUID (Application (client) ID), e.g. 00000000-0000-0000-0000-000000000000')
    .transform((id) => id.toLowerCase()),
  BOT_HOST: z
    .string({ error: 'is missing: set it to the public host name of the bot, e.g. forumbot.ishoj.dk' })
    .trim()
    .min(1, 'is missing: set it to the public host name of the bot, e.g. forumbot.ishoj.dk')
    .toLowerCase()
    .refine((host) => !host.includes('://'), { message: 'must be the host name only, without https:// (e.g. forumbot.ishoj.dk)', abort: true })
    .refine((host) => !/[/:?#@\s]/.test(host), { message: 'must be the host name only, without port, path or spaces (e.g. forumbot.ishoj.dk)', abort: true })
    .refine(
      (host) => host.length <= 253 && host.split('.').length >= 2 && host.split('.').every((label) => LABEL.test(label)),
      'is not a public host name (e.g. forumbot.ishoj.dk)',
    ),
});

export interface PackageConfig {
  appId: string;
  host: string;
}

export class PackageConfigError extends Error {
  override readonly name = 'PackageConfigError';
}

/** Reads the configuration from the environment; throws one error naming every bad variable. */
export function loadPackageConfig(env: NodeJS.ProcessEnv): PackageConfig {
  const parsed = PackageEnvSchema.safeParse({ MicrosoftAppId: env.MicrosoftAppId, BOT_HOST: env.BOT_HOST });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const given = env[name]?.trim();
      // Neither variable is a secret, so echoing what was given helps to spot a typo.
      return `  ${name} ${issue.message}${given ? ` (got "${given}")` : ''}`;
    });
    throw new PackageConfigError(`Cannot build the Teams app package:\n${lines.join('\n')}`);
  }
  return { appId: parsed.data.MicrosoftAppId, host: parsed.data.BOT_HOST };
}
