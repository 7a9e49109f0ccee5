import { describe, expect, test } from 'vitest';
import { editDistance, matchForaByName } from '../../../bot/registry/forum-match';

const ISHOEJ = [
  { id: 'kredsraad', name: 'Kredsråd' },
  { id: 'lokalraad', name: 'Lokalråd' },
  { id: 'chefforum', name: 'Chefforum' },
  { id: 'koordinationsgruppen', name: 'Koordinationsgruppen' },
  { id: 'ssp-nu-u18', name: 'SSP-NU u18' },
  { id: 'ssp-nu-o18', name: 'SSP-NU o18' },
  { id: 'infohus', name: 'Infohus' },
  { id: 'ssp-netvaerk', name: 'SSP-netværk' },
];

const names = (typed: string): string[] | string => {
  const m = matchForaByName(ISHOEJ, typed);
  return m.kind === 'none' ? 'none' : m.kind === 'one' ? [m.forum.name] : m.fora.map((f) => f.name);
};

describe('matchForaByName', () => {
  test.each([
    ['Kredsråd', ['Kredsråd']],
    ['KREDSRAAD', ['Kredsråd']],
    ['kreds', ['Kredsråd']],
    ['ssp-nu-u18', ['SSP-NU u18']],
    ['ssp nu U18', ['SSP-NU u18']],
    ['netværk', ['SSP-netværk']],
    ['koordinationsgrupen', ['Koordinationsgruppen']],
    ['Koordinatoinsgruppen', ['Koordinationsgruppen']],
    ['infohsu', ['Infohus']],
    ['lokalrad', ['Lokalråd']],
  ])('given "%s" then it means %j', (typed, expected) => {
    expect(names(typed)).toEqual(expected);
  });

  test('given "ssp nu" then both SSP-NU fora are candidates, and nothing else', () => {
    expect(names('ssp nu')).toEqual(['SSP-NU u18', 'SSP-NU o18']);
  });

  test('given "ssp" then every SSP forum is a candidate', () => {
    expect(names('ssp')).toEqual(['SSP-NU u18', 'SSP-NU o18', 'SSP-netværk']);
  });

  test.each(['Forum der ikke findes', 'xyz', '', '  ', 'rådhus'])('given "%s" then no forum matches', (typed) => {
    expect(names(typed)).toBe('none');
  });

  test('given an exact name that is also the start of another then the exact one wins', () => {
    const fora = [{ id: 'a', name: 'Infohus' }, { id: 'b', name: 'Infohus Vest' }];
    expect(matchForaByName(fora, 'infohus')).toEqual({ kind: 'one', forum: fora[0] });
  });

  test('given swapped neighbours then the distance is one', () => {
    expect(editDistance('infohus', 'infohsu')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
