import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCommand } from '../../bot/core/command-words';
import { entryPoints } from '../../bot/features';

const commands = entryPoints.commands;
import { readCommandText } from '../../bot/handlers/mention';
import { errorText, messagesFor, pickLang } from '../../bot/i18n';
import { ERROR_CODES } from '../../bot/i18n/error-codes';
import { featureErrors } from '../../bot/i18n/feature-errors';

const domainDir = path.resolve(import.meta.dirname, '../../domain');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

describe('error texts', () => {
  test('given every code the domain can refuse or throw with then both languages have a text for it', () => {
    const codes = new Set<string>();
    for (const file of sources(domainDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/(?:refused|DomainError|super)\(\s*'([A-Z_]+\.[A-Z_.]+)'/g)) codes.add(match[1]!);
    }
    expect(codes.size).toBeGreaterThan(10);
    const known = (code: string) => (ERROR_CODES as readonly string[]).includes(code) || featureErrors.some((texts) => Object.hasOwn(texts.da, code));
    expect([...codes].filter((code) => !known(code))).toEqual([]);
  });

  test('given a feature error code then both languages have a text for it', () => {
    for (const texts of featureErrors) expect(Object.keys(texts.en).sort()).toEqual(Object.keys(texts.da).sort());
  });

  test('given a code with context then the text uses it, and an unknown code still gets a polite text', () => {
    expect(errorText(messagesFor('da'), 'INPUT.TOO_LONG', { max: 2000 })).toBe('Teksten er for lang (højst 2000 tegn).');
    expect(errorText(messagesFor('en'), 'SOMETHING.NEW')).toBe('That could not be done. Try again, or type **help**.');
  });
});

describe('language of replies', () => {
  test.each([
    ['en-US', 'da-DK', 'en'],
    ['en-GB', 'da-DK', 'en'],
    ['da-DK', 'en-US', 'da'],
    ['sv-SE', 'da-DK', 'da'],
    [undefined, 'da-DK', 'da'],
    [undefined, 'en-GB', 'en'],
  ] as const)('given activity locale %s and configured %s then the reply is in %s', (activity, configured, expected) => {
    expect(pickLang(activity, configured)).toBe(expected);
  });
});

describe('reading typed text', () => {
  const bot = '28:bot';
  test('given the bot mentioned with Teams markup then only the command remains', () => {
    const entities = [{ type: 'mention', text: '<at>Forum Bot</at>', mentioned: { id: bot } }];
    expect(readCommandText('<at>Forum Bot</at>&nbsp;tilknyt  SSP-NU u18\n', entities, bot)).toEqual({ text: 'tilknyt SSP-NU u18', mentioned: true });
  });

  test('given only someone else mentioned then the bot is not mentioned', () => {
    const entities = [{ type: 'mention', text: '<at>Mette</at>', mentioned: { id: '29:mette' } }];
    expect(readCommandText('<at>Mette</at> hjælp', entities, bot)).toEqual({ text: 'hjælp', mentioned: false });
  });

  test.each([
    ['hjælp', 'help', ''],
    ['HJÆLP', 'help', ''],
    ['Moeder', 'meetings', ''],
    ['fora.', 'forums', ''],
    ['Tilknyt  Kredsråd ', 'link', 'Kredsråd'],
    ['eskalér nu', 'escalate', 'nu'],
  ])('given "%s" then the command is %s with arguments "%s"', (text, name, args) => {
    expect(parseCommand(text, commands)).toMatchObject({ command: { name }, args });
  });

  test.each(['', 'hjælpe', 'hej med dig'])('given "%s" then it is no command', (text) => {
    expect(parseCommand(text, commands)).toBeUndefined();
  });
});
