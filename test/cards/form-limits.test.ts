import { describe, expect, it } from 'vitest';
import type { CardElement } from '../../cards/card-kit';
import { textField } from '../../cards/form-fields';
import { cardSamples } from './support/card-samples';

/** Every element of a card, ShowCard bodies included. */
function elements(card: object): CardElement[] {
  const out: CardElement[] = [];
  const walk = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const e of list as CardElement[]) {
      out.push(e);
      walk(e.items);
      if (Array.isArray(e.columns)) for (const c of e.columns as CardElement[]) walk(c.items);
      walk(e.actions);
      if (e.type === 'Action.ShowCard') walk((e.card as CardElement).body);
    }
  };
  walk((card as CardElement).body);
  walk((card as CardElement).actions);
  return out;
}

/** How the client checks a regex (adaptivecards: `new RegExp(regex, 'g').test(value)`). */
const clientAccepts = (regex: string, value: string): boolean => new RegExp(regex, 'g').test(value);

const textInputs = cardSamples.flatMap((sample) =>
  (['da', 'en'] as const).flatMap((lang) =>
    Object.entries(sample.build(lang)).flatMap(([variant, card]) =>
      elements(card)
        .filter((e) => e.type === 'Input.Text')
        .map((input) => [`${sample.builder.name} ${lang} "${variant}" #${String(input.id)}`, lang, input] as const),
    ),
  ),
);

describe('text fields on every card: limits shown and checked, nothing cut', () => {
  it('given the card samples then there are text fields to check', () => {
    expect(textInputs.length).toBeGreaterThan(20);
  });

  it.each(textInputs)('given %s then it has no maxLength (a browser cuts pasted text there), a limit in the placeholder and a regex that refuses one character more', (_name, lang, input) => {
    expect(input.maxLength).toBeUndefined();
    const limit = Number(/\{0,(\d+)\}/.exec(String(input.regex))?.[1]);
    expect(limit).toBeGreaterThan(0);
    expect(String(input.placeholder)).toContain(limit.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB'));
    expect(typeof input.errorMessage).toBe('string');
    if (input.style === undefined) {
      expect(clientAccepts(String(input.regex), 'a\n'.repeat(limit / 2))).toBe(true);
      expect(clientAccepts(String(input.regex), 'a\n'.repeat(limit / 2) + 'b')).toBe(false);
    }
  });

  it('given a web address field then the client takes an https address or nothing, and refuses a bare word', () => {
    const url = textField('da', { id: 'u', label: 'Link', max: 2000, style: 'Url' });
    expect(clientAccepts(String(url.regex), 'https://ishoj.sharepoint.com/a b')).toBe(false);
    expect(clientAccepts(String(url.regex), 'https://ishoj.sharepoint.com/sites/ssp')).toBe(true);
    expect(clientAccepts(String(url.regex), '')).toBe(true);
    expect(clientAccepts(String(url.regex), 'dokumentet')).toBe(false);
    expect(clientAccepts(String(url.regex), `https://x.dk/${'a'.repeat(2000)}`)).toBe(false);
  });

  it('given an e-mail field then the client takes name@host.tld and refuses a name', () => {
    const email = textField('en', { id: 'e', label: 'E-mail', max: 320, style: 'Email' });
    expect(clientAccepts(String(email.regex), 'drift@bolig.dk')).toBe(true);
    expect(clientAccepts(String(email.regex), 'Boligselskabet')).toBe(false);
  });

  it('given a required field then its message says what to do and shows the limit, in Danish', () => {
    const title = textField('da', { id: 't', label: 'Titel', max: 2000, required: true });
    expect(title).toMatchObject({ isRequired: true, errorMessage: 'Udfyld «Titel», og send igen. Højst 2.000 tegn.', placeholder: 'Højst 2.000 tegn' });
  });
});
