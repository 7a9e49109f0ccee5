import type { CardAction } from './card-action';
import type { Command } from './command';
import { foldWord } from './command-words';
import type { BotFeature } from './feature';

/** Every entry point the bot answers in turns, gathered from the features. */
export interface EntryPoints {
  commands: readonly Command[];
  actions: readonly CardAction[];
}

/** Gathers the features' commands and card verbs; a verb or command word claimed twice stops the start. */
export function entryPointsOf(features: readonly BotFeature[]): EntryPoints {
  const commands = features.flatMap((f) => f.commands ?? []);
  const actions = features.flatMap((f) => f.actions ?? []);
  const verbs = new Set<string>();
  for (const action of actions) {
    if (verbs.has(action.verb)) throw new Error(`card verb "${action.verb}" is registered twice`);
    verbs.add(action.verb);
  }
  const words = new Map<string, string>();
  for (const c of commands) {
    for (const word of c.words.map(foldWord)) {
      const owner = words.get(word);
      if (owner !== undefined) throw new Error(`command word "${word}" is claimed by both ${owner} and ${c.name}`);
      words.set(word, c.name);
    }
  }
  return { commands, actions };
}
