import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZipFile } from 'yazl';
import { z } from 'zod';
import { localizationOf, localizationSchemaUrl, referencedLocalizationFiles, type Localization } from './localization';
import { validateAgainstBundledSchema } from './manifest-schema';
import type { PackageConfig } from './package-config';
import { loadPackageConfig } from './package-config';

/**
 * The Teams app package: manifest.json plus exactly the files it references (localization files and
 * the two icons), all at the zip's root, which is where Teams looks for them.
 */

export const PACKAGE_FILE_NAME = 'forumbot-teams-app.zip';

export const manifestDir = fileURLToPath(new URL('.', import.meta.url));

type Json = Record<string, unknown>;

const readJson = (name: string): Json => z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(join(manifestDir, name), 'utf8')));

export const readTemplate = (): Json => readJson('manifest.template.json');

export class ManifestInvalidError extends Error {
  override readonly name = 'ManifestInvalidError';
  constructor(readonly errors: readonly string[]) {
    super(`The Teams app manifest does not match its schema:\n${errors.map((e) => `  ${e}`).join('\n')}`);
  }
}

/** Replaces {{APP_ID}} and {{HOST}} in every string of the template; refuses leftovers. */
export function fillManifest(template: Json, config: PackageConfig): Json {
  // Strings are replaced in the parsed tree, not in JSON text, so a value can never break the JSON.
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replaceAll('{{APP_ID}}', config.appId).replaceAll('{{HOST}}', config.host);
    if (Array.isArray(value)) return value.map(fill);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    return value;
  };
  const filled = z.record(z.string(), z.unknown()).parse(fill(template));
  const leftover = /\{\{[^}]*\}\}/.exec(JSON.stringify(filled));
  if (leftover !== null) throw new Error(`The manifest template has an unknown placeholder ${leftover[0]}`);
  return filled;
}

/** The localization files of the package, by file name: the Danish one derived from the manifest, the others read from manifest/. */
export function localizationsFor(manifest: Json): Record<string, Localization> {
  const [defaultFile, ...others] = referencedLocalizationFiles(manifest);
  const files: Record<string, Localization> = {};
  if (defaultFile !== undefined) files[defaultFile] = localizationOf(manifest);
  for (const file of others) files[file] = z.record(z.string(), z.string()).parse(readJson(file));
  return files;
}

/**
 * Every problem of the package, each prefixed with its file: schema errors of the manifest and of
 * each localization file, a localization file written for another manifest version (Teams refuses
 * that), and a translation that lacks or adds a string compared with the default language.
 */
export async function validateAppPackage(manifest: Json, localizations: Readonly<Record<string, Localization>>): Promise<string[]> {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') return ['manifest.json: manifestVersion is missing'];
  const errors = (await validateAgainstBundledSchema(manifest, version, 'manifest')).map((e) => `manifest.json: ${e}`);
  const reference = new Set(Object.keys(localizationOf(manifest)));
  for (const [file, localization] of Object.entries(localizations)) {
    const found = await validateAgainstBundledSchema(localization, version, 'localization');
    errors.push(...found.map((e) => `${file}: ${e}`));
    if (localization.$schema !== localizationSchemaUrl(version)) errors.push(`${file}: $schema must be ${localizationSchemaUrl(version)}`);
    const keys = new Set(Object.keys(localization));
    for (const key of reference) if (!keys.has(key)) errors.push(`${file}: has no text for "${key}"`);
    for (const key of keys) if (!reference.has(key)) errors.push(`${file}: "${key}" is not a string of the manifest`);
  }
  return errors;
}

/** The zip as a buffer. Entries get a fixed date so the same input gives the same bytes. */
export function zipEntries(entries: Readonly<Record<string, Buffer>>): Promise<Buffer> {
  const zip = new ZipFile();
  const mtime = new Date('2026-01-01T00:00:00Z');
  for (const [name, content] of Object.entries(entries)) zip.addBuffer(content, name, { mtime });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const Icons = z.object({ icons: z.object({ color: z.string(), outline: z.string() }) });
const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/** Fills and validates the manifest and returns the zip; throws ManifestInvalidError with every problem found. */
export async function buildAppPackage(config: PackageConfig): Promise<Buffer> {
  const manifest = fillManifest(readTemplate(), config);
  const localizations = localizationsFor(manifest);
  const errors = await validateAppPackage(manifest, localizations);
  if (errors.length > 0) throw new ManifestInvalidError(errors);
  const { icons } = Icons.parse(manifest);
  const entries: Record<string, Buffer> = { 'manifest.json': json(manifest) };
  for (const [file, localization] of Object.entries(localizations)) entries[file] = json(localization);
  for (const icon of [icons.color, icons.outline]) entries[icon] = readFileSync(join(manifestDir, icon));
  return zipEntries(entries);
}

/** What `npm run package` does: configuration from env, zip into `<outDir>/forumbot-teams-app.zip`. */
export async function writeAppPackage(env: NodeJS.ProcessEnv, outDir: string): Promise<string> {
  const zip = await buildAppPackage(loadPackageConfig(env));
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, PACKAGE_FILE_NAME);
  writeFileSync(path, zip);
  return path;
}
