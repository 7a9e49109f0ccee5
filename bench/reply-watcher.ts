import type { RecordedActivity, TeamsConnectorEmulator } from '../test/emulator/teams-connector-emulator';

/**
 * Tells when a bot's reply to a given incoming activity has reached the emulator. One standing
 * `waitFor` predicate (run by the emulator after every request it answered) looks only at the
 * activities recorded since its last look and stamps the time, so the check costs the same for
 * every bot and does not grow with the number of turns.
 */
export interface ReplyWatcher {
  /** Call before posting the activity; resolves with the reply and when it was recorded (performance.now()). */
  expect(activityId: string, timeoutMs: number): Promise<{ at: number; reply: RecordedActivity }>;
  close(): Promise<void>;
}

interface Pending {
  resolve: (value: { at: number; reply: RecordedActivity }) => void;
  timer: NodeJS.Timeout;
}

export function watchReplies(emulator: TeamsConnectorEmulator): ReplyWatcher {
  const pending = new Map<string, Pending>();
  let seen = 0;
  let closed = false;
  const standing = emulator.waitFor((e) => {
    const at = performance.now();
    const sent = e.sent();
    for (; seen < sent.length; seen++) {
      const entry = sent[seen]!;
      const waiter = entry.replyToId === undefined ? undefined : pending.get(entry.replyToId);
      if (waiter === undefined) continue;
      pending.delete(entry.replyToId!);
      clearTimeout(waiter.timer);
      waiter.resolve({ at, reply: entry });
    }
    return closed;
  }, 2 ** 31 - 1);

  return {
    expect: (activityId, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(activityId);
          reject(new Error(`no reply to ${activityId} reached the emulator within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(activityId, { resolve, timer });
      }),
    async close() {
      closed = true;
      for (const waiter of pending.values()) clearTimeout(waiter.timer);
      pending.clear();
      await standing; // the emulator's 25 ms poll sees `closed` and lets go
    },
  };
}
