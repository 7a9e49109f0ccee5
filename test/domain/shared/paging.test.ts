import { describe, expect, test } from 'vitest';
import { pageStart } from '../../../domain/shared/paging';

describe('pageStart', () => {
  test.each([
    [1, 45, 20, 0],
    [21, 45, 20, 20],
    [41, 45, 20, 40],
    [500, 45, 20, 40], // past the end: the last page
    [21, 40, 20, 20],
    [41, 40, 20, 20], // the last page is full
    [1, 0, 20, 0], // nothing at all
    [21, 0, 20, 0],
  ])('from %i of %i by %i starts at %i', (from, total, size, start) => {
    expect(pageStart(from, total, size)).toBe(start);
  });
});
