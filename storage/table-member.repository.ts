import { odata } from '@azure/data-tables';
import { z } from 'zod';
import { Member, Role } from '../domain/fora/forum';
import type { MemberRepository, Membership } from '../domain/fora/forum.repository';
import { EntityId } from '../domain/shared/ids';
import { assertEntityFits } from './entity-size';
import { compact, dataOf, fromJson, toJson } from './entity-codec';
import type { TableSet } from './table-client';
import { isNotFound, mapWriteError } from './table-errors';
import { checkKey, escapeKey, unescapeKey } from './table-keys';
import { listAll, type Row } from './table-query';

/**
 * `members`: partition = forum, row = user (a forum's members are one query).
 * `memberships`: partition = user, row = forum, with the roles (a person's fora are one query).
 * The member row is written first and the index second, both idempotent upserts; removal deletes
 * the index first. A crash in between leaves a member without index row, never an index row
 * pointing at nobody, and repeating the call repairs it.
 */
const MembershipRow = z.object({ forumId: EntityId, roles: z.array(Role).min(1) });

const memberFromRow = (row: Row): Member => Member.parse({ ...dataOf(row), roles: fromJson(row['roles']) });

function keys(table: 'members' | 'memberships', partition: string, row: string): { partitionKey: string; rowKey: string } {
  return { partitionKey: checkKey(table, 'PartitionKey', escapeKey(partition)), rowKey: checkKey(table, 'RowKey', escapeKey(row)) };
}

export function createMemberRepository(tables: TableSet): MemberRepository {
  return {
    async listByForum(forumId) {
      const client = await tables.client('members');
      const rows = await listAll(client, odata`PartitionKey eq ${checkKey('members', 'PartitionKey', escapeKey(forumId))}`);
      return rows.map(memberFromRow);
    },

    async find(forumId, userId) {
      const client = await tables.client('members');
      const { partitionKey, rowKey } = keys('members', forumId, userId);
      try {
        return memberFromRow((await client.getEntity<Record<string, unknown>>(partitionKey, rowKey)) as Row);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },

    async listMembershipsOfUser(userId): Promise<Membership[]> {
      const client = await tables.client('memberships');
      const rows = await listAll(client, odata`PartitionKey eq ${checkKey('memberships', 'PartitionKey', escapeKey(userId))}`);
      return rows.map((row) => MembershipRow.parse({ forumId: unescapeKey(row.rowKey), roles: fromJson(row['roles']) }));
    },

    async save(forumId, member) {
      const { userId, roles, ...plain } = member;
      const memberRow = { ...keys('members', forumId, userId), ...compact({ ...plain, userId, roles: toJson(roles) }) };
      const indexRow = { ...keys('memberships', userId, forumId), roles: JSON.stringify(roles) };
      assertEntityFits('members', memberRow);
      assertEntityFits('memberships', indexRow);
      const [members, memberships] = await Promise.all([tables.client('members'), tables.client('memberships')]);
      await members.upsertEntity(memberRow, 'Replace');
      await memberships.upsertEntity(indexRow, 'Replace');
    },

    async remove(forumId, userId) {
      const [members, memberships] = await Promise.all([tables.client('members'), tables.client('memberships')]);
      const member = keys('members', forumId, userId);
      const index = keys('memberships', userId, forumId);
      try {
        await memberships.deleteEntity(index.partitionKey, index.rowKey);
      } catch (error) {
        // A member whose index row was never written (crash after the first write) is still removed.
        if (!isNotFound(error)) throw error;
      }
      try {
        await members.deleteEntity(member.partitionKey, member.rowKey);
      } catch (error) {
        mapWriteError(error, { table: 'members', key: [forumId, userId] });
      }
    },
  };
}
