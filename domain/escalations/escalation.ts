import { z } from 'zod';
import { GuardedText } from '../shared/guarded-text';
import { EntityId, UserId } from '../shared/ids';
import { Instant } from '../shared/time';

export const ESCALATION_STATES = ['raised', 'acknowledged', 'awaiting_answer', 'on_agenda', 'resolved', 'returned'] as const;
export const EscalationState = z.enum(ESCALATION_STATES);
export type EscalationState = z.infer<typeof EscalationState>;

export const CLOSED_STATES: readonly EscalationState[] = ['resolved', 'returned'];

export const ESCALATION_ACTIONS = [
  'acknowledge',
  'ask',
  'answer',
  'put_on_agenda',
  'resolve',
  'escalate',
  'return',
  'auto_escalate',
] as const;
export const EscalationAction = z.enum(ESCALATION_ACTIONS);
export type EscalationAction = z.infer<typeof EscalationAction>;

export const URGENCIES = ['low', 'normal', 'high'] as const;
export const Urgency = z.enum(URGENCIES);
export type Urgency = z.infer<typeof Urgency>;

export const Person = z.object({ userId: UserId, displayName: GuardedText.trim().min(1).max(200) });
export type Person = z.infer<typeof Person>;

/** One step of a case's history; stored as its own row, so history can grow without limit. */
export const EscalationStep = z.object({
  seq: z.number().int().min(0),
  at: Instant,
  /** Absent for steps the system takes (automatic escalation). */
  actor: Person.optional(),
  /** `raise` opens the case; `share` (a member of a sensitive origin forum shows the description above) keeps the state. */
  action: z.union([EscalationAction, z.literal('raise'), z.literal('share')]),
  fromState: EscalationState.optional(),
  toState: EscalationState,
  fromForumId: EntityId.optional(),
  toForumId: EntityId,
  note: GuardedText.max(4000).optional(),
});
export type EscalationStep = z.infer<typeof EscalationStep>;

/** A problem or trend on its way up the chain, and the decision on its way down. */
export const Escalation = z.object({
  id: EntityId,
  title: GuardedText.trim().min(1).max(200),
  description: GuardedText.trim().max(4000),
  category: GuardedText.trim().min(1).max(100),
  /** The area of the municipality the case concerns (an id from the fora file's `areas`); optional. */
  area: z.string().min(1).max(100).optional(),
  urgency: Urgency,
  originForumId: EntityId,
  /** The forum that holds the case now. */
  currentForumId: EntityId,
  /** Every forum the case has been held in, from the origin up. */
  path: z.array(EntityId).min(1).max(20),
  state: EscalationState,
  raisedBy: Person,
  raisedAt: Instant,
  updatedAt: Instant,
  /** Count of history steps; the next step gets this number. */
  stepCount: z.number().int().min(0),
  decision: GuardedText.max(4000).optional(),
  actionItemId: EntityId.optional(),
  /** Raised in (or passed through) a sensitive forum: only its members see the description. */
  sensitive: z.boolean().optional(),
  /** A member of the sensitive forum chose to show the description to the fora above. */
  descriptionShared: z.boolean().optional(),
  /** Reminders sent for the step `remindedStep` (the case's `stepCount` then); a new step starts over. */
  remindedStep: z.number().int().min(0).optional(),
  reminderCount: z.number().int().min(0).max(10).optional(),
  /** Where the case was raised from, when not typed: an agenda item or an action item. */
  sourceType: z.enum(['agenda_item', 'action_item']).optional(),
  sourceId: EntityId.optional(),
  version: z.string().optional(),
});
export type Escalation = z.infer<typeof Escalation>;
