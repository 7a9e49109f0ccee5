import { adaptiveCard, asText, heading, paragraph, type AdaptiveCard, type CardLang } from './card-kit';

export interface ActionExportCardText {
  lang: CardLang;
  title: string;
  body: (forum: string, validUntil: string) => string;
  open: string;
}

/** A personal, expiring download link for a forum's action items as CSV. */
export function actionExportCard(text: ActionExportCardText, view: { forumName: string; url: string; validUntil: string }): AdaptiveCard {
  return adaptiveCard(text.lang, [heading(text.title), paragraph(text.body(asText(view.forumName), view.validUntil))], [{ type: 'Action.OpenUrl', title: text.open, url: view.url }]);
}
