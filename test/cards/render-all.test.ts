import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CardLang } from '../../cards/card-kit';
import { schemaProblems } from './support/adaptive-card-1.5.schema';
import { adaptiveCardsProblems } from './support/adaptive-cards-renderer';
import { cardSamples, NOT_BUILDERS } from './support/card-samples';

/** Teams refuses bot messages near 100 KB; cards stay under 80 KB. */
const MAX_CARD_BYTES = 80 * 1024;
const LANGS: readonly CardLang[] = ['da', 'en'];

const cardsDir = fileURLToPath(new URL('../../cards/', import.meta.url));
const cardFiles = readdirSync(cardsDir).filter((file) => file.endsWith('.card.ts')).toSorted();

/** Every exported function of every cards/*.card.ts file, as "file#name". */
async function exportedFunctions(): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  for (const file of cardFiles) {
    const module = (await import(pathToFileURL(join(cardsDir, file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (typeof value === 'function') found.set(`${file}#${name}`, value);
  }
  return found;
}

const builderName = (builder: unknown): string => (typeof builder === 'function' ? builder.name : String(builder));

describe('every card the bot can send', () => {
  it('given the card files then every exported builder has a sample in test/cards/support/card-samples.ts', async () => {
    const functions = await exportedFunctions();
    const sampled = new Set<unknown>(cardSamples.map((s) => s.builder));
    const withoutSample = [...functions].filter(([key, fn]) => !sampled.has(fn) && !(key in NOT_BUILDERS)).map(([key]) => key);
    expect(withoutSample, 'card builders without a sample: add them to test/cards/support/card-samples.ts').toEqual([]);
    // A sample's builder must really be exported from a card file, and nothing named …Card may hide in NOT_BUILDERS.
    const exported = new Set(functions.values());
    expect(cardSamples.filter((s) => !exported.has(s.builder)).map((s) => builderName(s.builder))).toEqual([]);
    expect(Object.keys(NOT_BUILDERS).filter((key) => key.endsWith('Card') || !functions.has(key))).toEqual([]);
  });

  describe.each(cardSamples.map((s) => [builderName(s.builder), s] as const))('%s', (_name, sample) => {
    let built: Record<CardLang, Record<string, object>>;
    try {
      built = { da: sample.build('da'), en: sample.build('en') };
    } catch (error) {
      // One broken sample fails its own test instead of stopping the whole file from loading.
      it('given the sample data then the builder builds the card', () => {
        throw error;
      });
      return;
    }
    const variants = Object.keys(built.da);

    it('given the Danish and English samples then both have the same variants, each in its own language', () => {
      expect(variants.length).toBeGreaterThan(0);
      expect(Object.keys(built.en)).toEqual(variants);
      for (const variant of variants) {
        expect(built.da[variant], variant).toMatchObject({ lang: 'da' });
        expect(built.en[variant], variant).toMatchObject({ lang: 'en' });
        expect(JSON.stringify(built.da[variant]), `${variant}: Danish and English are the same card`).not.toBe(JSON.stringify(built.en[variant]));
      }
    });

    it.each(LANGS.flatMap((lang) => variants.map((variant) => [lang, variant] as const)))(
      'given %s "%s" then adaptivecards parses and validates it without errors or warnings, it is valid 1.5 and under 80 KB',
      (lang, variant) => {
        const card = built[lang][variant];
        expect(adaptiveCardsProblems(card)).toEqual([]);
        expect(schemaProblems(card)).toEqual([]);
        expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(MAX_CARD_BYTES);
      },
    );
  });
});

describe('the checks themselves', () => {
  const card = (body: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'AdaptiveCard', version: '1.5', lang: 'da', body, ...extra });

  it('given an unknown element, a bad enum value, two inputs with one id or more than 6 buttons then adaptivecards reports each', () => {
    expect(adaptiveCardsProblems(card([{ type: 'Carousel', pages: [] }]))).toEqual([expect.stringMatching(/Unknown element type "Carousel"/)]);
    expect(adaptiveCardsProblems(card([{ type: 'TextBlock', text: 'x', size: 'Huge' }]))).toEqual([expect.stringMatching(/Invalid value "Huge" for property "size"/)]);
    expect(adaptiveCardsProblems(card([{ type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'a' }]))).toEqual([expect.stringMatching(/Duplicate Id "a"/)]);
    const buttons = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'Action.Execute', title: `b${i}`, verb: 'v' }));
    expect(adaptiveCardsProblems(card([], { actions: buttons(6) }))).toEqual([]);
    expect(adaptiveCardsProblems(card([], { actions: buttons(7) }))).toEqual([expect.stringMatching(/Maximum number of actions exceeded \(6\)/)]);
  });

  it('given what adaptivecards lets through then the 1.5 check refuses it: no version, a property of the wrong type or unknown, too many refresh users', () => {
    const noVersion = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'x' }] };
    expect(adaptiveCardsProblems(noVersion)).toEqual([]);
    expect(schemaProblems(noVersion)).toEqual([expect.stringMatching(/^version: /)]);

    const wrongType = card([{ type: 'TextBlock', text: 'x', wrap: 'yes' }]);
    expect(adaptiveCardsProblems(wrongType)).toEqual([]);
    expect(schemaProblems(wrongType)).toEqual([expect.stringMatching(/^body\.0\.wrap: /)]);

    const unknownProperty = card([{ type: 'Input.Text', id: 'a', inlineAction: { type: 'Action.Execute', verb: 'v' }, valueChangedAction: {} }]);
    expect(adaptiveCardsProblems(unknownProperty)).toEqual([]);
    expect(schemaProblems(unknownProperty)).toEqual([expect.stringMatching(/^body\.0: Unrecognized key: "valueChangedAction"/)]);

    const refresh = { action: { type: 'Action.Execute', verb: 'r' }, userIds: Array.from({ length: 61 }, (_, i) => `user-${i}`) };
    expect(schemaProblems(card([], { refresh }))).toEqual([expect.stringMatching(/^refresh\.userIds: .*60/)]);
    expect(schemaProblems(card([], { refresh: { ...refresh, userIds: ['a'] } }))).toEqual([]);
  });
});
