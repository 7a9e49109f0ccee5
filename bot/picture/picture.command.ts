import { executeAction } from '../../cards/card-kit';
import { PICTURE_COMMENTARY_VERBS } from '../../cards/picture-commentary.card';
import { findPictureDesk, isAnalyst } from '../../domain/picture/analyst';
import { command } from '../core/command';
import { commentaryTexts } from './commentary.texts';
import { pictureFiguresCardFor, pictureFor } from './picture-view';
import { pictureTexts } from './picture.texts';

/**
 * `halvår` (`picture`): the half-yearly picture's key figures, the last finished half-year against
 * the one before. Only aggregates are shown, never a case; a sensitive forum the person is not in
 * counts in the total only, and small counts read "under 3". The analyst also gets the button to
 * the commentary card (the button's verb checks the role again).
 */
export const pictureCommand = command({
  name: 'picture',
  words: ['halvår', 'picture'],
  access: { kind: 'anyone', why: 'aggregates only, under the small-number rule; the seal is applied to each person by their own memberships' },
  run: async ({ t, actor, services }) => {
    const [picture, desk] = await Promise.all([pictureFor(services, actor.userId), findPictureDesk(services)]);
    const card = pictureFiguresCardFor(picture, t.lang);
    const actions = isAnalyst(desk, actor.userId)
      ? [executeAction(commentaryTexts[t.lang].openFromFigures, PICTURE_COMMENTARY_VERBS.open, { from: picture.period.from, to: picture.period.to }, { style: 'positive' })]
      : [];
    return { card: actions.length === 0 ? card : { ...card, actions: [...(card.actions ?? []), ...actions] }, summary: pictureTexts[t.lang].summary };
  },
});
