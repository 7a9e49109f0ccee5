/**
 * The demo data set of `npm run playground` against the Playground's config file and Ishøj's seed
 * file, and loaded into Azurite.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ISHOEJ_FORA_FILE } from '../../bot/seed';
import { ForaFile } from '../../domain/fora/fora-file';
import type { Level, Role } from '../../domain/fora/forum';
import { planForaImport } from '../../domain/fora/import-fora';
import { applyDemoData, DEMO_FORA_FILE, readDemoChannels } from '../../playground/demo-data';
import { createStorage } from '../../storage/index';
import { PLAYGROUND_CONFIG, WORLD } from './support/playground';

const yml = readFileSync(PLAYGROUND_CONFIG, 'utf8');
/** Every value of `key:` in the yml, in file order (the file is flat enough for this). */
const values = (key: string): string[] => [...yml.matchAll(new RegExp(`^\\s*(?:- )?${key}:\\s*(.+)$`, 'gm'))].map((m) => (m[1] ?? '').trim().replace(/^"|"$/g, ''));

const people = values('aadObjectId').map((userId, i) => ({ userId, name: `${values('givenName')[i]} ${values('surname')[i]}` }));
const currentUser = people[0]!;
const demoFile = ForaFile.parse(JSON.parse(readFileSync(DEMO_FORA_FILE, 'utf8')));
const seedFile = ForaFile.parse(JSON.parse(readFileSync(ISHOEJ_FORA_FILE, 'utf8')));

const rolesOf = (userId: string): { level: Level; roles: Role[] }[] =>
  demoFile.fora.flatMap((forum) => forum.members.filter((m) => m.userId === userId).map((m) => ({ level: forum.level, roles: m.roles })));

describe('demo data set', () => {
  it('given the Playground config then it has the current user and exactly five more people, as its schema demands', () => {
    expect(people).toHaveLength(6);
    expect(new Set(people.map((p) => p.userId)).size).toBe(6);
    expect(currentUser.name).toBe('Mette Holm');
  });

  it('given the demo fora file then it passes the import checks and keeps every field of the Ishøj seed file', () => {
    const plan = planForaImport(JSON.parse(readFileSync(DEMO_FORA_FILE, 'utf8')));
    expect(plan.ok ? [] : plan.errors).toEqual([]);
    const withoutMembers = (file: ForaFile) => file.fora.map(({ members: _members, ...forum }) => forum);
    // A drift here would make `npm run playground` rewrite the seeded fora with old values.
    expect(withoutMembers(demoFile)).toEqual(withoutMembers(seedFile));
  });

  it('given the demo members then they are the Playground people, under their Entra ids and names', () => {
    const byId = new Map(people.map((p) => [p.userId, p.name]));
    const members = demoFile.fora.flatMap((f) => f.members);
    for (const member of members) expect(byId.get(member.userId)).toBe(member.displayName);
    for (const person of people) expect(members.some((m) => m.userId === person.userId)).toBe(true);
  });

  it('given the demo roles then every flow has its people: chair, secretary, SSP consultants and managers at coordinating and strategic level', () => {
    const all = people.flatMap((p) => rolesOf(p.userId));
    for (const role of ['chair', 'secretary', 'consultant'] as const) expect(all.some((r) => r.roles.includes(role))).toBe(true);
    for (const level of ['coordinating', 'strategic'] as const) expect(all.some((r) => r.level === level && r.roles.includes('manager'))).toBe(true);
    expect(people.filter((p) => rolesOf(p.userId).some((r) => r.roles.includes('consultant'))).length).toBeGreaterThanOrEqual(2);
    // The Playground cannot switch users, so the one who types can try every role.
    const mine = rolesOf(currentUser.userId);
    expect(mine.some((r) => r.roles.includes('chair'))).toBe(true);
    expect(mine.some((r) => r.roles.includes('consultant'))).toBe(true);
    expect(mine.some((r) => r.level === 'coordinating' && r.roles.includes('manager'))).toBe(true);
    expect(mine.some((r) => r.level === 'strategic' && r.roles.includes('manager'))).toBe(true);
  });

  it('given the demo channels then their tenant, team and channel ids are those of the Playground config', async () => {
    const demo = await readDemoChannels();
    expect(demo.tenantId).toBe(values('tenantId')[0]);
    expect(demo.teamId).toBe(/^team:\n\s+id:\s*(\S+)/m.exec(yml)?.[1]);
    const channelIds = [demo.teamId, /channels:\n\s+- id:\s*(\S+)/m.exec(yml)?.[1]];
    expect(demo.channels.map((c) => c.conversationId).sort()).toEqual([...channelIds].sort());
    expect(demo.channels.map((c) => c.conversationId)).toContain(WORLD.generalChannelId);
    expect(demo.channels.map((c) => c.conversationId)).toContain(WORLD.kredsraadChannelId);
    for (const channel of demo.channels) expect(demoFile.fora.some((f) => f.id === channel.forumId)).toBe(true);
  });

  describe('loaded into Azurite', () => {
    const storage = createStorage(inject('storageConnectionString'), { tablePrefix: `demo${Math.random().toString(36).slice(2, 10)}` });
    afterAll(() => storage.dropAll());

    it('given an empty store when the demo is applied then the people have their roles and the channels their fora, and a second run changes nothing', async () => {
      const connector = 'http://localhost:56150/_connector';
      const first = await applyDemoData(storage, connector);
      expect(first.linked.sort()).toEqual(['koordinationsgruppen', 'kredsraad']);

      const chair = await storage.members.find('koordinationsgruppen', currentUser.userId);
      expect(chair?.roles).toEqual(['chair', 'manager']);
      const memberships = await storage.members.listMembershipsOfUser(currentUser.userId);
      expect(memberships.map((m) => m.forumId).sort()).toEqual(['koordinationsgruppen', 'kredsraad', 'lokalraad', 'ssp-netvaerk']);
      const koordination = await storage.fora.findById('koordinationsgruppen');
      expect(koordination?.teams).toMatchObject({ conversationId: WORLD.generalChannelId, serviceUrl: connector, channelName: 'General' });
      expect((await storage.fora.findById('kredsraad'))?.teams?.conversationId).toBe(WORLD.kredsraadChannelId);
      expect((await storage.fora.findById('infohus'))?.teams).toBeUndefined();

      const again = await applyDemoData(storage, connector);
      expect(again.linked).toEqual([]);
      expect((await storage.fora.findById('koordinationsgruppen'))?.version).toBe(koordination?.version);
    });

    it('given the Playground on another port when the demo is applied then the links follow its connector', async () => {
      const moved = await applyDemoData(storage, 'http://localhost:56151/_connector');
      expect(moved.linked.sort()).toEqual(['koordinationsgruppen', 'kredsraad']);
      expect((await storage.fora.findById('kredsraad'))?.teams?.serviceUrl).toBe('http://localhost:56151/_connector');
    });
  });
});
