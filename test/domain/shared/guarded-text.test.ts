import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CPR_REFUSED, cprRefusedFields, GuardedEmail, GuardedText, GuardedUrl, isCprRefusal, refusedForCpr, TEXT_MALFORMED } from '../../../domain/shared/guarded-text';
import { EntityId, UserId } from '../../../domain/shared/ids';

describe('GuardedText', () => {
  const Form = z.object({ title: GuardedText.trim().min(1).max(50), note: GuardedText.max(200).optional() });

  it('given a CPR number in one field then the issue names that field and carries the CPR code', () => {
    const parsed = Form.safeParse({ title: 'Møde', note: 'Se 010203-1234' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(cprRefusedFields(parsed.error)).toEqual(['note']);
    expect(refusedForCpr(parsed.error)).toBe(true);
    expect(parsed.error.issues[0]?.message).toBe(CPR_REFUSED);
  });

  it('given a refused text then the error never holds the text itself', () => {
    const parsed = Form.safeParse({ title: 'cpr 0102031234' });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error)).not.toContain('0102031234');
    expect(String(parsed.error)).not.toContain('0102031234');
  });

  it('given chained trim and length rules then they still apply alongside the guard', () => {
    expect(Form.safeParse({ title: '  Møde  ' }).data?.title).toBe('Møde');
    const empty = Form.safeParse({ title: '   ' });
    expect(empty.success).toBe(false);
    if (!empty.success) expect(refusedForCpr(empty.error)).toBe(false);
  });

  it('given a lone surrogate then the text is refused as malformed, not as a CPR number', () => {
    const parsed = GuardedText.safeParse('abc\ud800');
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.error.issues[0]?.message).toBe(TEXT_MALFORMED);
    expect(isCprRefusal(parsed.error.issues[0]!)).toBe(false);
  });

  it('given a paired surrogate (an emoji) then the text is accepted', () => {
    expect(GuardedText.safeParse('Godt møde 👍').success).toBe(true);
  });

  it('given a CPR number in an e-mail address then it is refused', () => {
    expect(GuardedEmail.safeParse('010203-1234@ishoj.dk').success).toBe(false);
    expect(GuardedEmail.safeParse('lise.holm@ishoj.dk').success).toBe(true);
  });

  it('given a CPR number percent-escaped or with + for a space in a link then it is refused', () => {
    expect(GuardedUrl.safeParse('https://intra.ishoj.dk/sag/010203%2D1234').success).toBe(false);
    expect(GuardedUrl.safeParse('https://intra.ishoj.dk/s?q=010203+1234').success).toBe(false);
    expect(GuardedUrl.safeParse('https://intra.ishoj.dk/s?q=%E2%80%94010203%E2%80%941234').success).toBe(false);
    expect(GuardedUrl.safeParse('https://intra.ishoj.dk/s?q=%ZZ').success).toBe(true);
    expect(GuardedUrl.safeParse('https://intra.ishoj.dk/dagsorden/2026-03-10').success).toBe(true);
  });
});

describe('ids', () => {
  it('given an id with a lone surrogate then it is refused (the table SDK throws URIError on it)', () => {
    expect(EntityId.safeParse('forum-\udc00').success).toBe(false);
    expect(UserId.safeParse('\ud83d').success).toBe(false);
    expect(EntityId.safeParse('ssp-nu-u18').success).toBe(true);
  });
});
