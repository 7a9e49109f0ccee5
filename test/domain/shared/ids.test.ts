import { describe, expect, it } from 'vitest';
import { newId, slugify } from '../../../domain/shared/ids';

describe('slugify', () => {
  it.each([
    ['SSP-NU u18', 'ssp-nu-u18'],
    ['Kredsråd', 'kredsraad'],
    ['Ishøj', 'ishoej'],
    ['SSP-netværk', 'ssp-netvaerk'],
    ['Æblehaven Øst', 'aeblehaven-oest'],
    ['  Koordinationsgruppen  ', 'koordinationsgruppen'],
    ['Kredsråd/Vestegn', 'kredsraad-vestegn'],
    ['SSP-NU u18 #2', 'ssp-nu-u18-2'],
    ['Café Ungdom', 'cafe-ungdom'],
  ])('given "%s" then "%s"', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('given a name with nothing usable then a fallback slug, never an empty id', () => {
    expect(slugify('?!')).toBe('forum');
  });
});

describe('newId', () => {
  it('given two calls then two different UUIDs', () => {
    const [a, b] = [newId(), newId()];
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});
