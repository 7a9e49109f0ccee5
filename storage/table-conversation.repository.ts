import { z } from 'zod';
import { ConversationAddress } from '../domain/conversations/conversation';
import type { ConversationRepository } from '../domain/conversations/conversation.repository';
import { UserId } from '../domain/shared/ids';
import { NotFoundError } from '../domain/shared/repository-errors';
import { compact, dataOf } from './entity-codec';
import type { TableSet } from './table-client';
import { isNotFound, mapWriteError } from './table-errors';
import { checkKey, escapeKey } from './table-keys';
import type { Row } from './table-query';
import { VersionedRows, type RowCodec } from './versioned-rows';

/**
 * `conversations` holds two kinds of row:
 * - partition = conversation id, row `address`: the address (a point read; each conversation its own
 *   partition, so installs in many chats never crowd one partition);
 * - partition = user id, row `personal`: which conversation is that user's personal chat, so the
 *   outbox finds it with two point reads.
 * The address is written before the index and the index deleted before the address, so an index
 * row never points at nothing for long; `findPersonal` checks the address it points at anyway.
 */
const TABLE = 'conversations';
const ADDRESS_ROW = 'address';
const PERSONAL_ROW = 'personal';

const codec: RowCodec<ConversationAddress> = {
  table: TABLE,
  keys: (address) => [address.conversationId, ADDRESS_ROW],
  toProperties: ({ version: _version, ...plain }) => compact(plain),
  fromRow: (row: Row) => ConversationAddress.parse({ ...dataOf(row), version: row.etag }),
};

const PersonalIndex = z.object({ conversationId: z.string().min(1), userId: UserId });

function indexKeys(userId: string): { partitionKey: string; rowKey: string } {
  return { partitionKey: checkKey(TABLE, 'PartitionKey', escapeKey(userId)), rowKey: PERSONAL_ROW };
}

export function createConversationRepository(tables: TableSet): ConversationRepository {
  const rows = new VersionedRows(tables, codec);

  const readIndex = async (userId: string): Promise<z.infer<typeof PersonalIndex> | undefined> => {
    const client = await tables.client(TABLE);
    const { partitionKey, rowKey } = indexKeys(userId);
    try {
      return PersonalIndex.parse(dataOf(await client.getEntity<Record<string, unknown>>(partitionKey, rowKey)));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };

  async function remove(conversationId: string): Promise<void> {
    const address = await rows.find(conversationId, ADDRESS_ROW);
    if (address === undefined) return;
    const client = await tables.client(TABLE);
    if (address.userId !== undefined && (await readIndex(address.userId))?.conversationId === conversationId) {
      const { partitionKey, rowKey } = indexKeys(address.userId);
      try {
        await client.deleteEntity(partitionKey, rowKey);
      } catch (error) {
        if (!isNotFound(error)) mapWriteError(error, { table: TABLE, key: [address.userId, PERSONAL_ROW] });
      }
    }
    try {
      await rows.delete(conversationId, ADDRESS_ROW);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }

  return {
    findById: (conversationId) => rows.find(conversationId, ADDRESS_ROW),

    async findPersonal(userId) {
      const index = await readIndex(userId);
      if (index === undefined) return undefined;
      const address = await rows.find(index.conversationId, ADDRESS_ROW);
      return address?.active === true && address.kind === 'personal' && address.userId === userId ? address : undefined;
    },

    async save(address) {
      const saved = await rows.save(address);
      if (address.kind === 'personal' && address.userId !== undefined) {
        const client = await tables.client(TABLE);
        await client.upsertEntity({ ...indexKeys(address.userId), conversationId: address.conversationId, userId: address.userId }, 'Replace');
      }
      return saved;
    },

    async markInactive(conversationId, reason) {
      try {
        await rows.update(conversationId, ADDRESS_ROW, (current) => ({ ...current, active: false, inactiveReason: reason.slice(0, 500) }));
      } catch (error) {
        // Nothing stored for it: there is nothing to deactivate.
        if (!(error instanceof NotFoundError)) throw error;
      }
    },

    remove,

    async findPersonalAddress(userId) {
      const index = await readIndex(userId);
      const address = index === undefined ? undefined : await rows.find(index.conversationId, ADDRESS_ROW);
      return address?.userId === userId ? address : undefined;
    },

    async removePersonal(userId) {
      const index = await readIndex(userId);
      if (index === undefined) return false;
      const address = await rows.find(index.conversationId, ADDRESS_ROW);
      if (address?.userId === userId) await remove(address.conversationId);
      // An index row whose address is gone (or names someone else) still names this person.
      const client = await tables.client(TABLE);
      const { partitionKey, rowKey } = indexKeys(userId);
      await client.deleteEntity(partitionKey, rowKey).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
      return true;
    },
  };
}
