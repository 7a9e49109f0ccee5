import { describe, expect, test } from 'vitest';
import { ADMIN_COMMANDS } from '../../../bot/core/command-names';
import { entryPoints } from '../../../bot/features';
import { useRunningBot } from '../support/bot-harness';
import { cardTexts } from '../support/card-reading';
import { sayTo } from '../support/conversation';
import { aPerson, aPersonalChat, cardAction } from '../support/teams-activities';

const admin = aPerson('Databeskyttelse Dorthe');
const running = useRunningBot({ admins: [admin.aadObjectId] });

const helpTexts = async (who: typeof admin, text: string): Promise<string> => JSON.stringify(await sayTo(running, aPersonalChat(), who, text));

describe('administrators\' commands in the help', () => {
  test('given the commands\' declared access then ADMIN_COMMANDS names exactly those only administrators may use', () => {
    expect(entryPoints.commands.filter((c) => c.access.kind === 'admin').map((c) => c.name).sort()).toEqual([...ADMIN_COMMANDS].sort());
  });

  test('given anyone else then hjælp, the language button and the unknown-command hint leave persondata out; an administrator sees it in all three', async () => {
    const someone = aPerson('Medlem Mads');
    for (const [who, shown] of [[someone, false], [admin, true]] as const) {
      expect((await helpTexts(who, 'hjælp')).includes('persondata')).toBe(shown);
      expect((await helpTexts(who, 'help')).includes('persondata')).toBe(shown);
      expect((await helpTexts(who, 'hvad kan du?')).includes('**persondata**')).toBe(shown);
      const { body } = await running.bot.post(cardAction(running.emulator.serviceUrl, aPersonalChat(), who, 'help.show', { lang: 'en' }));
      expect(cardTexts((body as { value: unknown }).value).join(' ').includes('(access request)')).toBe(shown);
    }
    // The command itself still answers a non-administrator with the one refusal, not "unknown command".
    expect(await helpTexts(someone, 'persondata')).not.toContain('Den kommando kender jeg ikke');
  });
});
