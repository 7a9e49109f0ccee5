import type { ConversationAddress, KnownUser } from './conversation';

export interface ConversationRepository {
  findById(conversationId: string): Promise<ConversationAddress | undefined>;
  /** The active personal chat with this user, if the app is installed for them. */
  findPersonal(userId: string): Promise<ConversationAddress | undefined>;
  save(address: ConversationAddress): Promise<ConversationAddress>;
  markInactive(conversationId: string, reason: string): Promise<void>;
  remove(conversationId: string): Promise<void>;
  /** The person's personal chat address, active or not (an access request). */
  findPersonalAddress(userId: string): Promise<ConversationAddress | undefined>;
  /** Deletes the person's personal chat address, active or not, with its index (they left). Returns whether one was stored. */
  removePersonal(userId: string): Promise<boolean>;
}

export interface KnownUserRepository {
  findById(userId: string): Promise<KnownUser | undefined>;
  save(user: KnownUser): Promise<void>;
  /** Forgets the person (they left the municipality); already gone is fine. */
  remove(userId: string): Promise<void>;
}
