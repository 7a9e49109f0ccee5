import { describe, expect, test } from 'vitest';
import type { Forum } from '../../../domain/fora/forum';
import { mayViewPicture } from '../../../domain/picture/picture-access';

const FORA: Pick<Forum, 'id' | 'level' | 'analysts'>[] = [
  { id: 'lokalraad', level: 'strategic' },
  { id: 'koordination', level: 'coordinating' },
  { id: 'netvaerk', level: 'executing' },
];

describe('who may see the half-yearly picture', () => {
  test.each([
    ['a Lokalråd member', [{ forumId: 'lokalraad', roles: ['member'] as const }], true],
    ['a consultant in a coordinating forum', [{ forumId: 'koordination', roles: ['consultant'] as const }], true],
    ['the chair of an executing forum', [{ forumId: 'netvaerk', roles: ['chair'] as const }], true],
    ['a member and secretary of an executing forum', [{ forumId: 'netvaerk', roles: ['member', 'secretary'] as const }], false],
    ['someone in no forum', [], false],
    ['a member of a forum no longer in the registry', [{ forumId: 'nedlagt', roles: ['member'] as const }], false],
  ])('given %s then %s', (_who, memberships, expected) => {
    expect(mayViewPicture(FORA, memberships.map((m) => ({ forumId: m.forumId, roles: [...m.roles] })))).toBe(expected);
  });

  test('given an analyst the fora file names then she sees the picture without being in any forum, and only she', () => {
    const named = FORA.map((f) => ({ ...f, analysts: ['AAAA-analyst'] }));
    expect(mayViewPicture(named, [], 'aaaa-analyst')).toBe(true);
    expect(mayViewPicture(named, [], 'someone-else')).toBe(false);
    expect(mayViewPicture(FORA, [], 'aaaa-analyst')).toBe(false);
  });
});
