import { describe, expect, it } from 'vitest';
import { fillManifest, localizationsFor, readTemplate, validateAppPackage } from '../../manifest/app-package';
import { validateAgainstBundledSchema } from '../../manifest/manifest-schema';

const config = { appId: '0b5c8e5e-1d2a-4c39-9d8e-2f6f7a1b2c3d', host: 'forumbot.ishoj.dk' };
const filled = () => fillManifest(readTemplate(), config);
const version = (): string => String(filled().manifestVersion);
/** A deep copy to break on purpose. */
const copy = <T>(value: T): T => structuredClone(value);

describe('the Teams app manifest against Microsoft\'s published schema (bundled by @microsoft/app-manifest)', () => {
  it('given the filled template then the manifest and both localization files have no schema errors', async () => {
    const manifest = filled();
    const localizations = localizationsFor(manifest);
    expect(Object.keys(localizations)).toEqual(['da.json', 'en.json']);
    expect(await validateAppPackage(manifest, localizations)).toEqual([]);
  });

  it('given manifests that break the schema then each is refused with the offending path (the validator really runs)', async () => {
    const badScope = copy(filled()) as { bots: { scopes: string[] }[] };
    badScope.bots[0]!.scopes = ['personal', 'channel'];
    expect(await validateAgainstBundledSchema(badScope, version(), 'manifest')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/bots\/0\/scopes\/1 must be equal to one of the allowed values/)]),
    );

    const longShortDescription = copy(filled()) as { description: { short: string } };
    longShortDescription.description.short = 'x'.repeat(81);
    expect(await validateAgainstBundledSchema(longShortDescription, version(), 'manifest')).toEqual([
      expect.stringMatching(/^\/description\/short must NOT have more than 80 characters/),
    ]);

    const notAGuid = { ...filled(), id: 'forumbot' };
    expect(await validateAgainstBundledSchema(notAGuid, version(), 'manifest')).toEqual([expect.stringMatching(/^\/id must match pattern/)]);

    const { developer: _developer, ...noDeveloper } = filled();
    expect(await validateAgainstBundledSchema(noDeveloper, version(), 'manifest')).toEqual([expect.stringMatching(/must have required property 'developer'/)]);
  });

  it('given a localization file with a key Teams does not know, a too long name or another version then the package is refused', async () => {
    const manifest = filled();
    const english = { ...localizationsFor(manifest)['en.json']!, 'bots[0].commandLists[3].commands[0].title': 'help', 'name.short': 'x'.repeat(31) };
    const errors = await validateAppPackage(manifest, { 'en.json': english });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^en\.json: .*must NOT have additional properties.*commandLists\[3\]/),
        expect.stringMatching(/^en\.json: \/name\.short must NOT have more than 30 characters/),
        'en.json: "bots[0].commandLists[3].commands[0].title" is not a string of the manifest',
      ]),
    );

    const otherVersion = { ...localizationsFor(manifest)['en.json']!, $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.Localization.schema.json' };
    expect(await validateAppPackage(manifest, { 'en.json': otherVersion })).toEqual([expect.stringMatching(/^en\.json: \$schema must be .*v1\.22/)]);
  });

  it('given an English file that lacks a Danish string then the package names the missing key', async () => {
    const manifest = filled();
    const { 'staticTabs[0].name': _tab, ...english } = localizationsFor(manifest)['en.json']!;
    expect(await validateAppPackage(manifest, { 'en.json': english })).toEqual(['en.json: has no text for "staticTabs[0].name"']);
  });
});
