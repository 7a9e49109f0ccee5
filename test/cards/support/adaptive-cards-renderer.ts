import { createRequire } from 'node:module';

/**
 * Microsoft's `adaptivecards` library, loaded as its UMD bundle: that file parses and validates
 * cards in Node without a browser (rendering needs a DOM; parsing and validation do not).
 */

interface ParseEvent {
  message: string;
}
interface SerializationContext {
  readonly eventCount: number;
  getEventAt(index: number): ParseEvent;
}
interface ParsedCard {
  hostConfig: unknown;
  parse(source: unknown, context?: SerializationContext): void;
  validateProperties(): { validationEvents: ParseEvent[] };
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => ParsedCard;
  CardElement: { langProperty: { regEx?: RegExp } };
  SerializationContext: new (targetVersion?: unknown) => SerializationContext;
  Versions: { v1_5: unknown };
  HostConfig: new (config: object) => unknown;
}

const adaptiveCards = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

/**
 * Teams shows at most 6 card-level actions and drops the rest (the Teams host config, as the
 * Microsoft 365 Agents Playground ships it, has `actions.maxActions: 6`; the library's default is 5).
 */
export const TEAMS_MAX_ACTIONS = 6;
const teamsHostConfig = new adaptiveCards.HostConfig({ actions: { maxActions: TEAMS_MAX_ACTIONS } });

/**
 * What the library reports for a card: events while parsing (unknown element types, invalid enum
 * values) and the errors and warnings of `validateProperties()` under Teams' host config (inputs
 * without id, duplicate ids, choices without title or value, too many actions). [] when clean.
 */
export function adaptiveCardsProblems(card: unknown): string[] {
  // The library checks `lang` with a /g regular expression, whose lastIndex survives between
  // cards, so every second valid "da" is reported as invalid (microsoft/AdaptiveCards#9145).
  const langPattern = adaptiveCards.CardElement.langProperty.regEx;
  if (langPattern !== undefined) langPattern.lastIndex = 0;
  const context = new adaptiveCards.SerializationContext(adaptiveCards.Versions.v1_5);
  const parsed = new adaptiveCards.AdaptiveCard();
  parsed.hostConfig = teamsHostConfig;
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}
