import { z } from 'zod';
import { PICTURE_COMMENTARY_VERBS } from '../../cards/picture-commentary.card';
import { addMonths } from '../../domain/picture/months';
import { CommentaryText } from '../../domain/picture/report-draft';
import type { Access } from '../core/access';
import { cardAction, type ActionInput } from '../core/card-action';
import { formAction } from '../core/form-action';
import { commentaryTexts } from './commentary.texts';
import { commentaryCardFor, confirmCardFor, publishCommentary, publishedNotice, saveCommentary, type Analyst } from './picture-commentary';

// Only the municipality's analyst writes and publishes the commentary; the kernel checks it before any handler runs.
const analyst: Access<unknown> = { kind: 'analyst', why: "the half-yearly report's commentary is the analyst's until it is published to the Lokalråd" };

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** A half-year: January–June or July–December of one year. */
export const HalfYearData = z
  .object({ from: Month, to: Month })
  .refine((p) => (p.from.endsWith('-01') || p.from.endsWith('-07')) && p.to === addMonths(p.from, 5), { message: 'not a half-year' });

/** The card's inputs, one per section: guarded text within the limit (refused with limit and length, never cut). */
const CommentaryData = z
  .object({
    from: Month,
    to: Month,
    cases: CommentaryText.optional(),
    levels: CommentaryText.optional(),
    times: CommentaryText.optional(),
    decisions: CommentaryText.optional(),
    cooperation: CommentaryText.optional(),
  })
  .refine((p) => (p.from.endsWith('-01') || p.from.endsWith('-07')) && p.to === addMonths(p.from, 5), { message: 'not a half-year' });

const who = (input: ActionInput): Analyst => ({ userId: input.actor.userId, name: input.actor.name ?? (input.t.lang === 'da' ? 'Analytikeren' : 'The analyst') });
const period = (data: { from: string; to: string }) => ({ from: data.from, to: data.to });
const form = { render: (input: ActionInput, data: { from: string; to: string }) => commentaryCardFor(input.services, input.t.lang, period(data)) };

/** `picture.commentary.open`: the commentary card (from the `halvår` card and the reminder). */
const open = cardAction(PICTURE_COMMENTARY_VERBS.open, HalfYearData, analyst, (input, data) => commentaryCardFor(input.services, input.t.lang, period(data)));

/** `picture.commentary.save`: "Gem kladde"; a refused section comes back with everything typed and the reason beside it. */
const save = formAction(PICTURE_COMMENTARY_VERBS.save, CommentaryData, analyst, form, async (input, data) => {
  await saveCommentary(input.services, who(input), period(data), data);
  return commentaryCardFor(input.services, input.t.lang, period(data), { text: commentaryTexts[input.t.lang].notices.saved, tone: 'good' });
});

/** `picture.commentary.confirm`: "Offentliggør til Lokalrådet" saves the draft and asks first. */
const confirm = formAction(PICTURE_COMMENTARY_VERBS.confirm, CommentaryData, analyst, form, (input, data) => confirmCardFor(input.services, input.t.lang, who(input), period(data), data));

/** `picture.commentary.publish`: "Ja, offentliggør"; once per period, however often it is clicked. */
const publish = cardAction(PICTURE_COMMENTARY_VERBS.publish, HalfYearData, analyst, async (input, data) => {
  const outcome = await publishCommentary(input.services, input.t.lang, who(input), period(data));
  const notice = await publishedNotice(input.services, input.t.lang, outcome);
  return commentaryCardFor(input.services, input.t.lang, period(data), notice);
});

export const pictureCommentaryActions = [open, save, confirm, publish];
