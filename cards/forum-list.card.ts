import type { Level, Role } from '../domain/fora/forum';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';
import { FORUM_VERBS } from './forum.card';

export interface ForumListCardText {
  lang: CardLang;
  title: string;
  intro: string;
  levelLabel: string;
  levels: Record<Level, string>;
  roles: Record<Role, string>;
  sensitive: string;
  chairLabel: string;
  noChair: string;
  myRolesLabel: string;
  nextMeetingLabel: string;
  noMeeting: string;
  showForum: string;
}

export interface ForumListCardView {
  fora: readonly {
    id: string;
    name: string;
    level: Level;
    sensitive: boolean;
    chairs: readonly string[];
    myRoles: readonly Role[];
    nextMeeting?: string | undefined;
  }[];
  /** Outside the personal chat, sensitive fora are left out (others read along); this says so. */
  hiddenNote?: string | undefined;
}

/** The fora the user belongs to: level, chair, next meeting, and a button to open each one. */
export function forumListCard(text: ForumListCardText, view: ForumListCardView): AdaptiveCard {
  const body: CardElement[] = [heading(text.title), paragraph(text.intro)];
  for (const f of view.fora) {
    const title = f.sensitive ? `${asText(f.name)} · ${text.sensitive}` : asText(f.name);
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        paragraph(title, { weight: 'Bolder', size: 'Medium' }),
        {
          type: 'FactSet',
          facts: [
            { title: text.levelLabel, value: text.levels[f.level] },
            { title: text.chairLabel, value: f.chairs.length === 0 ? text.noChair : f.chairs.map(asText).join(', ') },
            { title: text.myRolesLabel, value: f.myRoles.map((r) => text.roles[r]).join(', ') },
            { title: text.nextMeetingLabel, value: f.nextMeeting ?? text.noMeeting },
          ],
        },
        { type: 'ActionSet', actions: [executeAction(text.showForum, FORUM_VERBS.show, { forumId: f.id })] },
      ],
    });
  }
  if (view.hiddenNote !== undefined) body.push(paragraph(view.hiddenNote, { isSubtle: true, size: 'Small', spacing: 'Medium' }));
  return adaptiveCard(text.lang, body);
}
