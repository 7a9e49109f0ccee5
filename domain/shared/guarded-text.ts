import { z } from 'zod';
import { containsCprNumber } from './cpr-guard';

/**
 * The one text type for everything a person or Teams types into the system: names, e-mails, URLs,
 * channel names, titles, notes, reasons, decisions, imported files. It refuses CPR numbers (after
 * normalising, see cpr-guard) and text with broken UTF-16 (a lone surrogate cannot be stored or
 * put in a URL). Chain length and trim rules on it as on `z.string()`.
 */

/** The stable code of a CPR refusal: the message of the zod issue and `params.code`. */
export const CPR_REFUSED = 'INPUT.CPR_NUMBER';
/** Text that is not well-formed UTF-16 (a lone surrogate). */
export const TEXT_MALFORMED = 'INPUT.MALFORMED_TEXT';

// In Unicode mode a paired surrogate is one code point, so only a lone one matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
export const wellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);
const noCpr = (text: string): boolean => !containsCprNumber(text);

const cprCheck = { message: CPR_REFUSED, params: { code: CPR_REFUSED } } as const;
const malformedCheck = { message: TEXT_MALFORMED, params: { code: TEXT_MALFORMED } } as const;

export const GuardedText = z.string().refine(wellFormed, malformedCheck).refine(noCpr, cprCheck);

/** An e-mail address, guarded like all text (a CPR number can sit in the local part). */
export const GuardedEmail = z.email().max(320).refine(wellFormed, malformedCheck).refine(noCpr, cprCheck);

/** The link as a reader sees it: percent-escapes decoded (bad ones left as they are), `+` as a space. */
function decodedLink(url: string): string {
  return url.replace(/\+/g, ' ').replace(/(?:%[0-9A-Fa-f]{2})+/g, (escapes) => {
    try {
      return decodeURIComponent(escapes);
    } catch {
      return escapes;
    }
  });
}

/** A web link, guarded like all text (a CPR number can sit in the path or the query, escaped or not). */
export const GuardedUrl = z
  .url()
  .max(2000)
  .refine(wellFormed, malformedCheck)
  .refine((url) => noCpr(url) && noCpr(decodedLink(url)), cprCheck);

/** True for the issue a CPR refusal produces, whatever the schema around the text. */
export function isCprRefusal(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && (issue.params as { code?: unknown } | undefined)?.code === CPR_REFUSED;
}

/** The fields (dotted paths) whose text was refused as a CPR number; empty when none was. */
export function cprRefusedFields(error: z.ZodError): string[] {
  return error.issues.filter(isCprRefusal).map((issue) => issue.path.map(String).join('.'));
}

/** True when a failed parse failed (also) because of a CPR number. */
export const refusedForCpr = (error: z.ZodError): boolean => error.issues.some(isCprRefusal);
