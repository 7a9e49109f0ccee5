import type { Initiative } from '../../../domain/plan/initiative';

/**
 * Initiatives of Ishøj's 2017 plan (seeds/001), typed in as test data: focus area, project, purpose,
 * time frame and target group as the plan gives them. Time frames like "Skoleåret 16/17" become years.
 */
export const PLAN_2017: readonly Omit<Initiative, 'id' | 'forumId' | 'status' | 'createdAt' | 'updatedAt' | 'actionItemIds' | 'caseIds' | 'public'>[] = [
  { focusArea: 'Tryg by', project: 'Antiradikalisering - Kompetenceudvikling hos nøglepersoner', purpose: 'At identificere og handle på tidlige tegn på radikalisering og/eller ekstremisme', fromYear: 2017, toYear: 2018, targetGroup: 'Unge i risiko for at blive radikaliserede' },
  { focusArea: 'Tryg by', project: 'Handleplan for forebyggelse af radikalisering og ekstremisme', purpose: 'At skabe en sammenhængende og kvalificeret kommunal tilgang til radikalisering og ekstremisme.', fromYear: 2016, toYear: 2016, targetGroup: 'Radikaliseringstruede borgere' },
  { focusArea: 'Tryg by', project: 'Borgerdrevet tryghed i Ishøj', purpose: 'Borgerinddragelse i tryghedsindsatsen og facilitering af borgerdrevne initiativer til øget tryghed i Ishøj.', fromYear: 2017, toYear: 2018, targetGroup: 'Borgere i Ishøj' },
  { focusArea: 'Tryg by', project: 'Boligsocial helhedsplan i Vejledparken', purpose: 'At forebygge kriminalitet og bryde den sociale arv', fromYear: 2017, toYear: 2021, targetGroup: 'Borgere (primært under 30) i Vejledparken', ages: { from: 0, to: 30 }, area: 'Vejledparken' },
  { focusArea: 'Proaktiv kriminalitetsforebyggelse', project: 'Politikadet', purpose: 'Forebyggelse af kriminel udvikling og mistrivsel.', fromYear: 2016, toYear: 2016, targetGroup: '12-14-årige', ages: { from: 12, to: 14 } },
  { focusArea: 'Proaktiv kriminalitetsforebyggelse', project: 'Pilottest af A.R.T. (Aggression Replacement Training)', purpose: 'At forebygge kriminel udvikling og styrke elevernes ressourcer til at indgå i fællesskaber.', fromYear: 2017, toYear: 2017, targetGroup: 'Elevgrupper, der er præget af mangelfulde sociale færdigheder og mange konflikter' },
  { focusArea: 'Proaktiv kriminalitetsforebyggelse', project: 'Fraværsprojekt på Strandgårdsskolen', purpose: 'Udvikle og afprøve indsatser der skal forebygge og nedsætte udvalgte elevers fravær.', fromYear: 2016, toYear: 2017, targetGroup: 'Elever med bekymrende fravær' },
  { focusArea: 'Proaktiv kriminalitetsforebyggelse', project: 'Fra gadeliv til klubliv', purpose: 'At opsøge gadeorienterede unge og rekruttere dem til kommunens klubtilbud.', fromYear: 2017, toYear: 2018, targetGroup: 'Elever med gadeorienteret livsstil' },
  { focusArea: 'Proaktiv kriminalitetsforebyggelse', project: 'Fremtidens lokale SSP-netværk', purpose: 'At styrke samarbejdet om tidlig kriminalitetsforebyggelse i de lokale SSP-netværk', fromYear: 2017, toYear: 2018, targetGroup: 'Børn og unge i tidlig risiko for kriminel udvikling og/eller mistrivsel' },
];

/** A full initiative from one of the 2017 rows. */
export function initiative2017(index: number, overrides: Partial<Initiative> = {}): Initiative {
  const row = PLAN_2017[index];
  if (row === undefined) throw new Error(`no 2017 initiative ${index}`);
  return { ...row, id: `i${index}`, forumId: 'koordinationsgruppen', status: 'running', public: false, actionItemIds: [], caseIds: [], createdAt: '2017-01-10T09:00:00.000Z', updatedAt: '2017-01-10T09:00:00.000Z', ...overrides };
}
