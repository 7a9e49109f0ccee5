import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

/**
 * Validation against Microsoft's published JSON schemas, offline: `@microsoft/app-manifest` bundles
 * them, so we read the one for the manifest's version from the package instead of fetching it.
 */

type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;
type ValidatedObject = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

export type SchemaKind = 'manifest' | 'localization';

const FILE_BY_KIND: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

const packageRoot = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));

/** The bundled schema of a manifest version ("1.25"), or an error if the package lacks it. */
export function loadBundledSchema(manifestVersion: string, kind: SchemaKind): Schema {
  if (!/^1\.\d{1,2}$/.test(manifestVersion)) throw new Error(`Unsupported manifestVersion "${manifestVersion}"`);
  const file = join(packageRoot, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, FILE_BY_KIND[kind]);
  // The published schemas contain \a and \v escapes that JSON does not allow; replace them as the package's own loader does.
  const text = readFileSync(file, 'utf8')
    .replace(/\\a/g, '\\u0007')
    .replace(/\\v/g, '\\u000b')
    // The localization schemas' activityTypes patterns end a group with a bare "\b]", which Unicode-mode
    // regular expressions (as ajv compiles them) refuse; "\b\]" is the same pattern, escaped.
    .replaceAll('\\\\b]', '\\\\b\\\\]');
  return JSON.parse(text) as Schema;
}

/** Every schema error as "path message", or [] when the document is valid. */
export async function validateAgainstBundledSchema(
  document: Record<string, unknown>,
  manifestVersion: string,
  kind: SchemaKind,
): Promise<string[]> {
  const schema = loadBundledSchema(manifestVersion, kind);
  // The validator only reads the object; its AppManifest type is what it checks, not a precondition.
  const errors = await AppManifestUtils.validateAgainstSchema(document as ValidatedObject, schema);
  return errors.map((error) => (error.startsWith(' ') ? `(root)${error}` : error));
}
