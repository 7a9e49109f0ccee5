import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { entryPoints } from '../../bot/features';

const commands = entryPoints.commands;
import { foldWord } from '../../bot/core/command-words';
import { fillManifest, localizationsFor, readTemplate } from '../../manifest/app-package';

const appId = '0b5c8e5e-1d2a-4c39-9d8e-2f6f7a1b2c3d';
const host = 'forumbot.ishoj.dk';

/** The parts of the manifest this test reads field by field, parsed rather than cast (whole objects are compared on the raw manifest). */
const Manifest = z.object({
  id: z.string(),
  localizationInfo: z.object({ defaultLanguageTag: z.string(), defaultLanguageFile: z.string(), additionalLanguages: z.array(z.object({ languageTag: z.string(), file: z.string() })) }),
  bots: z.array(
    z.object({
      botId: z.string(),
      scopes: z.array(z.string()),
      commandLists: z.array(z.object({ scopes: z.array(z.string()), commands: z.array(z.object({ title: z.string(), description: z.string() })) })),
    }),
  ),
  validDomains: z.array(z.string()),
  webApplicationInfo: z.object({ id: z.string(), resource: z.string() }),
});

const raw = fillManifest(readTemplate(), { appId, host });
const manifest = Manifest.parse(raw);
const english = localizationsFor(raw)['en.json']!;
const bot = manifest.bots[0]!;

/** The typed command a word starts, as the bot's own parser folds it ("møder" = "moder"). */
const commandFor = (word: string) => commands.find((c) => c.words.some((w) => foldWord(w) === foldWord(word)));

describe('the manifest\'s content', () => {
  it('given the template then Danish is the default language and English is an additional one', () => {
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'da-dk', defaultLanguageFile: 'da.json', additionalLanguages: [{ languageTag: 'en', file: 'en.json' }] });
  });

  it('given the bot then it is installed in personal, team and group chats, with one command list per scope', () => {
    expect(bot.botId).toBe(appId);
    expect(bot.scopes.toSorted()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.commandLists.map((l) => l.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
  });

  it('given every command list then each Danish and English title is a word the bot understands, for the same command', () => {
    bot.commandLists.forEach((list, l) =>
      list.commands.forEach((command, c) => {
        const englishTitle = english[`bots[0].commandLists[${l}].commands[${c}].title`] ?? '';
        expect(commandFor(command.title)?.name, command.title).toBeDefined();
        expect(commandFor(englishTitle)?.name, englishTitle).toBe(commandFor(command.title)?.name);
      }),
    );
  });

  it('given the scopes then a channel lists all nine commands and the chats all but tilknyt (linking needs a channel)', () => {
    const titles = (scope: string) => bot.commandLists.find((l) => l.scopes.includes(scope))?.commands.map((c) => c.title);
    expect(titles('team')).toEqual(['hjælp', 'fora', 'tilknyt', 'møder', 'dagsorden', 'handlinger', 'eskaler', 'handlingsplan', 'halvår']);
    expect(titles('personal')).toEqual(['hjælp', 'fora', 'møder', 'dagsorden', 'handlinger', 'eskaler', 'handlingsplan', 'halvår']);
    expect(titles('groupChat')).toEqual(titles('personal'));
    const englishTeam = bot.commandLists[1]!.commands.map((_, c) => english[`bots[0].commandLists[1].commands[${c}].title`]);
    expect(englishTeam).toEqual(['help', 'forums', 'link', 'meetings', 'agenda', 'actions', 'escalate', 'actionplan', 'picture']);
  });

  it('given the tabs then the channel tab is configured at /tab/config.html and the personal tabs show /tab/personal.html beside the bot chat and the audit at /tab/audit.html', () => {
    expect(raw.configurableTabs).toEqual([{ configurationUrl: `https://${host}/tab/config.html`, canUpdateConfiguration: true, scopes: ['team'], context: ['channelTab'] }]);
    expect(raw.staticTabs).toEqual([
      { entityId: 'dashboard', name: 'Overblik', contentUrl: `https://${host}/tab/personal.html`, scopes: ['personal'] },
      { entityId: 'conversations', scopes: ['personal'] },
      // The audit: the page itself offers the fora the person may read (chairs theirs, administrators all they may see).
      { entityId: 'audit', name: 'Log', contentUrl: `https://${host}/tab/audit.html`, scopes: ['personal'] },
    ]);
    expect(english['staticTabs[0].name']).toBe('Overview');
    expect(english['staticTabs[2].name']).toBe('Audit');
  });

  it('given SSO then webApplicationInfo names the app and its api:// resource on the host, and the host is a valid domain', () => {
    expect(manifest.webApplicationInfo).toEqual({ id: appId, resource: `api://${host}/${appId}` });
    expect(manifest.id).toBe(appId);
    expect(manifest.validDomains).toEqual([host]);
  });
});
