import { describe, expect, test } from 'vitest';
import { containsCprNumber, maskCprNumbers } from '../../../domain/shared/cpr-guard';

describe('a refused text given back without its CPR number', () => {
  test.each([
    ['Drengen 010203-1234 og hans venner', 'Drengen ••••••-•••• og hans venner'],
    ['Vi kender 0102031234 fra skolen kl. 22', 'Vi kender •••••••••• fra skolen kl. 22'],
    ['01 02 03 - 1234', '•• •• •• - ••••'],
    ['０１０２０３−１２３４ (fuld bredde)', '••••••−•••• (fuld bredde)'],
  ])('given "%s" then "%s" comes back: the number blanked, the rest as typed', (typed, back) => {
    expect(maskCprNumbers(typed)).toBe(back);
    expect(containsCprNumber(maskCprNumbers(typed))).toBe(false);
  });

  test.each(['Mødet 14.01.2027 kl. 13.00', 'journalnr. 150324-0001', 'Ingen tal her'])('given "%s" with no CPR number then it comes back unchanged', (typed) => {
    expect(maskCprNumbers(typed)).toBe(typed);
  });

  test('given a number split by an invisible character then it is blanked too', () => {
    const back = maskCprNumbers('Sag 0102\u200b03-1234 i dag');
    expect(containsCprNumber(back)).toBe(false);
    expect(back).not.toMatch(/\d/);
    expect(back.startsWith('Sag ')).toBe(true);
  });
});
