import { KnownUser } from '../domain/conversations/conversation';
import type { KnownUserRepository } from '../domain/conversations/conversation.repository';
import { compact, dataOf } from './entity-codec';
import { assertEntityFits } from './entity-size';
import type { TableSet } from './table-client';
import { isNotFound } from './table-errors';
import { checkKey, escapeKey } from './table-keys';

/**
 * `knownusers`: partition = Entra object id, row `user`; one point read per lookup. What Teams tells
 * us about a person is a fact of the moment, so the newest write simply wins (an upsert).
 */
const TABLE = 'knownusers';
const ROW = 'user';

const keysOf = (userId: string): { partitionKey: string; rowKey: string } => ({
  partitionKey: checkKey(TABLE, 'PartitionKey', escapeKey(userId)),
  rowKey: ROW,
});

export function createKnownUserRepository(tables: TableSet): KnownUserRepository {
  return {
    async findById(userId) {
      const client = await tables.client(TABLE);
      const { partitionKey, rowKey } = keysOf(userId);
      try {
        const row = await client.getEntity<Record<string, unknown>>(partitionKey, rowKey);
        return KnownUser.parse({ ...dataOf(row), version: row.etag });
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },

    async save(user) {
      const { version: _version, ...plain } = KnownUser.parse(user);
      const entity = { ...keysOf(plain.userId), ...compact(plain) };
      assertEntityFits(TABLE, entity);
      const client = await tables.client(TABLE);
      await client.upsertEntity(entity, 'Replace');
    },

    async remove(userId) {
      const { partitionKey, rowKey } = keysOf(userId);
      try {
        await (await tables.client(TABLE)).deleteEntity(partitionKey, rowKey);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}
