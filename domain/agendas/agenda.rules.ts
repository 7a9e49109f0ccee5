import { containsCprNumber } from '../shared/cpr-guard';
import { allowed, refused, type Verdict } from '../shared/domain-error';
import { AGENDA_INPUT_MAX_LENGTH, type Agenda } from './agenda';

/** Checks a consultant's input before anything is written. */
export function checkAgendaInput(
  agenda: Agenda,
  input: { authorId: string; text: string; noComments: boolean; agendaRevision: number },
  now: Date,
): Verdict {
  const circulation = agenda.circulation;
  if (circulation === undefined) return refused('AGENDA.NOT_CIRCULATED');
  if (!circulation.consultantIds.includes(input.authorId)) return refused('AGENDA.NOT_ON_CIRCULATION');
  if (now.getTime() > Date.parse(circulation.deadline)) return refused('AGENDA.DEADLINE_PASSED', { deadline: circulation.deadline });
  if (input.agendaRevision !== agenda.revision) return refused('AGENDA.STALE', { current: agenda.revision });
  if (!input.noComments) {
    const text = input.text.trim();
    if (text.length === 0) return refused('INPUT.EMPTY');
    if (text.length > AGENDA_INPUT_MAX_LENGTH) return refused('INPUT.TOO_LONG', { max: AGENDA_INPUT_MAX_LENGTH });
  }
  if (containsCprNumber(input.text)) return refused('INPUT.CPR_NUMBER');
  return allowed;
}
