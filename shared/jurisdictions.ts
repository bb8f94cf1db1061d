/**
 * Jurisdictions a client can be under: ISO 3166-2 style codes. The UK nations and US
 * states carry their own subdivision; `EU` stands for "an EU member state under Directive
 * 2011/7/EU" when the user does not name one.
 */

const US_STATES =
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(
    ' ',
  );
/** EU member states (other than Italy, which has its own row). */
const EU_MEMBERS = 'AT BE BG HR CY CZ DK EE FI FR DE GR IE LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');

export const JURISDICTIONS: ReadonlySet<string> = new Set([
  'IT',
  'EU',
  'GB-ENG',
  'GB-WLS',
  'GB-SCT',
  'GB-NIR',
  ...US_STATES.map((s) => `US-${s}`),
  ...EU_MEMBERS,
]);

/** Canonical form of a typed jurisdiction (`gb-eng` → `GB-ENG`, `US_CA` → `US-CA`), or null. */
export function normalizeJurisdiction(text: string): string | null {
  const code = text
    .trim()
    .toUpperCase()
    .replace(/[_\s]+/g, '-');
  return JURISDICTIONS.has(code) ? code : null;
}

/** A hint for common near-misses: `GB`, `UK`, `US`. */
export function jurisdictionHint(text: string): string {
  const code = text.trim().toUpperCase();
  if (code === 'GB' || code === 'UK')
    return 'Use GB-ENG (England), GB-WLS (Wales), GB-SCT (Scotland) or GB-NIR (Northern Ireland).';
  if (code === 'US' || code === 'USA') return 'Use the state, for example US-CA or US-NY.';
  return 'Use IT, EU, an EU country code (DE, FR…), GB-ENG, GB-WLS, GB-SCT, GB-NIR, or a US state such as US-CA.';
}
