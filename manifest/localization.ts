import { z } from 'zod';

/**
 * The default-language (Danish) localization file is derived from the manifest's own strings, so
 * the two can never disagree; only the English file is written by hand.
 */

export type Localization = Record<string, string>;

/** The parts of the manifest that carry translatable strings (Teams' localization keys). */
const LocalizableManifest = z.object({
  manifestVersion: z.string(),
  name: z.object({ short: z.string(), full: z.string().optional() }),
  description: z.object({ short: z.string(), full: z.string() }),
  staticTabs: z.array(z.object({ name: z.string().optional() })).optional(),
  bots: z
    .array(
      z.object({
        commandLists: z.array(z.object({ commands: z.array(z.object({ title: z.string(), description: z.string() })) })).optional(),
      }),
    )
    .optional(),
});

export const localizationSchemaUrl = (manifestVersion: string): string =>
  `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.Localization.schema.json`;

/** Every localizable string of the manifest under the key Teams uses for it, e.g. "bots[0].commandLists[1].commands[2].title". */
export function localizationOf(manifest: unknown): Localization {
  const m = LocalizableManifest.parse(manifest);
  const strings: Localization = { $schema: localizationSchemaUrl(m.manifestVersion), 'name.short': m.name.short };
  if (m.name.full !== undefined) strings['name.full'] = m.name.full;
  strings['description.short'] = m.description.short;
  strings['description.full'] = m.description.full;
  m.staticTabs?.forEach((tab, i) => {
    if (tab.name !== undefined) strings[`staticTabs[${i}].name`] = tab.name;
  });
  m.bots?.forEach((bot, b) =>
    bot.commandLists?.forEach((list, l) =>
      list.commands.forEach((command, c) => {
        strings[`bots[${b}].commandLists[${l}].commands[${c}].title`] = command.title;
        strings[`bots[${b}].commandLists[${l}].commands[${c}].description`] = command.description;
      }),
    ),
  );
  return strings;
}

/** The localization files the manifest references: the default-language file first, then the others. */
export function referencedLocalizationFiles(manifest: unknown): string[] {
  const info = z
    .object({
      localizationInfo: z
        .object({ defaultLanguageFile: z.string().optional(), additionalLanguages: z.array(z.object({ file: z.string() })).optional() })
        .optional(),
    })
    .parse(manifest).localizationInfo;
  const files = [info?.defaultLanguageFile, ...(info?.additionalLanguages ?? []).map((l) => l.file)];
  return files.filter((file): file is string => file !== undefined);
}
