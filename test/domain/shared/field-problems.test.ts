import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { assertNoProblems, checkText, checkTexts, FieldsRefused, problemsFromIssues } from '../../../domain/shared/field-problems';

describe('checkText', () => {
  it('given an empty or blank required text then FIELD.REQUIRED; optional then fine', () => {
    expect(checkText('   ', { max: 10, required: true })).toEqual({ code: 'FIELD.REQUIRED' });
    expect(checkText(undefined, { max: 10, required: true })).toEqual({ code: 'FIELD.REQUIRED' });
    expect(checkText('', { max: 10 })).toBeUndefined();
  });
  it('given a text over its limit then FIELD.TOO_LONG with the limit and the length (after trimming), never a shorter text', () => {
    expect(checkText(`  ${'a'.repeat(3260)}  `, { max: 2000 })).toEqual({ code: 'FIELD.TOO_LONG', context: { max: 2000, length: 3260 } });
    expect(checkText('a'.repeat(2000), { max: 2000 })).toBeUndefined();
  });
  it('given a CPR number then INPUT.CPR_NUMBER', () => {
    expect(checkText('Drengen 010203-1234', { max: 200 })).toEqual({ code: 'INPUT.CPR_NUMBER' });
  });
});

describe('checkTexts and assertNoProblems', () => {
  it('given two bad fields of three then both are named and FieldsRefused carries them', () => {
    const problems = checkTexts({ title: '', note: 'x'.repeat(11), other: 'fine' }, { title: { max: 10, required: true }, note: { max: 10 }, other: { max: 10 } });
    expect(problems).toEqual({ title: { code: 'FIELD.REQUIRED' }, note: { code: 'FIELD.TOO_LONG', context: { max: 10, length: 11 } } });
    expect(() => assertNoProblems(problems)).toThrow(FieldsRefused);
    try {
      assertNoProblems(problems);
    } catch (error) {
      expect((error as FieldsRefused).fields).toBe(problems);
      expect((error as FieldsRefused).code).toBe('FORM.FIELDS_REFUSED');
    }
    expect(() => assertNoProblems({})).not.toThrow();
  });
});

describe('problemsFromIssues', () => {
  const schema = z.object({
    title: z.string().trim().min(1).max(5),
    url: z.url().optional(),
    hours: z.number().max(336),
    note: z.string().refine((v) => !v.includes('!'), { params: { code: 'INPUT.CPR_NUMBER' } }),
  });
  it('given zod issues then each field gets one problem with a code the edge can phrase', () => {
    const values = { title: 'abcdefgh', url: 'nope', hours: 400, note: 'hi!' };
    const result = schema.safeParse(values);
    expect(result.success).toBe(false);
    expect(problemsFromIssues(result.error!.issues, values)).toEqual({
      title: { code: 'FIELD.TOO_LONG', context: { max: 5, length: 8 } },
      url: { code: 'FIELD.FORMAT', context: { format: 'url' } },
      hours: { code: 'FIELD.TOO_BIG', context: { max: 336 } },
      note: { code: 'INPUT.CPR_NUMBER' },
    });
  });
  it('given an empty required text then FIELD.REQUIRED', () => {
    const values = { title: '  ', hours: 1, note: '' };
    const result = schema.safeParse(values);
    expect(problemsFromIssues(result.error!.issues, values)).toEqual({ title: { code: 'FIELD.REQUIRED' } });
  });
});
