import { describe, expect, it } from 'vitest';
import { isAdmin, loadConfig, retentionSettingsOf } from '../../bot/config';

const ADMIN = '3F2504E0-4F89-11D3-9A0C-0305E82C3301';

describe('privacy settings in the configuration', () => {
  it('given BOT_ADMINS then those object ids are administrators, whatever their case, and nobody else', () => {
    const config = loadConfig({ BOT_ADMINS: ` ${ADMIN} , 11111111-2222-3333-4444-555555555555` });
    expect(config.admins).toEqual([ADMIN.toLowerCase(), '11111111-2222-3333-4444-555555555555']);
    expect(isAdmin(config, ADMIN)).toBe(true);
    expect(isAdmin(config, ADMIN.toLowerCase())).toBe(true);
    expect(isAdmin(config, '99999999-2222-3333-4444-555555555555')).toBe(false);
    expect(isAdmin(loadConfig({}), ADMIN)).toBe(false);
  });

  it('given an admin that is not an object id then start-up names the variable', () => {
    expect(() => loadConfig({ BOT_ADMINS: 'anne@ishoj.dk' })).toThrow(/BOT_ADMINS must be Entra object ids \(GUIDs\) separated by commas \(got "anne@ishoj.dk"\)/);
  });

  it('given retention periods then they are the municipality\'s; out of range or not whole is refused', () => {
    const config = loadConfig({ RETENTION_AGENDA_INPUT_MONTHS: '12', RETENTION_AUDIT_YEARS: '10' });
    expect(retentionSettingsOf(config)).toEqual({ agendaInputMonths: 12, closedCaseYears: 3, closedActionItemYears: 2, outboxWeeks: 4, auditYears: 10 });
    expect(() => loadConfig({ RETENTION_OUTBOX_WEEKS: '0' })).toThrow(/RETENTION_OUTBOX_WEEKS must be 1–52/);
    expect(() => loadConfig({ RETENTION_CLOSED_CASE_YEARS: '2.5' })).toThrow(/RETENTION_CLOSED_CASE_YEARS must be a whole number/);
    expect(() => loadConfig({ RETENTION_AUDIT_YEARS: 'forever' })).toThrow(/RETENTION_AUDIT_YEARS must be a whole number/);
  });
});
