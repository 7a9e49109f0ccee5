import { pictureFiguresCard } from '../../cards/picture-figures.card';
import type { AdaptiveCard } from '../../cards/card-kit';
import { dayOf, lastHalfYear, monthsOf } from '../../domain/picture/months';
import { buildPicture, type Picture } from '../../domain/picture/picture';
import type { Lang } from '../i18n';
import type { BotServices } from '../core/services';
import { pictureTexts } from './picture.texts';

/**
 * The last finished half-year against the one before, as one person may see it: sensitive fora they
 * are not in count in the totals only. Reads the summary cells of both half-years (one request per
 * month), the fora and the person's memberships, side by side.
 */
export async function pictureFor(services: BotServices, userId: string): Promise<Picture> {
  const now = services.clock.now();
  const period = lastHalfYear(now);
  const months = [...monthsOf(period.previous), ...monthsOf(period.current)];
  const [cells, fora, memberships] = await Promise.all([
    services.picture.listMonths(months, { layer: 'summary' }),
    services.fora.list(),
    services.members.listMembershipsOfUser(userId),
  ]);
  return buildPicture(cells, fora, { forumIds: memberships.map((m) => m.forumId) }, period, dayOf(now));
}

/** The key-figures card in the person's language. */
export function pictureFiguresCardFor(picture: Picture, lang: Lang): AdaptiveCard {
  const t = pictureTexts[lang];
  return pictureFiguresCard(picture, { ...t.figures, monthName: t.labels.monthName });
}
