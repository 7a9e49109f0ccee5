/** `PLAYGROUND_USER`: the shipped Playground config with another person as the current user. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listPeople, withCurrentUser } from '../../playground/playground-config';
import { PLAYGROUND_CONFIG, WORLD } from './support/playground';

const shipped = readFileSync(PLAYGROUND_CONFIG, 'utf8');

describe('Playground config: current user', () => {
  it('given the shipped config then Mette Holm is the current user and five more people are listed', () => {
    const people = listPeople(shipped);
    expect(people.map((p) => p.name)).toEqual(['Mette Holm', 'Jonas Berg', 'Sara Lind', 'Ali Demir', 'Karen Friis', 'Peter Juhl']);
  });

  it('given "jonas" then Jonas Berg becomes the current user, Mette Holm takes his place, and he gets a personal chat of his own', () => {
    const swapped = withCurrentUser(shipped, 'jonas');
    expect(listPeople(swapped).map((p) => p.name)).toEqual(['Jonas Berg', 'Mette Holm', 'Sara Lind', 'Ali Demir', 'Karen Friis', 'Peter Juhl']);
    expect(swapped).toMatch(/^currentUser:\n {2}id: 29:demo-jonas-berg\n {2}name: Jonas Berg\n/m);
    expect(swapped).toMatch(/^ {2}- id: 29:demo-mette-holm\n {4}name: Mette Holm\n/m);
    expect(swapped).toMatch(/^personalChat:\n {2}id: a:demo-personal-jonas-berg$/m);
    expect(swapped).not.toContain(WORLD.personalChatId);
    // Everything after the personal chat (group chat, team, channels) is unchanged.
    expect(swapped.slice(swapped.indexOf('groupChat:'))).toBe(shipped.slice(shipped.indexOf('groupChat:')));
    expect(swapped.split('\n')).toHaveLength(shipped.split('\n').length);
  });

  it('given the current user\'s own name then the config is unchanged', () => {
    expect(withCurrentUser(shipped, 'METTE')).toBe(shipped);
  });

  it('given a name that is not in the config then it refuses and names the people there are', () => {
    expect(() => withCurrentUser(shipped, 'Bent')).toThrow(/no person "Bent".*Mette, Jonas, Sara, Ali, Karen, Peter/);
  });
});
