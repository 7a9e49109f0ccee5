import { command } from '../core/command';
import { pictureFiguresCardFor, pictureFor } from './picture-view';
import { pictureTexts } from './picture.texts';

/**
 * `halvår` (`picture`): the half-yearly picture's key figures, the last finished half-year against
 * the one before. Only aggregates are shown, never a case; a sensitive forum the person is not in
 * counts in the total only, and small counts read "under 3".
 */
export const pictureCommand = command({
  name: 'picture',
  words: ['halvår', 'picture'],
  access: { kind: 'anyone', why: 'aggregates only, under the small-number rule; the seal is applied to each person by their own memberships' },
  run: async ({ t, actor, services }) => {
    const picture = await pictureFor(services, actor.userId);
    return { card: pictureFiguresCardFor(picture, t.lang), summary: pictureTexts[t.lang].summary };
  },
});
