import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { chainProblems, foraBelow } from '../../../domain/fora/forum.rules';
import { formatPath, planForaImport, type ImportError } from '../../../domain/fora/import-fora';

const ISHOEJ_FILE = new URL('../../../data/fora/ishoej.json', import.meta.url);
const readIshoej = async (): Promise<unknown> => JSON.parse(await readFile(ISHOEJ_FILE, 'utf8'));

const errorsOf = (json: unknown): ImportError[] => {
  const result = planForaImport(json);
  if (result.ok) throw new Error('expected the plan to fail');
  return result.errors;
};
const pathsAndCodes = (errors: ImportError[]) => errors.map((e) => [e.path, e.code]);

describe('planForaImport on the Ishøj seed file', () => {
  it('given data/fora/ishoej.json then it plans 8 fora with a valid chain', async () => {
    const result = planForaImport(await readIshoej());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { plan } = result;
    expect(plan.municipality).toBe('Ishøj');
    expect(plan.fora.map((f) => f.name)).toEqual(['Kredsråd', 'Lokalråd', 'Chefforum', 'Koordinationsgruppen', 'SSP-NU u18', 'SSP-NU o18', 'Infohus', 'SSP-netværk']);
    expect(chainProblems(plan.fora)).toEqual([]);
  });

  it('given the Ishøj file then the chain is SSP-netværk → Koordinationsgruppen → Lokalråd → Kredsråd, with Chefforum outside it', async () => {
    const result = planForaImport(await readIshoej());
    if (!result.ok) throw new Error('plan failed');
    const to = Object.fromEntries(result.plan.fora.map((f) => [f.id, f.escalatesTo ?? null]));
    expect(to).toEqual({
      kredsraad: null,
      lokalraad: 'kredsraad',
      chefforum: null,
      koordinationsgruppen: 'lokalraad',
      'ssp-nu-u18': 'koordinationsgruppen',
      'ssp-nu-o18': 'koordinationsgruppen',
      infohus: 'lokalraad',
      'ssp-netvaerk': 'koordinationsgruppen',
    });
    expect(foraBelow(result.plan.fora, 'kredsraad')).toHaveLength(6);
    expect(foraBelow(result.plan.fora, 'chefforum')).toEqual([]);
  });

  it('given the Ishøj file then levels, sensitivity and descriptions are as in the 2023 map, and there are no members', async () => {
    const result = planForaImport(await readIshoej());
    if (!result.ok) throw new Error('plan failed');
    const byId = new Map(result.plan.fora.map((f) => [f.id, f]));
    expect([...byId.values()].filter((f) => f.level === 'strategic').map((f) => f.id)).toEqual(['kredsraad', 'lokalraad', 'chefforum']);
    expect([...byId.values()].filter((f) => f.level === 'executing').map((f) => f.id)).toEqual(['ssp-netvaerk']);
    expect([...byId.values()].filter((f) => f.sensitive).map((f) => f.id)).toEqual(['infohus']);
    for (const forum of byId.values()) {
      expect(forum.description?.length ?? 0).toBeGreaterThan(30);
      expect(forum.members).toEqual([]);
    }
    expect(byId.get('kredsraad')?.description).toContain('politidirektøren');
    expect(byId.get('infohus')?.description).toContain('PET');
  });
});

describe('planForaImport on a valid file with members', () => {
  const file = {
    municipality: 'Demokommune',
    fora: [
      {
        id: 'koordinationsgruppen',
        name: '  Koordinationsgruppen ',
        level: 'coordinating',
        members: [
          { userId: '00000000-0000-0000-0000-000000000001', displayName: 'Anne Formand', email: 'anne@example.dk', roles: ['chair', 'manager'] },
          { userId: '00000000-0000-0000-0000-000000000002', displayName: 'Bo Sekretær', roles: ['secretary'] },
        ],
      },
      { id: 'ssp-netvaerk', name: 'SSP-netværk', level: 'executing', escalatesTo: 'koordinationsgruppen' },
    ],
  };

  it('given members with a chair then the plan keeps them, trims names and defaults sensitive and members', () => {
    const result = planForaImport(file);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.fora[0]).toMatchObject({ name: 'Koordinationsgruppen', sensitive: false });
    expect(result.plan.fora[0]?.members.map((m) => m.roles)).toEqual([['chair', 'manager'], ['secretary']]);
    expect(result.plan.fora[1]).toMatchObject({ sensitive: false, members: [] });
  });
});

describe('planForaImport on a bad file', () => {
  const bad = {
    municipality: 'Testkommune',
    extra: true,
    fora: [
      { id: 'a', name: 'A', level: 'executing', escalatesTo: 'c' },
      { id: 'b', name: 'B', level: 'middle' },
      // Escalates to b, which is in the file but invalid: b's own error is enough.
      { id: 'c', name: 'C', level: 'strategic', escalatesTo: 'b' },
      { id: 'a', name: 'a ', level: 'coordinating' },
      { id: 'D D', name: 'D', level: 'coordinating', escalatesTo: 'nowhere', teams: {} },
      { id: 'e', name: 'E', level: 'coordinating', escalatesTo: 'gone', members: [{ userId: 'u1', displayName: 'X', roles: ['member'] }] },
      { id: 'f', name: 'F', level: 'coordinating', members: [{ userId: 'u1', displayName: 'X', roles: ['boss'] }] },
      {
        id: 'g',
        name: 'G',
        level: 'coordinating',
        members: [
          { userId: 'u1', displayName: 'X', roles: ['chair', 'chair'] },
          { userId: 'u1', displayName: 'Y', roles: ['member'] },
        ],
      },
      { id: 'h', name: 'H', level: 'strategic', escalatesTo: 'i' },
      { id: 'i', name: 'I', level: 'strategic', escalatesTo: 'h' },
      { id: 'j', name: 'J', level: 'strategic', escalatesTo: 'k' },
      { id: 'k', name: 'K', level: 'coordinating' },
      { id: 'l', name: 'L', level: 'coordinating', escalatesTo: 'l' },
      { id: 'm', name: 'M', level: 'executing', description: 'Barnet 010190-1234 er set ved stationen' },
      { id: 'n', name: 'N', level: 'executing', sensitive: 'yes', members: [{ userId: 'u2', displayName: 'Z', email: 'not-an-email', roles: [] }] },
    ],
  };

  it('given a file with many problems then every error is reported with its path, and nothing else', () => {
    expect(pathsAndCodes(errorsOf(bad))).toEqual([
      ['extra', 'FILE.UNKNOWN_FIELD'],
      ['fora[0].escalatesTo', 'CHAIN.SKIPS_LEVEL'],
      ['fora[1].level', 'FILE.INVALID_VALUE'],
      ['fora[3].id', 'FILE.DUPLICATE_ID'],
      ['fora[3].name', 'FILE.DUPLICATE_NAME'],
      ['fora[4].id', 'FILE.INVALID_FORMAT'],
      ['fora[4].teams', 'FILE.UNKNOWN_FIELD'],
      ['fora[5].members', 'FILE.NO_CHAIR'],
      ['fora[5].escalatesTo', 'CHAIN.UNKNOWN_TARGET'],
      ['fora[6].members[0].roles[0]', 'FILE.INVALID_VALUE'],
      ['fora[7].members[0].roles', 'FILE.DUPLICATE_ROLE'],
      ['fora[7].members[1].userId', 'FILE.DUPLICATE_MEMBER'],
      ['fora[8].escalatesTo', 'CHAIN.CYCLE'],
      ['fora[10].escalatesTo', 'CHAIN.DOWN'],
      ['fora[12].escalatesTo', 'CHAIN.SELF'],
      ['fora[13].description', 'FILE.CPR_NUMBER'],
      ['fora[14].sensitive', 'FILE.INVALID_TYPE'],
      ['fora[14].members[0].email', 'FILE.INVALID_FORMAT'],
      ['fora[14].members[0].roles', 'FILE.TOO_SMALL'],
    ]);
  });

  it('given the bad file then every message is Danish text naming the problem', () => {
    const byPath = new Map(errorsOf(bad).map((e) => [e.path, e.message]));
    expect(byPath.get('fora[0].escalatesTo')).toBe('Springer et niveau over til C (strategisk); et forum eskalerer til samme niveau eller ét niveau op');
    expect(byPath.get('fora[3].id')).toBe('Id "a" er allerede brugt i fora[0]');
    expect(byPath.get('fora[4].teams')).toBe('Ukendt felt; tilladte felter her: id, name, level, escalatesTo, description, sensitive, members, retention');
    expect(byPath.get('fora[5].escalatesTo')).toBe('"gone" er ikke id på et forum i filen');
    expect(byPath.get('fora[8].escalatesTo')).toBe('Kæden løber i ring: H → I → H');
    expect(byPath.get('fora[1].level')).toMatch(/^Ugyldigt valg/);
    for (const error of errorsOf(bad)) expect(error.message.length).toBeGreaterThan(5);
  });

  it.each([
    ['null', null, [['(root)', 'FILE.INVALID_TYPE']]],
    ['an array', [], [['(root)', 'FILE.INVALID_TYPE']]],
    ['an object without fora', { municipality: 'X' }, [['fora', 'FILE.MISSING_FIELD']]],
    ['no municipality and no fora', {}, [['municipality', 'FILE.MISSING_FIELD'], ['fora', 'FILE.MISSING_FIELD']]],
    ['fora that is not a list', { municipality: 'X', fora: {} }, [['fora', 'FILE.INVALID_TYPE']]],
    ['an empty fora list', { municipality: 'X', fora: [] }, [['fora', 'FILE.TOO_SMALL']]],
    ['a forum that is not an object', { municipality: 'X', fora: ['Lokalråd'] }, [['fora[0]', 'FILE.INVALID_TYPE']]],
    ['a forum missing its fields', { municipality: 'X', fora: [{}] }, [['fora[0].id', 'FILE.MISSING_FIELD'], ['fora[0].name', 'FILE.MISSING_FIELD'], ['fora[0].level', 'FILE.MISSING_FIELD']]],
    ['more fora than a file may hold', { municipality: 'X', fora: Array.from({ length: 501 }, (_, i) => ({ id: `f${i}`, name: `F${i}`, level: 'executing' })) }, [['fora', 'FILE.TOO_BIG']]],
  ])('given %s then exactly the structural errors', (_case, json, expected) => {
    expect(pathsAndCodes(errorsOf(json))).toEqual(expected);
  });

  it('given an unknown key inside a member then the path points at that key', () => {
    const json = { municipality: 'X', fora: [{ id: 'a', name: 'A', level: 'executing', members: [{ userId: 'u', displayName: 'U', roles: ['chair'], phone: '1' }] }] };
    expect(pathsAndCodes(errorsOf(json))).toEqual([['fora[0].members[0].phone', 'FILE.UNKNOWN_FIELD']]);
  });

  it('given names differing only in case then they count as duplicates', () => {
    const json = { municipality: 'X', fora: [{ id: 'a', name: 'Kredsråd', level: 'strategic' }, { id: 'b', name: 'KREDSRÅD', level: 'strategic' }] };
    expect(pathsAndCodes(errorsOf(json))).toEqual([['fora[1].name', 'FILE.DUPLICATE_NAME']]);
  });
});

describe('formatPath', () => {
  it.each([
    [[], '(root)'],
    [['fora', 3, 'level'], 'fora[3].level'],
    [['fora', 0, 'members', 2, 'roles', 0], 'fora[0].members[2].roles[0]'],
    [['fora', 1, 'odd key'], 'fora[1]["odd key"]'],
  ] as [PropertyKey[], string][])('given %j then %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});
