import * as lib from 'rrule';

// rrule ships a UMD bundle as `main`: Node's ESM loader exposes it only as the default export,
// while bundlers see the named exports. Take whichever this runtime gives.
type RRuleLib = typeof lib;
const mod: RRuleLib = (lib as unknown as { default?: RRuleLib }).default ?? lib;

export const RRule = mod.RRule;
export type RRule = lib.RRule;
export type RRuleOptions = lib.Options;
export const Weekday = mod.Weekday;
