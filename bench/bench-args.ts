import { z } from 'zod';

/**
 * A benchmark's command line: one positional value (named `positional` in the schema) and
 * `--name=value` options, checked with zod. Bad arguments print the usage and exit 2.
 */
export function parseBenchArgs<S extends z.ZodType>(schema: S, positional: string, usage: string, argv: readonly string[] = process.argv.slice(2)): z.output<S> {
  const named = Object.fromEntries(argv.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=', 2) as [string, string]));
  const parsed = schema.safeParse({ [positional]: argv.find((a) => !a.startsWith('--')), ...named });
  if (parsed.success) return parsed.data;
  console.error(`usage: ${usage}\n${z.prettifyError(parsed.error)}`);
  process.exit(2);
}
