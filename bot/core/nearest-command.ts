import type { Command } from './command';
import { foldWord } from './command-words';

/** Edits (insert, delete, replace, swap two neighbours) from one word to the other. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_x, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The command word a mistyped first word most likely meant ("dagsordn" → "dagsorden"), or
 * undefined when none is close: at most one slip in a short word, two in a longer one, and only
 * when one word is nearest (a tie names none rather than guess).
 */
export function nearestCommandWord(text: string, commands: readonly Command[]): string | undefined {
  const typed = foldWord(/^\/?(\S+)/.exec(text.trim())?.[1] ?? '').replace(/[.!?:,;]+$/, '');
  if (typed.length < 3) return undefined;
  const allowed = typed.length <= 5 ? 1 : 2;
  let best: { word: string; command: Command; distance: number; tie: boolean } | undefined;
  for (const command of commands) {
    for (const word of command.words) {
      const d = distance(typed, foldWord(word));
      if (d > allowed) continue;
      if (best === undefined || d < best.distance) best = { word, command, distance: d, tie: false };
      else if (d === best.distance && best.command !== command) best.tie = true;
    }
  }
  return best === undefined || best.tie ? undefined : best.word;
}
