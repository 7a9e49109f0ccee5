/**
 * The analyst's draft and who the analyst is: the commentary checked section by section (over the
 * limit refused with limit and length, never cut; a CPR number refused), a published report
 * refused further change, and the analysts from the fora file or, by default, the coordinating
 * forum's chair.
 */
import { describe, expect, test } from 'vitest';
import type { Forum, Member } from '../../../domain/fora/forum';
import { findPictureDesk, isAnalyst } from '../../../domain/picture/analyst';
import { commentaryFrom, published, withCommentary } from '../../../domain/picture/report-draft';
import { DomainError } from '../../../domain/shared/domain-error';
import { FieldsRefused } from '../../../domain/shared/field-problems';
import { TEXT_LIMITS } from '../../../domain/shared/text-limits';

const H2 = { from: '2026-07', to: '2026-12' };
const edit = { userId: 'a1', name: 'Anna', at: '2027-01-05T09:00:00.000Z' };
const MAX = TEXT_LIMITS.pictureCommentary;

function refusal(run: () => unknown): FieldsRefused {
  try {
    run();
  } catch (error) {
    if (error instanceof FieldsRefused) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('the commentary', () => {
  test('given texts at the limit, blank and padded then they are kept trimmed and whole, blank ones left out', () => {
    const atLimit = 'x'.repeat(MAX);
    expect(commentaryFrom({ cases: `  ${atLimit}  `, levels: '   ', times: 'Kortere tid.' })).toEqual({ cases: atLimit, times: 'Kortere tid.' });
  });

  test('given one section over the limit and one with a CPR number then both are named, with limit and length', () => {
    const error = refusal(() => commentaryFrom({ cases: 'y'.repeat(MAX + 7), decisions: 'Drengen 010203-1234', times: 'fint' }));
    expect(error.fields).toEqual({ cases: { code: 'FIELD.TOO_LONG', context: { max: MAX, length: MAX + 7 } }, decisions: { code: 'INPUT.CPR_NUMBER' } });
  });

  test('given a published report then saving and publishing again are refused with when it went out', () => {
    const draft = withCommentary(undefined, 'lokalraad', H2, { cases: 'a' }, edit);
    const out = published(draft, { ...edit, at: '2027-01-06T10:00:00.000Z' });
    expect(out.status).toBe('published');
    for (const again of [() => withCommentary(out, 'lokalraad', H2, { cases: 'b' }, edit), () => published(out, edit)]) {
      expect(again).toThrow(DomainError);
      try {
        again();
      } catch (error) {
        expect((error as DomainError).code).toBe('PICTURE.ALREADY_PUBLISHED');
        expect((error as DomainError).context).toEqual({ at: '2027-01-06T10:00:00.000Z' });
      }
    }
  });
});

describe('who the analyst is', () => {
  const fora: Forum[] = [
    { id: 'lokalraad', name: 'Lokalråd', level: 'strategic', sensitive: false },
    { id: 'infohus', name: 'Infohus', level: 'coordinating', escalatesTo: 'lokalraad', sensitive: true },
    { id: 'koordinationsgruppen', name: 'Koordinationsgruppen', level: 'coordinating', escalatesTo: 'lokalraad', sensitive: false },
    { id: 'ssp-nu', name: 'SSP-NU', level: 'coordinating', escalatesTo: 'koordinationsgruppen', sensitive: false },
  ];
  const members: Record<string, Member[]> = {
    koordinationsgruppen: [
      { userId: 'CHAIR-1', displayName: 'Formand', roles: ['chair'] },
      { userId: 'member-1', displayName: 'Medlem', roles: ['member'] },
    ],
    infohus: [{ userId: 'infohus-chair', displayName: 'Infohus-formand', roles: ['chair'] }],
  };
  const repos = (list: Forum[]) => ({ fora: { list: async () => list }, members: { listByForum: async (id: string) => members[id] ?? [] } });

  test('given no analysts in the fora file then the chair of the coordinating forum below the Lokalråd is the analyst', async () => {
    const desk = await findPictureDesk(repos(fora));
    expect(desk).toEqual({ lokalraadId: 'lokalraad', coordinatingId: 'koordinationsgruppen', analystIds: ['chair-1'], named: false });
    expect(isAnalyst(desk, 'chair-1')).toBe(true);
    expect(isAnalyst(desk, 'Chair-1')).toBe(true);
    expect(isAnalyst(desk, 'member-1')).toBe(false);
    expect(isAnalyst(desk, 'infohus-chair')).toBe(false);
  });

  test('given analysts named in the fora file then they are the analysts and the chair is not', async () => {
    const desk = await findPictureDesk(repos(fora.map((f) => ({ ...f, analysts: ['ANALYST-A', 'analyst-b'] }))));
    expect(desk?.analystIds).toEqual(['analyst-a', 'analyst-b']);
    expect(desk?.named).toBe(true);
    expect(isAnalyst(desk, 'chair-1')).toBe(false);
  });

  test('given no coordinating forum below a strategic one then there is no desk and nobody is the analyst', async () => {
    const desk = await findPictureDesk(repos([fora[0]!, fora[3]!]));
    expect(desk).toBeUndefined();
    expect(isAnalyst(desk, 'chair-1')).toBe(false);
  });
});
