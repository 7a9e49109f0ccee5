import { describe, expect, it } from 'vitest';
import type { Forum, Role } from '../../../domain/fora/forum';
import {
  canLinkChannel,
  canManageMembers,
  canScheduleMeetings,
  canSeeContent,
  chainIssues,
  chainProblems,
  foraBelow,
  hasRole,
  keepsAChair,
} from '../../../domain/fora/forum.rules';
import { aForum, aMember } from '../support/mothers';

type ChainForum = Pick<Forum, 'id' | 'name' | 'level' | 'escalatesTo'>;
const f = (id: string, level: Forum['level'], escalatesTo?: string): ChainForum => ({ id, name: id.toUpperCase(), level, ...(escalatesTo ? { escalatesTo } : {}) });

describe('roles', () => {
  it('given a member with several roles then hasRole finds any of the asked roles', () => {
    const m = aMember('u', 'member', 'consultant');
    expect(hasRole(m, 'consultant')).toBe(true);
    expect(hasRole(m, 'chair', 'member')).toBe(true);
    expect(hasRole(m, 'chair', 'secretary')).toBe(false);
  });

  it('given no member then hasRole is false for every role', () => {
    expect(hasRole(undefined, 'chair', 'secretary', 'member', 'consultant', 'manager')).toBe(false);
  });
});

// role → [canLinkChannel, canManageMembers, canScheduleMeetings]
const ROLE_TABLE: [Role, boolean, boolean, boolean][] = [
  ['chair', true, true, true],
  ['secretary', true, false, true],
  ['member', false, false, false],
  ['consultant', false, false, false],
  ['manager', false, false, false],
];

describe('permissions by role', () => {
  it.each(ROLE_TABLE)('given a %s then link channel=%s, manage members=%s, schedule=%s', (role, link, manage, schedule) => {
    const m = aMember('u', role);
    expect(canLinkChannel(m).ok).toBe(link);
    expect(canManageMembers(m).ok).toBe(manage);
    expect(canScheduleMeetings(m).ok).toBe(schedule);
  });

  it('given a refused channel link then the code names chair or secretary', () => {
    expect(canLinkChannel(aMember('u', 'member'))).toEqual({ ok: false, code: 'FORUM.NOT_CHAIR_OR_SECRETARY' });
    expect(canLinkChannel(undefined)).toEqual({ ok: false, code: 'FORUM.NOT_CHAIR_OR_SECRETARY' });
  });

  it('given a secretary managing members then refused with FORUM.NOT_CHAIR', () => {
    expect(canManageMembers(aMember('u', 'secretary'))).toEqual({ ok: false, code: 'FORUM.NOT_CHAIR' });
    expect(canManageMembers(undefined)).toEqual({ ok: false, code: 'FORUM.NOT_CHAIR' });
  });
});

describe('canSeeContent', () => {
  it('given a member of an ordinary forum then content is visible', () => {
    expect(canSeeContent(aForum(), aMember('u', 'member')).ok).toBe(true);
  });

  it('given a non-member of an ordinary forum then refused with FORUM.NOT_MEMBER', () => {
    expect(canSeeContent(aForum({ id: 'lokalraad' }), undefined)).toEqual({ ok: false, code: 'FORUM.NOT_MEMBER', context: { forumId: 'lokalraad' } });
  });

  it('given a member of a sensitive forum then content is visible', () => {
    expect(canSeeContent(aForum({ id: 'infohus', sensitive: true }), aMember('u', 'consultant')).ok).toBe(true);
  });

  it('given a non-member of a sensitive forum then refused with FORUM.SENSITIVE', () => {
    expect(canSeeContent(aForum({ id: 'infohus', sensitive: true }), undefined)).toEqual({ ok: false, code: 'FORUM.SENSITIVE', context: { forumId: 'infohus' } });
  });
});

describe('keepsAChair', () => {
  it('given one chair among members then allowed', () => {
    expect(keepsAChair([aMember('a', 'member'), aMember('b', 'secretary', 'chair')]).ok).toBe(true);
  });

  it('given members without a chair then refused with FORUM.LAST_CHAIR', () => {
    expect(keepsAChair([aMember('a', 'member'), aMember('b', 'secretary')])).toEqual({ ok: false, code: 'FORUM.LAST_CHAIR' });
  });

  it('given no members at all then refused', () => {
    expect(keepsAChair([]).ok).toBe(false);
  });
});

describe('chainProblems', () => {
  it('given executing → coordinating → strategic → strategic then no problems', () => {
    const fora = [f('net', 'executing', 'koord'), f('koord', 'coordinating', 'lokal'), f('lokal', 'strategic', 'kreds'), f('kreds', 'strategic')];
    expect(chainProblems(fora)).toEqual([]);
    expect(chainIssues(fora)).toEqual([]);
  });

  it('given a coordinating forum escalating to another coordinating forum then no problems', () => {
    expect(chainProblems([f('nu', 'coordinating', 'koord'), f('koord', 'coordinating')])).toEqual([]);
  });

  it('given a forum escalating down then one CHAIN.DOWN problem on that forum', () => {
    const fora = [f('lokal', 'strategic', 'koord'), f('koord', 'coordinating')];
    expect(chainIssues(fora)).toEqual([{ code: 'CHAIN.DOWN', forumId: 'lokal', targetId: 'koord' }]);
    expect(chainProblems(fora)).toEqual(['LOKAL: escalates down to KOORD (coordinating)']);
  });

  it('given an executing forum escalating straight to a strategic one then CHAIN.SKIPS_LEVEL', () => {
    const fora = [f('net', 'executing', 'lokal'), f('lokal', 'strategic')];
    expect(chainIssues(fora)).toEqual([{ code: 'CHAIN.SKIPS_LEVEL', forumId: 'net', targetId: 'lokal' }]);
    expect(chainProblems(fora)).toEqual(['NET: skips a level to LOKAL (strategic)']);
  });

  it('given a forum escalating to itself then exactly one CHAIN.SELF problem (not also a cycle)', () => {
    const fora = [f('koord', 'coordinating', 'koord')];
    expect(chainIssues(fora)).toEqual([{ code: 'CHAIN.SELF', forumId: 'koord', targetId: 'koord' }]);
    expect(chainProblems(fora)).toEqual(['KOORD: escalates to itself']);
  });

  it('given two same-level fora escalating to each other then one cycle, reported on the first in order', () => {
    const fora = [f('net', 'executing', 'a'), f('b', 'coordinating', 'a'), f('a', 'coordinating', 'b')];
    expect(chainIssues(fora)).toEqual([{ code: 'CHAIN.CYCLE', forumId: 'b', cycle: ['b', 'a'] }]);
    expect(chainProblems(fora)).toHaveLength(1);
    expect(chainProblems(fora)[0]).toContain('cycle');
  });

  it('given a three-forum cycle then it is reported once', () => {
    const fora = [f('a', 'strategic', 'b'), f('b', 'strategic', 'c'), f('c', 'strategic', 'a')];
    expect(chainIssues(fora)).toEqual([{ code: 'CHAIN.CYCLE', forumId: 'a', cycle: ['a', 'b', 'c'] }]);
  });

  it('given an unknown escalation target then CHAIN.UNKNOWN_TARGET naming it', () => {
    const fora = [f('net', 'executing', 'nowhere')];
    expect(chainIssues(fora)).toEqual([{ code: 'CHAIN.UNKNOWN_TARGET', forumId: 'net', targetId: 'nowhere' }]);
    expect(chainProblems(fora)).toEqual(['NET: escalatesTo "nowhere" is not a forum in the file']);
  });

  it('given several independent problems then each is reported', () => {
    const fora = [f('net', 'executing', 'lokal'), f('lokal', 'strategic', 'koord'), f('koord', 'coordinating', 'gone')];
    expect(chainIssues(fora).map((i) => [i.forumId, i.code])).toEqual([
      ['net', 'CHAIN.SKIPS_LEVEL'],
      ['lokal', 'CHAIN.DOWN'],
      ['koord', 'CHAIN.UNKNOWN_TARGET'],
    ]);
  });
});

describe('foraBelow', () => {
  const ishoej = [
    f('kreds', 'strategic'),
    f('lokal', 'strategic', 'kreds'),
    f('chef', 'strategic'),
    f('koord', 'coordinating', 'lokal'),
    f('nu18', 'coordinating', 'koord'),
    f('info', 'coordinating', 'lokal'),
    f('net', 'executing', 'koord'),
  ];
  const ids = (fora: ChainForum[]) => fora.map((x) => x.id).sort();

  it('given the top forum then every forum in its chain is below it, and none outside', () => {
    expect(ids(foraBelow(ishoej, 'kreds'))).toEqual(['info', 'koord', 'lokal', 'net', 'nu18']);
  });

  it('given a middle forum then only the fora under it', () => {
    expect(ids(foraBelow(ishoej, 'koord'))).toEqual(['net', 'nu18']);
  });

  it('given a forum at the bottom or outside the chain then nothing is below', () => {
    expect(foraBelow(ishoej, 'net')).toEqual([]);
    expect(foraBelow(ishoej, 'chef')).toEqual([]);
  });

  it('given a bad chain with a cycle then it ends and never lists the forum itself', () => {
    const cyclic = [f('a', 'coordinating', 'b'), f('b', 'coordinating', 'a'), f('c', 'executing', 'a')];
    expect(ids(foraBelow(cyclic, 'a'))).toEqual(['b', 'c']);
  });
});
