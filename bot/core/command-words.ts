import type { Command } from './command';

/**
 * Folds what people type on Danish and English keyboards to one form: case, accents and the Danish
 * letters with their usual spellings without them (æ/ae, ø/oe/o, å/aa/a), so "HJÆLP", "hjaelp" and
 * "Hjælp" are one word, as are "Møder", "moeder" and "moder", or "Kredsråd" and "kredsraad".
 */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/oe/g, 'o')
    .replace(/aa/g, 'a');
}

/** Folds a name for comparison: "SSP-NU u18", "ssp nu U18" and "ssp-nu-u18" match. */
export const foldName = (name: string): string =>
  foldWord(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export interface ParsedCommand {
  command: Command;
  args: string;
}

/** The command the text starts with, or undefined. A leading slash is tolerated ("/hjælp"). */
export function parseCommand(text: string, commands: readonly Command[]): ParsedCommand | undefined {
  const match = /^\/?(\S+)\s*(.*)$/s.exec(text.trim());
  if (match === null) return undefined;
  const word = foldWord(match[1] ?? '').replace(/[.!?:,;]+$/, '');
  const command = commands.find((c) => c.words.some((w) => foldWord(w) === word));
  return command === undefined ? undefined : { command, args: (match[2] ?? '').trim() };
}
