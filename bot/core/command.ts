import type { Messages } from '../i18n/messages';
import { checkAccess, type Access, type Granted } from './access';
import type { CommandName } from './command-names';
import type { Reply } from './reply';
import type { BotServices } from './services';
import type { Actor, TurnInfo } from './turn-info';

/** What a typed command is asked: the words after the command, and where it was typed. */
export interface CommandRequest {
  /** What followed the command word, trimmed. */
  args: string;
  info: TurnInfo;
}

export interface CommandInput<P = undefined> {
  info: TurnInfo;
  actor: Actor;
  t: Messages;
  args: string;
  services: BotServices;
  granted: Granted;
  /** What `prefetch` read for the forum granted (undefined when no forum was named). */
  prefetched: P | undefined;
}

/** One typed command: the words that call it (Danish and English), who may use it, and what it answers. */
export interface Command {
  name: CommandName;
  words: readonly string[];
  access: Access<CommandRequest>;
  /** Checks the declared access, then runs. */
  run(input: Omit<CommandInput, 'granted' | 'prefetched'>): Promise<Reply>;
}

export interface CommandSpec<P> {
  name: CommandName;
  words: readonly string[];
  access: Access<CommandRequest>;
  /**
   * Reads that need only the forum's id, started as soon as the access check knows it and run beside
   * the check's own reads (one round trip instead of two). What they read reaches `run` only when
   * access was granted; on a refusal it is dropped unseen. Undefined: nothing to read for this
   * request (a variant of the command that does not need it).
   */
  prefetch?: (forumId: string, services: BotServices, request: CommandRequest) => Promise<P> | undefined;
  run(input: CommandInput<P>): Promise<Reply>;
}

export function command<P = undefined>(spec: CommandSpec<P>): Command {
  return {
    name: spec.name,
    words: spec.words,
    access: spec.access,
    async run(input) {
      // Settled at once into a value, so a failed read waits (handled) until the check is over.
      let prefetching: Promise<{ ok: true; value: P } | { ok: false; error: unknown }> | undefined;
      const prefetch = spec.prefetch;
      const onForumId =
        prefetch === undefined
          ? undefined
          : (forumId: string): void => {
              prefetching = prefetch(forumId, input.services, { args: input.args, info: input.info })?.then(
                (value) => ({ ok: true as const, value }),
                (error: unknown) => ({ ok: false as const, error }),
              );
            };
      const granted: Granted = await checkAccess(spec.access, input.services, input.actor.userId, { args: input.args, info: input.info }, onForumId);
      const read = await prefetching;
      if (read !== undefined && !read.ok) throw read.error;
      return spec.run({ ...input, granted, prefetched: read?.value });
    },
  };
}
