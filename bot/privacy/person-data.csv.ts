import type { PersonData } from '../../domain/privacy/person-data';
import { csvCell } from '../action-items/action-items.csv';
import type { PrivacyTexts } from './privacy.texts';

const BOM = '\uFEFF';

/** The readable summary of an access request: one row per thing, for Danish Excel (`;`, CRLF, BOM). */
export function personDataCsv(texts: PrivacyTexts, data: PersonData): string {
  const s = texts.csv.sections;
  const rows: string[][] = [];
  if (data.knownAs !== undefined) rows.push([s.knownAs, '', data.knownAs.seenAt, data.knownAs.displayName ?? '', data.knownAs.teamsId, data.userId]);
  for (const m of data.memberships) rows.push([s.membership, m.forumName, '', m.roles.join(', '), [m.displayName, m.email ?? ''].filter(Boolean).join(' · '), m.forumId]);
  for (const i of data.inputs) rows.push([s.input, i.forumId, i.savedAt, i.itemId ?? '', i.noComments ? '—' : i.text, i.agendaId]);
  for (const a of data.actionItems) rows.push([s.actionItem, a.forumId, a.dueDate, a.title, `${a.status} · ${a.as.join(', ')}`, a.id]);
  for (const c of data.cases) {
    rows.push([s.case, c.originForumId, '', c.title, c.state, c.id]);
    for (const step of c.theirSteps) rows.push([s.caseStep, c.originForumId, step.at, step.action, step.note ?? '', c.id]);
    if (c.seenDecisionAt !== undefined) rows.push([s.caseSeen, c.originForumId, c.seenDecisionAt, '', '', c.id]);
  }
  for (const a of data.agendas) rows.push([s.agenda, a.forumId, a.meetingStart, a.as.join(', '), '', a.agendaId]);
  for (const e of data.audit) rows.push([s.audit, e.forumId, e.at, e.action, `${e.subject} · ${e.as.join(', ')}`, '']);
  for (const r of data.teams) rows.push([s.team, '', r.seenAt, r.displayName ?? '', [r.email, r.upn].filter(Boolean).join(' · '), r.teamId]);
  if (data.personalChat !== undefined) rows.push([s.personalChat, '', data.personalChat.installedAt, data.personalChat.active ? texts.csv.chatState.active : texts.csv.chatState.inactive, '', data.personalChat.conversationId]);
  for (const d of data.deliveries) rows.push([s.delivery, '', d.deliveredAt ?? d.enqueuedAt, d.subjectType ?? '', d.status, d.id]);
  for (const d of data.caused) rows.push([s.caused, '', d.deliveredAt ?? d.enqueuedAt, d.subjectType ?? '', d.status, '']);
  for (const r of data.pictureReports) {
    const when = r.publishedAt ?? r.edits.at(-1) ?? '';
    const sections = Object.entries(r.commentary);
    if (sections.length === 0) rows.push([s.pictureReport, r.forumId, when, `${r.period.from}–${r.period.to}`, '', '']);
    for (const [section, text] of sections) rows.push([s.pictureReport, r.forumId, when, `${r.period.from}–${r.period.to} · ${section}`, text, '']);
  }
  for (const forumId of data.analystIn) rows.push([s.analyst, forumId, '', '', '', '']);
  const plan = data.plan;
  if (plan.pending !== undefined) rows.push([s.plan, '', plan.pending.sentAt ?? '', texts.csv.planPending, plan.pending.as.join(', '), '']);
  for (const v of plan.versions) rows.push([s.plan, '', v.approvedAt, `v${v.number}`, v.as.join(', '), '']);
  for (const i of plan.initiatives) rows.push([s.initiative, '', '', i.project, i.as.join(', '), i.id]);
  for (const c of plan.changes) rows.push([s.initiativeChange, '', c.at, c.kind, c.fields.join(', '), c.initiativeId]);
  return BOM + [texts.csv.headers, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
