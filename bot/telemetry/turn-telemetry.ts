import { SpanKind, type Attributes } from '@opentelemetry/api';
import { parseCommand } from '../core/command-words';
import type { EntryPoints } from '../core/registry';
import { readCommandText } from '../handlers/mention';
import { instruments } from './instruments';
import { inOutcomeSpan } from './outcome-span';

/** The parts of an incoming activity telemetry may look at (to name the turn, never to copy it). */
export interface TurnActivity {
  type?: string;
  name?: string;
  text?: string;
  value?: unknown;
  entities?: readonly unknown[];
  recipient?: { id?: string };
}

const ACTIVITY_TYPES = new Set(['message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'messageUpdate', 'messageDelete', 'event', 'typing', 'endOfConversation']);
const INVOKE_NAMES = new Set(['adaptiveCard/action', 'task/fetch', 'task/submit', 'tab/fetch', 'tab/submit', 'config/fetch', 'config/submit', 'signin/verifyState', 'signin/tokenExchange', 'fileConsent/invoke']);

/**
 * Names a turn by what we know ourselves: the activity type and invoke name from fixed lists, the
 * command's name when the text starts with one of our command words, the card verb when it is one
 * of ours. Anything else is `other`: the text, names and ids in the activity never leave this function.
 */
export function describeTurn(activity: TurnActivity, entryPoints: EntryPoints): Attributes {
  const type = activity.type !== undefined && ACTIVITY_TYPES.has(activity.type) ? activity.type : 'other';
  const attributes: Attributes = { 'forumbot.activity.type': type };
  if (type === 'invoke') attributes['forumbot.invoke.name'] = activity.name !== undefined && INVOKE_NAMES.has(activity.name) ? activity.name : 'other';
  if (type === 'message' && typeof activity.text === 'string') {
    const { text } = readCommandText(activity.text, activity.entities, activity.recipient?.id ?? '');
    attributes['forumbot.command'] = parseCommand(text, entryPoints.commands)?.command.name ?? 'none';
  }
  const verb = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  if (type === 'invoke' && typeof verb === 'string') {
    attributes['forumbot.card.verb'] = entryPoints.actions.some((action) => action.verb === verb) ? verb : 'other';
  }
  return attributes;
}

/** Runs one turn inside a span, and counts its duration, outcome and card verb. */
export async function traceTurn(activity: TurnActivity, entryPoints: EntryPoints, run: () => Promise<void>): Promise<void> {
  const attributes = describeTurn(activity, entryPoints);
  const started = performance.now();
  const name = `turn ${String(attributes['forumbot.activity.type'])}`;
  return inOutcomeSpan(name, { kind: SpanKind.SERVER, attributes }, run, (outcome) => {
    const { turnDuration, cardActions } = instruments();
    turnDuration.record(performance.now() - started, { ...attributes, 'forumbot.outcome': outcome });
    const verb = attributes['forumbot.card.verb'];
    if (verb !== undefined) cardActions.add(1, { 'forumbot.card.verb': verb, 'forumbot.outcome': outcome });
  });
}
