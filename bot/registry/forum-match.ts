import { foldName } from '../core/command-words';

/**
 * Which fora a typed name means. Tried in order, the first tier with a hit wins:
 * 1. the whole name or id ("kredsraad" → Kredsråd);
 * 2. every typed word begins a word of the name, in order ("kreds" → Kredsråd, "ssp nu" → both SSP-NU);
 * 3. a few typing mistakes in the whole name or its beginning ("koordinationsgrupen").
 * Case, accents and the Danish letters are folded first (see foldName).
 */
export type ForumMatch<F> = { kind: 'one'; forum: F } | { kind: 'several'; fora: F[] } | { kind: 'none' };

type Named = { id: string; name: string };

export function matchForaByName<F extends Named>(fora: readonly F[], typed: string): ForumMatch<F> {
  const wanted = foldName(typed);
  if (wanted === '') return { kind: 'none' };
  const exact = fora.filter((f) => foldName(f.name) === wanted || foldName(f.id) === wanted);
  if (exact.length > 0) return pick(exact);
  const words = wanted.split(' ');
  const byWords = fora.filter((f) => startsWords(foldName(f.name).split(' '), words));
  if (byWords.length > 0) return pick(byWords);
  const scored = fora.map((f) => ({ f, d: typoDistance(foldName(f.name), wanted) })).filter((s) => s.d <= allowedTypos(wanted));
  const best = Math.min(...scored.map((s) => s.d));
  return pick(scored.filter((s) => s.d === best).map((s) => s.f));
}

const pick = <F>(found: F[]): ForumMatch<F> => (found.length === 0 ? { kind: 'none' } : found.length === 1 ? { kind: 'one', forum: found[0]! } : { kind: 'several', fora: found });

/** Each typed word is the beginning of a name word, the typed words in the name's order. */
function startsWords(nameWords: readonly string[], typedWords: readonly string[]): boolean {
  let at = 0;
  for (const word of typedWords) {
    while (at < nameWords.length && !nameWords[at]!.startsWith(word)) at++;
    if (at === nameWords.length) return false;
    at++;
  }
  return true;
}

/** Short words tolerate one mistake, longer ones two; three letters or fewer none (too many false hits). */
const allowedTypos = (typed: string): number => (typed.length <= 3 ? 0 : typed.length <= 7 ? 1 : 2);

/** Mistakes between the typed text and the name, or the name's beginning of about the same length. */
function typoDistance(name: string, typed: string): number {
  const whole = editDistance(name, typed);
  const prefixes = [-1, 0, 1].map((d) => name.slice(0, typed.length + d)).filter((p) => p.length > 0);
  return Math.min(whole, ...prefixes.map((p) => editDistance(p, typed)));
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
