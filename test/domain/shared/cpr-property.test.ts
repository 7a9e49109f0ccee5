import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ActionItem, ActionOwner } from '../../../domain/actions/action-item';
import { NewActionItem } from '../../../domain/actions/new-action-items';
import { AgendaInput, AgendaItem, Circulation, CirculatedConsultant, Agenda } from '../../../domain/agendas/agenda';
import { KnownUser } from '../../../domain/conversations/conversation';
import { RaiseInput } from '../../../domain/escalations/escalation-raise';
import { Escalation, EscalationStep, Person } from '../../../domain/escalations/escalation';
import { ForaFile, ForumSlug } from '../../../domain/fora/fora-file';
import { Forum, ForumName, Member, TeamsLink } from '../../../domain/fora/forum';
import { planForaImport } from '../../../domain/fora/import-fora';
import { Meeting, MeetingSeries, Place } from '../../../domain/meetings/meeting';
import { containsCprNumber, normaliseForCprCheck } from '../../../domain/shared/cpr-guard';
import { cprRefusedFields } from '../../../domain/shared/guarded-text';
import { benignSample, cprSample, seededRandom, type Sample } from '../../support/cpr-samples';

const SEED = 0x15c0ffee;
const RUNS = 4000;

/** Every domain field that takes text from a person or from Teams, as a schema of its own. */
const TEXT_FIELDS: Record<string, z.ZodType> = {
  'AgendaItem.title': AgendaItem.shape.title,
  'AgendaItem.description': AgendaItem.shape.description,
  'AgendaItem.presenter': AgendaItem.shape.presenter,
  'CirculatedConsultant.name': CirculatedConsultant.shape.name,
  'CirculatedConsultant.forumName': CirculatedConsultant.shape.forumName,
  'Circulation.forumName': Circulation.shape.forumName,
  'Agenda.updatedByName': Agenda.shape.updatedByName,
  'AgendaInput.authorName': AgendaInput.shape.authorName,
  'AgendaInput.text': AgendaInput.shape.text,
  'ActionItem.title': ActionItem.shape.title,
  'ActionItem.blockedReason': ActionItem.shape.blockedReason,
  'ActionOwner(member).displayName': ActionOwner.options[0].shape.displayName,
  'ActionOwner(external).displayName': ActionOwner.options[1].shape.displayName,
  'NewActionItem.title': NewActionItem.shape.title,
  'KnownUser.displayName': KnownUser.shape.displayName,
  'RaiseInput.title': RaiseInput.shape.title,
  'RaiseInput.description': RaiseInput.shape.description,
  'Escalation.title': Escalation.shape.title,
  'Escalation.description': Escalation.shape.description,
  'Escalation.category': Escalation.shape.category,
  'Escalation.decision': Escalation.shape.decision,
  'EscalationStep.note': EscalationStep.shape.note,
  'Person.displayName': Person.shape.displayName,
  'ForaFile.municipality': ForaFile.shape.municipality,
  ForumName,
  'Forum.description': Forum.shape.description,
  'Member.displayName': Member.shape.displayName,
  'TeamsLink.channelName': TeamsLink.shape.channelName,
  'Place.location': Place.shape.location,
  'MeetingSeries.title': MeetingSeries.shape.title,
  'Meeting.title': Meeting.shape.title,
};

/** Fields that hold an address: the sample is put where a person would put it. */
const ADDRESS_FIELDS: Record<string, { schema: z.ZodType; wrap: (text: string) => string }> = {
  'Member.email': { schema: Member.shape.email, wrap: (text) => `${compact(text)}@ishoj.dk` },
  'ActionOwner(external).email': { schema: ActionOwner.options[1].shape.email, wrap: (text) => `${compact(text)}@ishoj.dk` },
  'AgendaItem.documentUrl': { schema: AgendaItem.shape.documentUrl, wrap: (text) => `https://intra.ishoj.dk/sag?q=${encodeURIComponent(text)}` },
  'Place.onlineMeetingUrl': { schema: Place.shape.onlineMeetingUrl, wrap: (text) => `https://teams.microsoft.com/l/${encodeURIComponent(text)}` },
  'ForumSlug (fora file id)': { schema: ForumSlug, wrap: (text) => slugOf(text) },
};

/** What an e-mail's local part can hold: ASCII letters and digits, other runs as one dot. */
const compact = (text: string): string => normaliseForCprCheck(text).replace(/[^A-Za-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '') || 'x';
const slugOf = (text: string): string => normaliseForCprCheck(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
/** A date and a time are told apart by the white space between them, which no address can hold. */
const fitsAnAddress = (sample: Sample): boolean => !/date and time/.test(sample.label);

/** Runs `RUNS` samples through `check`; collects failures instead of stopping at the first. */
function property(name: string, seed: number, make: (rng: () => number) => Sample, check: (sample: Sample) => boolean): string[] {
  const rng = seededRandom(seed);
  const failures: string[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const sample = make(rng);
    if (!check(sample)) failures.push(`run ${run}: ${sample.label} ${JSON.stringify(sample.text)}`);
  }
  console.info(`[cpr-property] ${name}: seed=${seed.toString(16)} runs=${RUNS} failures=${failures.length}`);
  return failures.slice(0, 5);
}

const refuses = (schema: z.ZodType, text: string): boolean => {
  const parsed = schema.safeParse(text);
  return !parsed.success && cprRefusedFields(parsed.error).length > 0;
};

describe('CPR guard, property-based (seeded; run counts are printed)', () => {
  it('given CPR numbers in any script, separator and surrounding text then every one is found', () => {
    expect(property('containsCprNumber/cpr', SEED, cprSample, (s) => containsCprNumber(s.text))).toEqual([]);
  });

  it('given phone numbers, dates, times, case numbers and EAN codes then none is taken for a CPR number', () => {
    expect(property('containsCprNumber/benign', SEED + 1, benignSample, (s) => !containsCprNumber(s.text))).toEqual([]);
  });

  describe.each(Object.entries(TEXT_FIELDS))('given the text field %s', (field, schema) => {
    it('then a CPR number is refused with the CPR code and a benign number is accepted', () => {
      expect(property(`${field}/cpr`, SEED + 2, cprSample, (s) => refuses(schema, s.text))).toEqual([]);
      expect(property(`${field}/benign`, SEED + 3, benignSample, (s) => schema.safeParse(s.text).success)).toEqual([]);
    });
  });

  describe.each(Object.entries(ADDRESS_FIELDS))('given the address field %s', (field, { schema, wrap }) => {
    it('then an address holding a CPR number is refused and one holding a benign number accepted', () => {
      const cprInAddress = (s: Sample): boolean => {
        const parsed = schema.safeParse(wrap(s.text));
        // An address the CPR number made malformed is refused too; what matters is that it never passes.
        return !parsed.success;
      };
      expect(property(`${field}/cpr`, SEED + 4, cprSample, cprInAddress)).toEqual([]);
      const benignAddress = (s: Sample): boolean => !fitsAnAddress(s) || schema.safeParse(wrap(s.text)).success;
      expect(property(`${field}/benign`, SEED + 5, benignSample, benignAddress)).toEqual([]);
    });
  });

  it('given a fora file whose member name, e-mail or forum text holds a CPR number then the import plan refuses it on that field', () => {
    const rng = seededRandom(SEED + 6);
    const fields = ['municipality', 'name', 'description', 'displayName', 'email'] as const;
    const failures: string[] = [];
    const runs = 400;
    for (let run = 0; run < runs; run += 1) {
      const sample = cprSample(rng);
      const field = fields[run % fields.length] ?? 'name';
      const member = { userId: '5f0a6d3e-1111-4a2b-9c3d-000000000001', displayName: 'Lise Holm', email: 'lise@ishoj.dk', roles: ['chair'] };
      const forum = { id: 'ssp-nu', name: 'SSP Nu', level: 'executing', description: 'Politi og skole', members: [member] };
      const file = { municipality: 'Ishøj', fora: [forum] };
      if (field === 'municipality') file.municipality = sample.text;
      else if (field === 'name' || field === 'description') forum[field] = sample.text;
      else if (field === 'displayName') member.displayName = sample.text;
      else member.email = `${compact(sample.text)}@ishoj.dk`;
      const result = planForaImport(file);
      const refused = !result.ok && result.errors.some((e) => (e.code === 'FILE.CPR_NUMBER' || field === 'email') && e.path.endsWith(field));
      const quoted = !result.ok && result.errors.some((e) => e.message.includes(sample.text));
      if (!refused || quoted) failures.push(`run ${run}: ${field} ${sample.label} ${JSON.stringify(sample.text)}`);
    }
    console.info(`[cpr-property] planForaImport/cpr: seed=${(SEED + 6).toString(16)} runs=${runs} failures=${failures.length}`);
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
