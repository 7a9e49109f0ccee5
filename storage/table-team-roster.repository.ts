import { odata, type TransactionAction } from '@azure/data-tables';
import { RosterMember, TeamInstall } from '../domain/reach/team-roster';
import type { TeamRosterRepository } from '../domain/reach/team-roster.repository';
import { compact, dataOf, fromJson, toJson } from './entity-codec';
import { assertEntityFits } from './entity-size';
import { deleteRows, submitInChunks } from './table-batch';
import type { TableSet } from './table-client';
import { isNotFound } from './table-errors';
import { checkKey, escapeKey, joinKey } from './table-keys';
import { listAll, listUpTo, type Row } from './table-query';

/**
 * `teamrosters` holds:
 * - partition `teams`, row = team id: the install (service URL, channels as JSON);
 * - partition `t~{teamId}`, row = Entra object id: one roster member. A roster of 5,000 is written
 *   in transactions of 100 (one partition), and a refresh writes only what changed.
 * Finding a person reads their row in each active team (teams are few: the SSP teams of one
 * municipality), so no second index has to be kept in step with the roster.
 */
const TABLE = 'teamrosters';
const TEAMS = 'teams';

const teamRow = (teamId: string): string => checkKey(TABLE, 'RowKey', escapeKey(teamId));
const rosterPartition = (teamId: string): string => checkKey(TABLE, 'PartitionKey', joinKey('t', escapeKey(teamId)));
const memberRow = (userId: string): string => checkKey(TABLE, 'RowKey', escapeKey(userId));

function teamEntity({ version: _version, channels, ...plain }: TeamInstall): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const entity = { partitionKey: TEAMS, rowKey: teamRow(plain.teamId), ...compact(plain), channels: toJson(channels) ?? '[]' };
  assertEntityFits(TABLE, entity);
  return entity;
}

const teamFrom = (row: Row): TeamInstall => TeamInstall.parse({ ...dataOf(row), channels: fromJson(row['channels']) ?? [], version: row.etag });

function memberEntity(member: RosterMember): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  return { partitionKey: rosterPartition(member.teamId), rowKey: memberRow(member.userId), ...compact(RosterMember.parse(member)) };
}

const memberFrom = (row: Row): RosterMember => RosterMember.parse(dataOf(row));

export function createTeamRosterRepository(tables: TableSet): TeamRosterRepository {
  const client = () => tables.client(TABLE);

  const listTeams = async (): Promise<TeamInstall[]> => (await listAll(await client(), odata`PartitionKey eq ${TEAMS}`)).map(teamFrom);
  const activeTeams = async (): Promise<TeamInstall[]> => (await listTeams()).filter((team) => team.active);

  return {
    async findTeam(teamId) {
      try {
        return teamFrom((await (await client()).getEntity<Record<string, unknown>>(TEAMS, teamRow(teamId))) as Row);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },

    listTeams,

    async saveTeam(team) {
      await (await client()).upsertEntity(teamEntity(TeamInstall.parse(team)), 'Replace');
    },

    async findTeamOfChannel(conversationId) {
      const channelId = conversationId.split(';')[0] ?? conversationId;
      return (await listTeams()).find((team) => team.teamId === channelId || team.channels.some((channel) => channel.conversationId === channelId));
    },

    async listMembers(teamId) {
      return (await listAll(await client(), odata`PartitionKey eq ${rosterPartition(teamId)}`)).map(memberFrom);
    },

    async putMembers(teamId, members) {
      const actions = members.map((member): TransactionAction => {
        if (member.teamId !== teamId) throw new Error(`roster member of ${member.teamId} written to ${teamId}`);
        return ['upsert', memberEntity(member), 'Replace'];
      });
      await submitInChunks(await client(), actions);
    },

    async removeMembers(teamId, userIds) {
      await deleteRows(await client(), userIds.map((userId) => ({ partitionKey: rosterPartition(teamId), rowKey: memberRow(userId) })));
    },

    async findMember(userId) {
      const teams = await activeTeams();
      const tableClient = await client();
      const found = await Promise.all(
        teams.map(async (team) => {
          try {
            return memberFrom((await tableClient.getEntity<Record<string, unknown>>(rosterPartition(team.teamId), memberRow(userId))) as Row);
          } catch (error) {
            if (isNotFound(error)) return undefined;
            throw error;
          }
        }),
      );
      return newestOf(found);
    },

    async findMemberByEmail(email) {
      const wanted = email.trim().toLowerCase();
      if (wanted === '') return undefined;
      const teams = await activeTeams();
      const tableClient = await client();
      const found = await Promise.all(
        teams.map(async (team) => (await listUpTo(tableClient, odata`PartitionKey eq ${rosterPartition(team.teamId)} and (email eq ${wanted} or upn eq ${wanted})`, 1)).map(memberFrom)[0]),
      );
      return newestOf(found);
    },
  };
}

const newestOf = (members: readonly (RosterMember | undefined)[]): RosterMember | undefined =>
  members.filter((member): member is RosterMember => member !== undefined).sort((a, b) => b.seenAt.localeCompare(a.seenAt))[0];
